import Foundation

/// Vilkår: a condition the district proposes, with the reason it answers (Helsedirektoratet on
/// conditions: a condition must have an objective reason and be no heavier than the problem).
public struct Condition: Sendable, Hashable, Codable {
    /// What the condition is about, so two conditions on one subject never stand side by side
    /// (one closing condition per area: the stricter).
    public enum Subject: String, Sendable, Hashable, Codable {
        case closingIndoor, closingOutdoor, outdoorGroup3, ageLimit, guards, noise, courtyard
    }

    public let subject: Subject
    /// The condition as the letter states it ("Aldersgrense på 20 år.").
    public let text: String
    /// Why ("fordi …"), one sentence.
    public let reason: String
    /// Proposed only in case Næringsetaten grants the permit although the district opposes it.
    public var subsidiary: Bool
    /// For closing conditions: the closing time, to keep the stricter of two.
    public let closing: TimeOfDay?

    public init(subject: Subject, text: String, reason: String, subsidiary: Bool = false, closing: TimeOfDay? = nil) {
        self.subject = subject
        self.text = text
        self.reason = reason
        self.subsidiary = subsidiary
        self.closing = closing
    }
}

/// Delvis avslag: the part of an application the district advises against, why, and what would be
/// lawful instead.
public struct PartRefusal: Sendable, Hashable, Codable {
    /// What kind of rule the part breaks.
    public enum Rule: String, Sendable, Hashable, Codable {
        /// Serving past the zone's serving stop (Oslo's regulation of opening hours).
        case servingStop
        /// Serving past the serving stop of a courtyard that homes face.
        case courtyard
        /// Group 3 before 13.00 (alkoholloven § 4-4).
        case group3BeforeOnePM
        /// Group 3 later than groups 1 and 2 on the same day and area (§ 4-4).
        case group3AfterGroups12
        /// Outside § 4-4's outer limits (06.00–03.00), or earlier than the district's earliest start.
        case outerLimits
        /// Retail sale outside § 3-7's hours or on a day without sale.
        case saleHours
    }

    public let rule: Rule
    /// The part: "skjenking ute etter kl. 21.30".
    public let part: String
    /// Why, naming the rule ("stedet skal holde lukket ute fra kl. 22.00 …").
    public let reason: String
    /// The lawful alternative: "skjenking ute til kl. 21.30".
    public let alternative: String
    public let area: ServingArea?
    /// The lawful limit the alternative names (a closing of serving, or a start).
    public let limit: TimeOfDay?

    public init(
        rule: Rule, part: String, reason: String, alternative: String, area: ServingArea? = nil,
        limit: TimeOfDay? = nil
    ) {
        self.rule = rule
        self.part = part
        self.reason = reason
        self.alternative = alternative
        self.area = area
        self.limit = limit
    }
}

/// Samlet vurdering: what weighs for and against the application, one sentence each, and the
/// sentence that ties them to the conclusion.
public struct Weighing: Sendable, Hashable, Codable {
    public let against: [String]
    public let inFavour: [String]
    /// Why the conclusion follows.
    public let conclusion: String

    public init(against: [String], inFavour: [String], conclusion: String) {
        self.against = against
        self.inFavour = inFavour
        self.conclusion = conclusion
    }
}

/// The conclusion the factors lead to: the outcome, the refused parts, the conditions (never two
/// on one subject, subsidiary when the district opposes) and the weighing.
public struct Recommendation: Sendable, Hashable, Codable {
    public let outcome: StatementOutcome
    public let refusals: [PartRefusal]
    public let conditions: [Condition]
    public let weighing: Weighing

    /// Derives the recommendation. `level` is the overall level, `levelWithoutRefusedHours` the
    /// level the application would have if the refused parts were taken out of it. `conductWeighs`
    /// tells whether complaints or penalty points weigh: a renewal is opposed only on the holder's
    /// conduct (alkoholloven § 1-7a: how the holder ran the place).
    static func derive(
        factors: [Factor], level: RiskLevel, levelWithoutRefusedHours: RiskLevel, refusals: [PartRefusal],
        conditions proposed: [Condition], inFavour: [String], isRenewal: Bool
    ) -> Recommendation {
        let weighsAgainst = factors.filter { $0.score >= 2 }
        let conductWeighs = weighsAgainst.contains { $0.criterion == .publicOrder || $0.criterion == .earlierOperation }
        let mayOppose = !isRenewal || conductWeighs
        var conditions = Self.consistent(proposed)
        var refusals = refusals
        // No group 3 outdoors at all: a refused hour of group 3 outdoors has no lawful alternative
        // beyond groups 1 and 2 there, so the two never point different ways.
        if conditions.contains(where: { $0.subject == .outdoorGroup3 }) {
            refusals = refusals.map { refusal in
                guard refusal.area == .outdoor,
                    [.group3BeforeOnePM, .group3AfterGroups12].contains(refusal.rule)
                else { return refusal }
                return PartRefusal(
                    rule: refusal.rule, part: refusal.part, reason: refusal.reason,
                    alternative: "skjenking ute av alkoholgruppe 1 og 2 (se vilkåret om alkoholgruppe 3 ute)",
                    area: refusal.area, limit: refusal.limit)
            }
        }
        let outcome: StatementOutcome
        if !refusals.isEmpty {
            outcome = levelWithoutRefusedHours == .high && mayOppose ? .against : .partialRefusal
        } else if level == .high && mayOppose {
            outcome = .against
        } else if !conditions.isEmpty {
            outcome = .grantWithConditions
        } else if level != .low || !weighsAgainst.isEmpty {
            // Something weighs and no condition tied to the facts answers it: the district says so.
            outcome = .remarks
        } else {
            outcome = .noRemarks
        }
        if outcome == .against {
            for index in conditions.indices { conditions[index].subsidiary = true }
        }
        // The discretionary weighing: what the law forbids is in the refusals, not weighed here.
        let against = weighsAgainst.filter { !$0.key.isHours }
            .map { $0.summary ?? Self.firstSentence($0.explanation) }
        // The weighing's last word says why; the recommendation that follows says what (the two never
        // repeat each other, in the short letter where they stand side by side either).
        let conclusion: String
        switch outcome {
        case .noRemarks:
            conclusion = "Ingenting i vurderingen taler mot søknaden."
        case .remarks:
            conclusion =
                "Det som taler for varsomhet, er ikke tungt nok til at bydelen går imot søknaden, og bydelen ser "
                + "ikke et vilkår som kan avhjelpe det."
        case .grantWithConditions:
            conclusion = "Det som taler mot søknaden, kan etter bydelens vurdering avhjelpes med vilkår."
        case .partialRefusal:
            conclusion =
                "Tider som går ut over det alkoholloven eller Oslo kommunes forskrift tillater, kan ikke tilrås. "
                + (against.isEmpty
                    ? "Ellers taler ingenting i vurderingen mot søknaden."
                    : (conditions.isEmpty
                        ? "Det andre som taler for varsomhet, er ikke tungt nok til at bydelen går imot søknaden."
                        : "Det andre som taler mot søknaden, kan etter bydelens vurdering avhjelpes med vilkår."))
        case .against:
            conclusion =
                "Samlet taler forholdene mot søknaden, og bydelen mener at vilkår ikke kan avhjelpe dette"
                + (conditions.isEmpty ? "." : "; vilkårene nedenfor foreslås bare subsidiært, om bevilling likevel gis.")
        }
        return Recommendation(
            outcome: outcome, refusals: refusals, conditions: conditions,
            weighing: Weighing(against: against, inFavour: inFavour, conclusion: conclusion))
    }

    /// One condition per subject; for closing conditions the stricter (earlier) one, with its reason.
    public static func consistent(_ conditions: [Condition]) -> [Condition] {
        var kept: [Condition] = []
        for condition in conditions {
            if let index = kept.firstIndex(where: { $0.subject == condition.subject }) {
                if let new = condition.closing, let old = kept[index].closing,
                    ServingHours.lateness(new) < ServingHours.lateness(old)
                {
                    kept[index] = condition
                }
            } else {
                kept.append(condition)
            }
        }
        return kept
    }

    /// The first sentence of an explanation, for the weighing: up to a full stop followed by a
    /// capital letter, unless it ends an abbreviation ("kl. 01.00", "org.nr. 123", "St. Hanshaugen").
    public static func firstSentence(_ text: String) -> String {
        let abbreviations: Set<String> = ["st", "kl", "nr", "org.nr", "ca", "jf", "bl.a", "dvs", "f.eks", "pkt"]
        var search = text.startIndex..<text.endIndex
        while let stop = text.range(of: ". ", range: search) {
            let word = text[..<stop.lowerBound].split(separator: " ").last.map { $0.lowercased() } ?? ""
            if let next = text[stop.upperBound...].first, next.isUppercase, !abbreviations.contains(word) {
                return String(text[..<stop.lowerBound]) + "."
            }
            search = stop.upperBound..<text.endIndex
        }
        return text
    }

    public init(outcome: StatementOutcome, refusals: [PartRefusal], conditions: [Condition], weighing: Weighing) {
        self.outcome = outcome
        self.refusals = refusals
        self.conditions = conditions
        self.weighing = weighing
    }
}
