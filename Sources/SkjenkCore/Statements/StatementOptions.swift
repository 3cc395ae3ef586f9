import Foundation

/// Konklusjon: what the district recommends (DOMAIN.md, "What a statement says").
public enum StatementOutcome: String, ExchangeCoded {
    /// Nothing weighs against the application.
    case noRemarks
    /// No objection, but the district points to what weighs (no condition would answer it).
    case remarks
    case grantWithConditions, partialRefusal, against

    public var code: String {
        switch self {
        case .noRemarks: "ingen-merknader"
        case .remarks: "merknader"
        case .grantWithConditions: "vilkaar"
        case .partialRefusal: "delvis-avslag"
        case .against: "gaar-imot"
        }
    }

    public var label: String {
        switch self {
        case .noRemarks: "ingen merknader"
        case .remarks: "ingen innvendinger, med merknader"
        case .grantWithConditions: "tilrår innvilget med vilkår"
        case .partialRefusal: "tilrår avslag for del av søknaden"
        case .against: "går imot"
        }
    }

    /// The outcome the assessment points to (its recommendation); the officer may choose another.
    public static func suggested(by assessment: Assessment) -> StatementOutcome {
        assessment.outcome
    }

    /// Why the officer's choice of this outcome would make the letter contradict its own
    /// assessment, or nil. Hours the law or Oslo's regulation does not allow can never be
    /// recommended (alkoholloven §§ 3-7 and 4-4, the regulation's closing times): an outcome that
    /// grants the application as applied for cannot stand beside them. A partial refusal must name
    /// the part refused, so it needs a part the assessment refuses.
    public func conflict(with assessment: Assessment) -> OutcomeConflict? {
        let parts = assessment.refusals.map(\.part)
        switch self {
        case .noRemarks, .remarks, .grantWithConditions:
            if !parts.isEmpty { return .unlawfulPartsGranted(parts) }
            // «Ingen merknader» never follows a section that says something weighs against.
            if self == .noRemarks, !assessment.weighing.against.isEmpty { return .somethingWeighsAgainst }
            // «Med vilkår» needs conditions to point to.
            if self == .grantWithConditions, assessment.conditions.isEmpty { return .noConditions }
            return nil
        case .partialRefusal:
            return parts.isEmpty ? .nothingToRefuse : nil
        case .against:
            return nil
        }
    }
}

/// An outcome that would contradict the assessment (`StatementOutcome.conflict(with:)`).
public enum OutcomeConflict: Error, Sendable, Hashable, CustomStringConvertible {
    /// Parts the law or the regulation does not allow, under an outcome that grants them.
    case unlawfulPartsGranted([String])
    /// A partial refusal without a part to refuse.
    case nothingToRefuse
    /// «Ingen merknader» where the assessment says something weighs against the application.
    case somethingWeighsAgainst
    /// «Tilrår innvilget med vilkår» without a condition to propose.
    case noConditions

    public var description: String {
        switch self {
        case .unlawfulPartsGranted(let parts):
            "søknaden omfatter \(NorwegianFormat.list(parts)), som loven eller forskriften ikke tillater; uttalelsen "
                + "kan derfor ikke tilrå at søknaden innvilges som omsøkt. Velg «\(StatementOutcome.partialRefusal.label)» "
                + "eller «\(StatementOutcome.against.label)»"
        case .nothingToRefuse:
            "vurderingen finner ingen del av søknaden som må avslås, så et delvis avslag ville ikke kunne si hva det "
                + "gjelder. Velg en annen konklusjon, og skriv eventuelt bydelens egne innvendinger inn i teksten"
        case .somethingWeighsAgainst:
            "vurderingen sier at noe taler mot søknaden, og «\(StatementOutcome.noRemarks.label)» ville motsi det. "
                + "Velg «\(StatementOutcome.remarks.label)» eller en annen konklusjon"
        case .noConditions:
            "vurderingen foreslår ingen vilkår, så «\(StatementOutcome.grantWithConditions.label)» ville ikke ha "
                + "vilkår å vise til. Velg en annen konklusjon; egne vilkår kan skrives inn i teksten etterpå"
        }
    }
}

/// Who decides the statement: the director under delegation, or the district council (BU) or
/// one of its committees in a meeting.
public enum DecisionRoute: Sendable, Hashable {
    /// Decided by the director under delegation; `signatory` names who signs.
    case delegated(signatory: String?)
    /// `itemNumber` is empty while the statement is planned for the meeting and not yet on its agenda.
    case council(body: String, meetingDate: LocalDate, itemNumber: String)

    public var isDelegated: Bool {
        if case .delegated = self { return true }
        return false
    }

    /// Whether `other` is the same decision maker: the director (the signatory may differ), or the
    /// same body (the meeting and item that decide it may differ from those the draft planned).
    public func isSameDecisionMaker(as other: DecisionRoute) -> Bool {
        switch (self, other) {
        case (.delegated, .delegated): true
        case (.council(let body, _, _), .council(let other, _, _)): body.lowercased() == other.lowercased()
        default: false
        }
    }

    /// "vedtak av bydelsdirektøren", "vedtak i BU 3. desember 2026, sak 45/26".
    public var label: String {
        switch self {
        case .delegated: "vedtak av bydelsdirektøren"
        case .council(let body, let date, let item) where item.isEmpty:
            "vedtak i \(body) \(NorwegianFormat.longDate(date))"
        case .council(let body, let date, let item): "vedtak i \(body) \(NorwegianFormat.longDate(date)), sak \(item)"
        }
    }
}

/// Kort eller full uttalelse: the one-page standard statement or the full one.
public enum StatementLength: String, ExchangeCoded {
    /// As the policy says for the kind of application and the outcome.
    case automatic
    case short
    case full

    public var code: String {
        switch self {
        case .automatic: "auto"
        case .short: "kort"
        case .full: "full"
        }
    }

    public var label: String {
        switch self {
        case .automatic: "etter bydelens policy"
        case .short: "kort standarduttalelse"
        case .full: "full uttalelse"
        }
    }

    /// Whether the statement is short: by the officer's choice, else by the policy's kinds of
    /// application (`kort_uttalelse`): a single occasion always, a renewal or a change of owner when
    /// nothing weighs against it (DOMAIN.md, "Short statements").
    public func isShort(_ kind: ApplicationType, outcome: StatementOutcome, shortKinds: Set<ApplicationType>) -> Bool {
        switch self {
        case .short: return true
        case .full: return false
        case .automatic:
            guard shortKinds.contains(kind) else { return false }
            return kind == .singleOccasion || outcome == .noRemarks
        }
    }
}

/// What the officer decides about a statement beyond the assessment.
public struct StatementOptions: Sendable, Hashable {
    public var outcome: StatementOutcome
    public var route: DecisionRoute
    /// The district's own reference (vår referanse), when it has one.
    public var ourReference: String?
    /// The date the statement carries.
    public var date: LocalDate
    /// The officer who wrote it (saksbehandler).
    public var officer: OfficerContact?
    /// Short standard statement or the full one.
    public var length: StatementLength

    public init(
        outcome: StatementOutcome, route: DecisionRoute = .delegated(signatory: nil), ourReference: String? = nil,
        date: LocalDate, officer: OfficerContact? = nil, length: StatementLength = .automatic
    ) {
        self.length = length
        self.outcome = outcome
        self.route = route
        self.ourReference = ourReference
        self.date = date
        self.officer = officer
    }
}
