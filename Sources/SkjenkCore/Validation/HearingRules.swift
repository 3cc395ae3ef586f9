import Foundation

/// The facts of a hearing that the cross-field rules look at. Each is optional, so the rules can
/// run on a hearing whose other parts are broken and every problem in a file is reported at once.
public struct HearingFacts: Sendable {
    public var sent: LocalDate?
    public var deadline: LocalDate?
    public var applicationType: ApplicationType?
    public var change: String?
    public var permitType: PermitType?
    public var alcoholGroups: Set<AlcoholGroup>?
    public var servingPeriods: [ServingPeriod?]
    public var position: Position?

    public init(
        sent: LocalDate? = nil, deadline: LocalDate? = nil, applicationType: ApplicationType? = nil,
        change: String? = nil, permitType: PermitType? = nil, alcoholGroups: Set<AlcoholGroup>? = nil,
        servingPeriods: [ServingPeriod?] = [], position: Position? = nil
    ) {
        self.sent = sent
        self.deadline = deadline
        self.applicationType = applicationType
        self.change = change
        self.permitType = permitType
        self.alcoholGroups = alcoholGroups
        self.servingPeriods = servingPeriods
        self.position = position
    }

    /// The facts of a complete hearing.
    public init(_ hearing: Hearing) {
        self.init(
            sent: hearing.sent, deadline: hearing.deadline, applicationType: hearing.applicationType,
            change: hearing.change, permitType: hearing.permitType, alcoholGroups: hearing.alcoholGroups,
            servingPeriods: hearing.servingPeriods, position: hearing.venue.position)
    }
}

/// The part of a hearing a rule violation points at, so a reader can name its line in the file.
public enum HearingField: Sendable, Hashable {
    case deadline
    case change
    case applicationType
    case alcoholGroups
    /// The n-th serving period (0-based).
    case servingPeriod(Int)
    case position
}

/// A broken cross-field rule, with a Norwegian message.
public struct RuleViolation: Sendable, Hashable {
    public var field: HearingField
    public var message: String
}

/// The rules of the hearing format that a schema cannot express (hearing-request.md).
public enum HearingRules {
    /// Every violation in `facts`, in the order of the fields in the format.
    public static func check(_ facts: HearingFacts) -> [RuleViolation] {
        var found: [RuleViolation] = []
        if let sent = facts.sent, let deadline = facts.deadline, deadline < sent {
            found.append(
                .init(
                    field: .deadline,
                    message: "fristen \(deadline.iso) er før datoen høringen ble sendt (\(sent.iso))"))
        }
        if let type = facts.applicationType {
            let hasChange = !(facts.change?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true)
            if type == .change && !hasChange {
                found.append(
                    .init(
                        field: .applicationType,
                        message: "søknadstype «endring» krever elementet <endring> som sier hva som skal endres"))
            } else if type != .change && facts.change != nil {
                found.append(
                    .init(
                        field: .change,
                        message: "<endring> er bare tillatt når søknadstypen er «endring» (her «\(type.code)»)"))
            }
        }
        if facts.permitType == .retailSale, let groups = facts.alcoholGroups, groups != [.group1] {
            found.append(
                .init(
                    field: .alcoholGroups,
                    message: "salgsbevilling gjelder bare alkoholgruppe 1 (alkoholloven § 3-1), men søknaden gjelder "
                        + "gruppe \(Self.list(groups))"))
        }
        for (index, period) in facts.servingPeriods.enumerated() {
            guard let period else { continue }
            if facts.permitType == .retailSale, period.groups != [.group1] {
                found.append(
                    .init(
                        field: .servingPeriod(index),
                        message: "salgsbevilling gjelder bare alkoholgruppe 1, men perioden gjelder gruppe "
                            + Self.list(period.groups)))
            } else if let groups = facts.alcoholGroups, !period.groups.isSubset(of: groups) {
                let extra = period.groups.subtracting(groups)
                found.append(
                    .init(
                        field: .servingPeriod(index),
                        message: "perioden gjelder gruppe \(Self.list(extra)), som det ikke er søkt om i "
                            + "<alkoholgrupper> (\(Self.list(groups)))"))
            }
        }
        if let position = facts.position {
            let point = position.geographic
            if !NorwayExtent.contains(point) {
                found.append(
                    .init(
                        field: .position,
                        message: "posisjonen (\(Self.degrees(point))) ligger utenfor Norge; sjekk koordinatene "
                            + "og srid (\(position.srid.rawValue))"))
            }
        }
        return found
    }

    private static func list(_ groups: Set<AlcoholGroup>) -> String {
        groups.sorted().map { String($0.rawValue) }.joined(separator: " og ")
    }

    private static func degrees(_ point: GeoPoint) -> String {
        String(format: "%.5f° N, %.5f° Ø", point.latitude, point.longitude).replacingOccurrences(of: ".", with: ",")
    }
}
