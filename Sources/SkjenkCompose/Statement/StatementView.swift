import Foundation
import SkjenkCore

/// Everything a statement template can show, as stored properties (Mustache reads values through
/// reflection: a computed property would render as nothing). Text is already formatted the
/// Norwegian way; templates only choose and arrange. Holds no personal data: no complainant, and
/// none of the applicant's staff.
public struct StatementView: Sendable, Encodable {
    /// A fact in the case table.
    public struct Fact: Sendable, Encodable {
        public let label: String
        public let value: String
    }

    /// A requested serving or sale period.
    public struct Period: Sendable, Encodable {
        public let area: String
        public let groups: String
        public let days: String
        public let hours: String
    }

    /// A sensitive site near the venue, numbered as on the map.
    public struct Site: Sendable, Encodable {
        public let number: Int
        public let category: String
        public let name: String
        public let distance: String
    }

    /// One factor of the assessment.
    public struct FactorText: Sendable, Encodable {
        public let key: String
        public let explanation: String
        public let evidence: [String]
        public let hasEvidence: Bool
        /// The factor weighs (score 2 or 3).
        public let weighs: Bool
        public let weighsHeavily: Bool
    }

    /// A § 1-7a criterion with its factors and the action-plan goal it serves.
    public struct CriterionSection: Sendable, Encodable {
        public let key: String
        public let heading: String
        public let factors: [FactorText]
        public let goal: String
        public let hasGoal: Bool
    }

    public struct CategoryCount: Sendable, Encodable {
        public let category: String
        public let count: Int
        /// "1 episode", "3 episoder".
        public let episodes: String
    }

    /// A numbered condition with the reason it answers.
    public struct Numbered: Sendable, Encodable {
        public let number: Int
        public let text: String
        public let reason: String
    }

    /// A part of the application the district advises against, why, and the lawful alternative.
    public struct Refusal: Sendable, Encodable {
        /// The part with a capital first letter, to begin a list item.
        public let heading: String
        public let part: String
        public let reason: String
        public let alternative: String
    }

    /// The one-page standard statement (`md/kort`) rather than the full one.
    public let short: Bool

    // Heading and reference
    public let title: String
    /// The district as the letterhead names it ("Bydel St. Hanshaugen", from the policy's `bydel`).
    public let districtName: String
    /// The date of the agency's letter (`sendt`).
    public let agencyLetterDate: String
    /// Who signs: the director for a delegated statement (or the one the route names).
    public let signerName: String
    public let signerTitle: String
    public let hasSigner: Bool
    /// The district's addresses, phone, e-mail, web and organisation number, for the foot.
    public let districtContact: String
    public let hasDistrictContact: Bool
    public let district: String
    public let venueName: String
    public let address: String
    public let agencyCaseNumber: String
    public let agencyOfficer: String
    public let hasAgencyOfficer: Bool
    public let ourReference: String
    public let hasOurReference: Bool
    public let date: String
    public let deadline: String
    /// "Kari Nordmann, rådgiver", or "(ikke oppgitt)" when nobody is named.
    public let officer: String
    public let hasOfficer: Bool
    /// "tlf. …, e-post …", empty when unknown.
    public let officerReach: String
    public let hasOfficerReach: Bool

    // The case
    public let applicationKind: String
    public let permitKind: String
    public let isServing: Bool
    public let isSale: Bool
    public let isNew: Bool
    public let isChange: Bool
    public let isChangeOfOwner: Bool
    public let isRenewal: Bool
    public let isSingleOccasion: Bool
    public let change: String
    public let hasChange: Bool
    public let applicant: String
    public let organisationNumber: String
    public let zone: String
    public let groups: String
    public let facts: [Fact]
    public let periods: [Period]
    public let hasPeriods: Bool
    /// The latest requested end of serving inside/outside: "03.00/01.00" (outside "–" when none).
    public let closing: String
    public let concept: String
    public let hasConcept: Bool
    public let targetGroup: String
    public let hasTargetGroup: Bool

    // Assessment
    public let level: String
    public let criteria: [CriterionSection]
    public let sites: [Site]
    public let hasSites: Bool
    public let density: String
    public let hasDensity: Bool
    public let complaintCounts: [CategoryCount]
    public let hasComplaints: Bool
    public let complaintSummary: String
    /// "støy: 1 episode og mindreårige: 2 episoder".
    public let complaintCategories: String
    public let goals: [String]
    public let hasGoals: Bool
    public let uncertainties: [String]
    public let hasUncertainties: Bool

    // Recommendation and decision
    public let outcome: String
    public let outcomeCode: String
    public let noRemarks: Bool
    /// No objection, with remarks on `remarkTopics` ("beliggenhet og stedets karakter og målgruppe").
    public let remarks: Bool
    public let remarkTopics: String
    public let withConditions: Bool
    public let partialRefusal: Bool
    public let against: Bool
    public let conditions: [Numbered]
    public let hasConditions: Bool
    /// The district opposes the application: conditions and refused parts are subsidiary.
    public let subsidiary: Bool
    public let refusals: [Refusal]
    public let hasRefusals: Bool
    /// The refused parts in one phrase: "skjenking inne etter kl. 00.30 og …".
    public let refusalParts: String
    /// Samlet vurdering: what weighs against and for, and why the conclusion follows (empty when
    /// the officer chose another outcome than the assessment's).
    public let weighingAgainst: [String]
    public let hasWeighingAgainst: Bool
    public let weighingFor: [String]
    public let hasWeighingFor: Bool
    public let weighingConclusion: String
    public let hasWeighingConclusion: Bool
    public let delegated: Bool
    public let signatory: String
    public let hasSignatory: Bool
    public let councilBody: String
    /// The body with a capital first letter, to begin a sentence.
    public let councilBodyTitle: String
    public let meetingDate: String
    public let itemNumber: String
    /// The closing section's sentence (before approval; `StatementText.finalised` swaps it).
    public let routeText: String
    /// The draft mark until approval (`StatementText.draftMark`).
    public let draftMark: String
    /// The statement is dated after the deadline (or its council meets after it): it apologises.
    public let late: Bool
    /// Why it is late, when a council's meeting is the reason (", fordi saken behandles i møte …").
    public let lateReason: String
    /// The agency's note (merknad), quoted; empty when there is none.
    public let agencyRemark: String
    public let hasAgencyRemark: Bool

    // Attachments
    /// The map as inline SVG, drawn by skjenk (its text escaped): empty when the venue has no position.
    public let mapSVG: String
    public let hasMap: Bool
    public let attachments: [String]
    public let hasAttachments: Bool
}
