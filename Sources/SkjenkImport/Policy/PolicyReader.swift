import Foundation
import SkjenkCore
import Yams

/// Reads the district's policy file (YAML, see `Samples/policy.yaml`) strictly: every key known,
/// every value checked, every problem reported with its line and column. Unknown keys are errors,
/// so a misspelt threshold never silently falls back to something else.
public struct PolicyReader: Sendable {
    public init() {}

    /// The policy in `url`, or every problem found in it.
    public func read(contentsOf url: URL, displayName: String? = nil) -> Result<Policy, PolicyErrors> {
        let name = displayName ?? url.path
        guard let data = try? Data(contentsOf: url) else {
            return .failure(
                PolicyErrors([
                    Diagnostic(
                        at: SourceLocation(file: name, line: 0, column: 0),
                        message: "policyfilen finnes ikke eller kan ikke leses")
                ]))
        }
        return read(data: data, fileName: name)
    }

    public func read(data: Data, fileName: String) -> Result<Policy, PolicyErrors> {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(
                PolicyErrors([
                    Diagnostic(
                        at: SourceLocation(file: fileName, line: 1, column: 1),
                        message: "policyfilen er ikke UTF-8")
                ]))
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return .failure(
                    PolicyErrors([
                        Diagnostic(
                            at: SourceLocation(file: fileName, line: 1, column: 1),
                            message: "policyfilen er tom")
                    ]))
            }
            root = node
        } catch let error as YamlError {
            return .failure(PolicyErrors([Self.diagnostic(error, fileName: fileName)]))
        } catch {
            return .failure(
                PolicyErrors([
                    Diagnostic(
                        at: SourceLocation(file: fileName, line: 1, column: 1),
                        message: "policyfilen kan ikke leses som YAML")
                ]))
        }
        var reader = PolicyNodeReader(fileName: fileName)
        let policy = reader.policy(root)
        guard reader.problems.isEmpty, let policy else { return .failure(PolicyErrors(reader.problems)) }
        return .success(policy)
    }

    private static func diagnostic(_ error: YamlError, fileName: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return Diagnostic(
                at: SourceLocation(file: fileName, line: mark.line, column: mark.column),
                message: "ugyldig YAML (\(problem))")
        case .duplicatedKeysInMapping(let duplicates, _):
            return Diagnostic(
                at: SourceLocation(file: fileName, line: 1, column: 1),
                message: "samme nøkkel står to ganger: \(duplicates.joined(separator: ", "))")
        default:
            return Diagnostic(at: SourceLocation(file: fileName, line: 1, column: 1), message: "ugyldig YAML")
        }
    }
}

/// Every problem in a policy file.
public struct PolicyErrors: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Walks the YAML tree, collecting problems with their positions.
struct PolicyNodeReader {
    let fileName: String
    var problems: [Diagnostic] = []

    mutating func policy(_ root: Node) -> Policy? {
        guard
            let top = mapping(
                root, "policyfilen",
                keys: [
                    "versjon", "standardsone", "avstander", "soner", "bakgaard_mot_boliger_stenger", "salg", "tetthet",
                    "klager", "prikker", "konsept", "vekter", "nivaa", "maal",
                ])
        else { return nil }
        if let version = top["versjon"], integer(version, "versjon", in: 1...1) == nil { return nil }
        let defaultZone = top["standardsone"].flatMap { zone($0, "standardsone") }

        var distances: [SiteCategory: Policy.DistanceBands] = [:]
        if let node = required(top, "avstander", in: root),
            let table = mapping(node, "avstander", keys: SiteCategory.allCases.map(\.code))
        {
            for category in SiteCategory.allCases {
                guard let bands = required(table, category.code, in: node, path: "avstander"),
                    let fields = mapping(bands, "avstander.\(category.code)", keys: ["hoy", "middels"]),
                    let high = fields["hoy"].flatMap({ metres($0, "avstander.\(category.code).hoy") }),
                    let medium = fields["middels"].flatMap({ metres($0, "avstander.\(category.code).middels") })
                else { continue }
                if medium < high {
                    report(
                        bands,
                        "avstander.\(category.code): middels (\(Int(medium)) m) kan ikke være mindre enn hoy (\(Int(high)) m)"
                    )
                }
                distances[category] = Policy.DistanceBands(high: high, medium: medium)
            }
        }

        var norms: [Zone: Policy.ZoneNorm] = [:]
        if let node = required(top, "soner", in: root),
            let table = mapping(node, "soner", keys: Zone.allCases.map(\.code))
        {
            for zone in Zone.allCases {
                guard let entry = required(table, zone.code, in: node, path: "soner"),
                    let fields = mapping(entry, "soner.\(zone.code)", keys: ["inne", "ute"]),
                    let indoor = fields["inne"].flatMap({ time($0, "soner.\(zone.code).inne") }),
                    let outdoor = fields["ute"].flatMap({ time($0, "soner.\(zone.code).ute") })
                else { continue }
                norms[zone] = Policy.ZoneNorm(indoor: indoor, outdoor: outdoor)
            }
        }
        let courtyard = required(top, "bakgaard_mot_boliger_stenger", in: root).flatMap {
            time($0, "bakgaard_mot_boliger_stenger")
        }

        var saleWeekdays: TimeOfDay?
        var saleSaturday: TimeOfDay?
        if let node = required(top, "salg", in: root),
            let fields = mapping(node, "salg", keys: ["hverdager", "loerdag"])
        {
            saleWeekdays = required(fields, "hverdager", in: node, path: "salg").flatMap { time($0, "salg.hverdager") }
            saleSaturday = required(fields, "loerdag", in: node, path: "salg").flatMap { time($0, "salg.loerdag") }
        }

        var densityRadius: Double?
        var density: Policy.Thresholds?
        if let node = required(top, "tetthet", in: root),
            let fields = mapping(node, "tetthet", keys: ["radius", "middels", "hoy"])
        {
            densityRadius = required(fields, "radius", in: node, path: "tetthet").flatMap {
                metres($0, "tetthet.radius")
            }
            density = thresholds(fields, node, "tetthet")
        }

        var complaintMonths: Int?
        var complaintRadius: Double?
        var complaints: Policy.Thresholds?
        var recentMonths: Int?
        var recentWeight: Double?
        var firstResponseDays: Int?
        var followUpDays: Int?
        var duplicateDistance: Double?
        var duplicateDays: Int?
        var venueLinkDistance: Double?
        if let node = required(top, "klager", in: root),
            let fields = mapping(
                node, "klager",
                keys: [
                    "maaneder", "radius", "middels", "hoy", "siste_maaneder", "vekt_siste", "forste_svar_dager",
                    "oppfoelging_dager", "duplikat_avstand", "duplikat_dager", "kobling_avstand",
                ])
        {
            complaintMonths = required(fields, "maaneder", in: node, path: "klager").flatMap {
                integer($0, "klager.maaneder", in: 1...120)
            }
            complaintRadius = required(fields, "radius", in: node, path: "klager").flatMap {
                metres($0, "klager.radius")
            }
            complaints = thresholds(fields, node, "klager")
            recentMonths = required(fields, "siste_maaneder", in: node, path: "klager").flatMap {
                integer($0, "klager.siste_maaneder", in: 0...120)
            }
            recentWeight = required(fields, "vekt_siste", in: node, path: "klager").flatMap {
                number($0, "klager.vekt_siste", in: 0...10)
            }
            firstResponseDays = required(fields, "forste_svar_dager", in: node, path: "klager").flatMap {
                integer($0, "klager.forste_svar_dager", in: 0...365)
            }
            followUpDays = required(fields, "oppfoelging_dager", in: node, path: "klager").flatMap {
                integer($0, "klager.oppfoelging_dager", in: 0...365)
            }
            // Optional, with defaults: files written before duplicate detection still read.
            duplicateDistance = fields["duplikat_avstand"].flatMap { metres($0, "klager.duplikat_avstand") }
            duplicateDays = fields["duplikat_dager"].flatMap { integer($0, "klager.duplikat_dager", in: 0...365) }
            venueLinkDistance = fields["kobling_avstand"].flatMap { metres($0, "klager.kobling_avstand") }
        }

        var points: Policy.Thresholds?
        if let node = required(top, "prikker", in: root),
            let fields = mapping(node, "prikker", keys: ["middels", "hoy"])
        {
            points = thresholds(fields, node, "prikker")
        }

        var youngAgeLimit: Int?
        var largeCapacity: Int?
        if let node = required(top, "konsept", in: root),
            let fields = mapping(node, "konsept", keys: ["ung_aldersgrense_under", "stor_kapasitet"])
        {
            youngAgeLimit = required(fields, "ung_aldersgrense_under", in: node, path: "konsept").flatMap {
                integer($0, "konsept.ung_aldersgrense_under", in: 18...99)
            }
            largeCapacity = required(fields, "stor_kapasitet", in: node, path: "konsept").flatMap {
                integer($0, "konsept.stor_kapasitet", in: 1...100_000)
            }
        }

        var weights: [Criterion: Double] = [:]
        if let node = required(top, "vekter", in: root),
            let fields = mapping(node, "vekter", keys: Criterion.allCases.map(\.code))
        {
            for criterion in Criterion.allCases {
                if let value = required(fields, criterion.code, in: node, path: "vekter")
                    .flatMap({ number($0, "vekter.\(criterion.code)", in: 0...100) })
                {
                    weights[criterion] = value
                }
            }
        }

        var levels: Policy.Thresholds?
        if let node = required(top, "nivaa", in: root), let fields = mapping(node, "nivaa", keys: ["middels", "hoy"]) {
            levels = thresholds(fields, node, "nivaa")
        }

        var goals: [Criterion: String] = [:]
        if let node = required(top, "maal", in: root),
            let fields = mapping(node, "maal", keys: Criterion.allCases.map(\.code))
        {
            for criterion in Criterion.allCases {
                if let value = required(fields, criterion.code, in: node, path: "maal").flatMap({
                    text($0, "maal.\(criterion.code)")
                }) {
                    goals[criterion] = value
                }
            }
        }

        guard problems.isEmpty, let defaultZone, let courtyard, let saleWeekdays, let saleSaturday, let densityRadius,
            let density, let complaintMonths, let complaintRadius, let complaints, let recentMonths, let recentWeight,
            let firstResponseDays, let followUpDays, let points, let youngAgeLimit, let largeCapacity, let levels
        else {
            if problems.isEmpty, top["standardsone"] == nil { report(root, "standardsone mangler") }
            return nil
        }
        var policy = Policy(
            distances: distances, defaultZone: defaultZone, zoneNorms: norms, courtyardClosing: courtyard,
            saleClosingWeekdays: saleWeekdays, saleClosingSaturday: saleSaturday, densityRadius: densityRadius,
            density: density, complaintMonths: complaintMonths, complaintRadius: complaintRadius,
            complaints: complaints, recentMonths: recentMonths, recentWeight: recentWeight,
            penaltyPoints: points, youngAgeLimit: youngAgeLimit, largeCapacity: largeCapacity,
            weights: weights, levels: levels, goals: goals, firstResponseDays: firstResponseDays,
            followUpDays: followUpDays)
        if let duplicateDistance { policy.duplicates.distance = duplicateDistance }
        if let duplicateDays { policy.duplicates.windowDays = duplicateDays }
        if let venueLinkDistance { policy.venueLinkDistance = venueLinkDistance }
        return policy
    }

    // MARK: Values

    private mutating func thresholds(_ fields: [String: Node], _ node: Node, _ path: String) -> Policy.Thresholds? {
        guard
            let medium = required(fields, "middels", in: node, path: path).flatMap({
                number($0, "\(path).middels", in: 0...1_000_000)
            }),
            let high = required(fields, "hoy", in: node, path: path).flatMap({
                number($0, "\(path).hoy", in: 0...1_000_000)
            })
        else { return nil }
        if high < medium { report(node, "\(path): hoy (\(high)) kan ikke være mindre enn middels (\(medium))") }
        return Policy.Thresholds(medium: medium, high: high)
    }

    /// The mapping's entries by key; unknown keys are reported.
    private mutating func mapping(_ node: Node, _ path: String, keys: [String]) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            report(node, "\(path): ventet en tabell av nøkler og verdier")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard keys.contains(name) else {
                report(key, "\(path): ukjent nøkkel «\(name)»; tillatte nøkler: \(keys.joined(separator: ", "))")
                continue
            }
            result[name] = value
        }
        return result
    }

    private mutating func required(
        _ fields: [String: Node], _ key: String, in parent: Node, path: String? = nil
    ) -> Node? {
        if let node = fields[key] { return node }
        report(parent, "\(path.map { "\($0)." } ?? "")\(key) mangler")
        return nil
    }

    private mutating func scalar(_ node: Node, _ path: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, "\(path): ventet én verdi")
            return nil
        }
        return scalar.string
    }

    private mutating func number(_ node: Node, _ path: String, in range: ClosedRange<Double>) -> Double? {
        guard let text = scalar(node, path) else { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), range.contains(value) else {
            report(
                node,
                "\(path): ventet et tall fra \(Self.format(range.lowerBound)) til \(Self.format(range.upperBound)), fant «\(text)»"
            )
            return nil
        }
        return value
    }

    private mutating func metres(_ node: Node, _ path: String) -> Double? {
        number(node, path, in: 0...100_000)
    }

    private mutating func integer(_ node: Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = scalar(node, path) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            report(node, "\(path): ventet et helt tall fra \(range.lowerBound) til \(range.upperBound), fant «\(text)»")
            return nil
        }
        return value
    }

    private mutating func time(_ node: Node, _ path: String) -> TimeOfDay? {
        guard let text = scalar(node, path) else { return nil }
        guard let value = try? TimeOfDay(text.replacingOccurrences(of: ".", with: ":")) else {
            report(node, "\(path): ventet et klokkeslett som \"01:00\", fant «\(text)»")
            return nil
        }
        return value
    }

    private mutating func zone(_ node: Node, _ path: String) -> Zone? {
        guard let text = scalar(node, path) else { return nil }
        guard let value = Zone(code: text) else {
            report(node, "\(path): ukjent sone «\(text)»; bruk \(Zone.codes.joined(separator: ", "))")
            return nil
        }
        return value
    }

    private mutating func text(_ node: Node, _ path: String) -> String? {
        guard let text = scalar(node, path)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            report(node, "\(path): ventet en tekst")
            return nil
        }
        return text
    }

    private mutating func report(_ node: Node, _ message: String) {
        let mark = node.mark
        problems.append(
            Diagnostic(
                at: SourceLocation(file: fileName, line: mark?.line ?? 1, column: mark?.column ?? 1),
                message: message))
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
