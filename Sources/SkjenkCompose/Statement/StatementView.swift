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

    // MARK: - Building a view in sections

    /// The letterhead, the references and who writes and signs.
    public struct Letterhead: Sendable {
        public var title: String
        public var districtName: String
        public var agencyLetterDate: String
        /// Who signs; nil for a council's statement, sent in the district's name.
        public var signerName: String?
        public var signerTitle: String
        public var districtContact: String?
        public var district: String
        public var venueName: String
        public var address: String
        public var agencyCaseNumber: String
        public var agencyOfficer: String?
        public var ourReference: String?
        public var date: String
        public var deadline: String
        public var officer: OfficerContact?
    }

    /// What the application asks for.
    public struct Application: Sendable {
        public var kind: ApplicationType
        public var applicationKind: String
        public var permitKind: String
        public var isServing: Bool
        public var change: String?
        public var applicant: String
        public var organisationNumber: String
        public var zone: String
        public var groups: String
        public var facts: [Fact]
        public var periods: [Period]
        public var closing: String
        public var concept: String?
        public var targetGroup: String?
    }

    /// What the assessment found.
    public struct Findings: Sendable {
        public var level: String
        public var criteria: [CriterionSection]
        public var sites: [Site]
        public var density: String?
        public var complaintCounts: [CategoryCount]
        public var complaintSummary: String
        public var goals: [String]
        public var uncertainties: [String]
    }

    /// What the district recommends, on which route, and when.
    public struct Decision: Sendable {
        public var outcome: StatementOutcome
        public var remarkTopics: String
        public var conditions: [Numbered]
        public var refusals: [Refusal]
        public var weighingAgainst: [String]
        public var weighingFor: [String]
        public var weighingConclusion: String
        public var route: DecisionRoute
        public var late: Bool
        public var lateReason: String
        public var agencyRemark: String?
    }

    /// The view from its sections: every `has…` flag follows from its value here, once.
    public init(
        short: Bool, letterhead l: Letterhead, application a: Application, findings f: Findings, decision d: Decision,
        mapSVG: String?, attachments: [String]
    ) {
        self.short = short
        title = l.title
        districtName = l.districtName
        agencyLetterDate = l.agencyLetterDate
        signerName = l.signerName ?? ""
        signerTitle = l.signerTitle
        hasSigner = l.signerName != nil
        districtContact = l.districtContact ?? ""
        hasDistrictContact = l.districtContact != nil
        district = l.district
        venueName = l.venueName
        address = l.address
        agencyCaseNumber = l.agencyCaseNumber
        agencyOfficer = l.agencyOfficer ?? ""
        hasAgencyOfficer = l.agencyOfficer != nil
        ourReference = l.ourReference ?? "(ikke oppgitt)"
        hasOurReference = l.ourReference != nil
        date = l.date
        deadline = l.deadline
        officer = l.officer?.nameAndTitle ?? "(ikke oppgitt)"
        hasOfficer = l.officer != nil
        officerReach = l.officer?.reach ?? ""
        hasOfficerReach = l.officer?.reach != nil

        applicationKind = a.applicationKind
        permitKind = a.permitKind
        isServing = a.isServing
        isSale = !a.isServing
        isNew = a.kind == .new
        isChange = a.kind == .change
        isChangeOfOwner = a.kind == .changeOfOwner
        isRenewal = a.kind == .renewal
        isSingleOccasion = a.kind == .singleOccasion
        change = a.change ?? ""
        hasChange = a.change != nil
        applicant = a.applicant
        organisationNumber = a.organisationNumber
        zone = a.zone
        groups = a.groups
        facts = a.facts
        periods = a.periods
        hasPeriods = !a.periods.isEmpty
        closing = a.closing
        concept = a.concept ?? ""
        hasConcept = a.concept != nil
        targetGroup = a.targetGroup ?? ""
        hasTargetGroup = a.targetGroup != nil

        level = f.level
        criteria = f.criteria
        sites = f.sites
        hasSites = !f.sites.isEmpty
        density = f.density ?? ""
        hasDensity = f.density != nil
        complaintCounts = f.complaintCounts
        hasComplaints = !f.complaintCounts.isEmpty
        complaintSummary = f.complaintSummary
        complaintCategories = NorwegianFormat.list(f.complaintCounts.map { "\($0.category) (\($0.episodes))" })
        goals = f.goals
        hasGoals = !f.goals.isEmpty
        uncertainties = f.uncertainties
        hasUncertainties = !f.uncertainties.isEmpty

        outcome = d.outcome.label
        outcomeCode = d.outcome.code
        noRemarks = d.outcome == .noRemarks
        remarks = d.outcome == .remarks
        remarkTopics = d.remarkTopics
        withConditions = d.outcome == .grantWithConditions
        partialRefusal = d.outcome == .partialRefusal
        against = d.outcome == .against
        conditions = d.conditions
        hasConditions = !d.conditions.isEmpty
        subsidiary = d.outcome == .against
        refusals = d.refusals
        hasRefusals = !d.refusals.isEmpty
        refusalParts =
            d.refusals.isEmpty
            ? "den delen av søknaden som er omtalt i vurderingen" : NorwegianFormat.list(d.refusals.map(\.part))
        weighingAgainst = d.weighingAgainst
        hasWeighingAgainst = !d.weighingAgainst.isEmpty
        weighingFor = d.weighingFor
        hasWeighingFor = !d.weighingFor.isEmpty
        weighingConclusion = d.weighingConclusion
        hasWeighingConclusion = !d.weighingConclusion.isEmpty
        switch d.route {
        case .delegated(let signatory):
            delegated = true
            self.signatory = signatory ?? ""
            councilBody = ""
            meetingDate = ""
            itemNumber = ""
        case .council(let body, let meeting, let item):
            delegated = false
            self.signatory = ""
            councilBody = body
            meetingDate = NorwegianFormat.longDate(meeting)
            itemNumber = item
        }
        hasSignatory = !self.signatory.isEmpty
        councilBodyTitle = councilBody.prefix(1).uppercased() + councilBody.dropFirst()
        routeText = StatementText.routeBeforeApproval(d.route)
        draftMark = StatementText.draftMark
        late = d.late
        lateReason = d.lateReason
        agencyRemark = d.agencyRemark ?? ""
        hasAgencyRemark = d.agencyRemark != nil

        self.mapSVG = mapSVG ?? ""
        hasMap = mapSVG.map { !$0.isEmpty } ?? false
        self.attachments = attachments
        hasAttachments = !attachments.isEmpty
    }
}
