import Foundation

/// Næringsetaten's final decision on a permit application, as the district records it beside its
/// own recommendation.
public struct AgencyDecision: Sendable, Hashable {
    public enum Outcome: String, ExchangeCoded {
        case granted, grantedWithConditions, refused

        public var code: String {
            switch self {
            case .granted: "innvilget"
            case .grantedWithConditions: "innvilget-med-vilkaar"
            case .refused: "avslag"
            }
        }

        public var label: String {
            switch self {
            case .granted: "innvilget"
            case .grantedWithConditions: "innvilget med vilkår"
            case .refused: "avslått"
            }
        }
    }

    public var caseNumber: CaseNumber
    public var outcome: Outcome
    public var date: LocalDate
    /// The conditions the permit was granted with, as the agency wrote them.
    public var conditions: [String]
    public var recordedAt: Date
    public var recordedBy: String

    public init(
        caseNumber: CaseNumber, outcome: Outcome, date: LocalDate, conditions: [String] = [], recordedAt: Date,
        recordedBy: String
    ) {
        self.caseNumber = caseNumber
        self.outcome = outcome
        self.date = date
        self.conditions = conditions
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    /// "innvilget med vilkår 12. januar 2027".
    public var label: String { "\(outcome.label) \(NorwegianFormat.longDate(date))" }

    /// Why a decision cannot be recorded as given, or nil.
    public static func problem(
        outcome: Outcome, date: LocalDate, conditions: [String], sent: LocalDate, today: LocalDate
    ) -> String? {
        if date > today { return "vedtaksdatoen kan ikke være frem i tid" }
        if date < sent { return "vedtaksdatoen kan ikke være før Næringsetatens høringsbrev (\(NorwegianFormat.longDate(sent)))" }
        if outcome == .grantedWithConditions && conditions.isEmpty {
            return "et vedtak «innvilget med vilkår» må ha minst ett vilkår"
        }
        if outcome != .grantedWithConditions && !conditions.isEmpty {
            return "bare et vedtak «innvilget med vilkår» har vilkår"
        }
        if conditions.contains(where: { $0.count > 1_000 }) { return "et vilkår er lengre enn 1 000 tegn" }
        return nil
    }

    /// Whether the agency's decision went the way the district recommended: a grant (with or without
    /// conditions) where the district raised no objection, a grant with conditions where it proposed
    /// conditions or refused a part, a refusal where it opposed.
    public func agrees(with recommendation: StatementOutcome) -> Bool {
        switch recommendation {
        case .noRemarks, .remarks: outcome != .refused
        case .grantWithConditions, .partialRefusal: outcome == .grantedWithConditions
        case .against: outcome == .refused
        }
    }
}
