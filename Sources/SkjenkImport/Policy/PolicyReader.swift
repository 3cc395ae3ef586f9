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

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Walks the YAML tree, collecting problems with their positions.
struct PolicyNodeReader {
    let fileName: String
    var problems: [Diagnostic] = []

    /// The top-level sections a policy file may hold.
    static let sections = [
        "versjon", "bydel", "kort_uttalelse", "standardsone", "avstander", "aapningstider_steder",
        "skjenkestopp_minutter", "soner", "tidligste_skjenkestart", "naboer", "salg", "tetthet", "klager", "prikker",
        "konsept", "vekter", "nivaa", "maal", "open311", "vurdering", "delegasjon",
    ]

    /// The policy, section by section in a fixed order (so diagnostics come in that order), or nil
    /// with the problems in `problems`. The optional choices are read once the rest holds.
    mutating func policy(_ root: Node) -> Policy? {
        guard let top = mapping(root, "policyfilen", keys: Self.sections), isSupportedVersion(top) else { return nil }
        let defaultZone = top["standardsone"].flatMap { zone($0, "standardsone") }
        let district = top["bydel"].flatMap { districtSettings($0) }
        let distances = distanceBands(top, root)
        let siteHours = top["aapningstider_steder"].map { siteOpeningHours($0) } ?? [:]
        let stopMinutes = servingStopMinutes(top)
        let zoneHours = stopMinutes.map { zoneTable(top, root, servingStopMinutes: $0) } ?? [:]
        let earliest = earliestServingStart(top, root)
        let lateIndoor = lateIndoorServing(top, root)
        let sale = saleHours(top, root)
        let venueDensity = density(top, root)
        let complaintSection = complaints(top, root)
        let points = penaltyPoints(top, root)
        let conceptSection = concept(top, root)
        let criterionWeights = weights(top, root)
        let levelThresholds = levels(top, root)
        let criterionGoals = goals(top, root)
        let districtJudgement = judgement(top)

        guard problems.isEmpty, let defaultZone, let stopMinutes, let earliest, let lateIndoor, let sale,
            let venueDensity, let complaintSection, let points, let conceptSection, let levelThresholds,
            let districtJudgement
        else {
            if problems.isEmpty, top["standardsone"] == nil { report(root, "standardsone mangler") }
            return nil
        }
        var policy = Policy(
            distances: distances, siteHours: siteHours, defaultZone: defaultZone, zoneHours: zoneHours,
            servingStopMinutes: stopMinutes, earliestServingStart: earliest, saleOpening: sale.opening,
            saleClosingWeekdays: sale.weekdays, saleClosingEve: sale.eve, densityRadius: venueDensity.radius,
            density: venueDensity.rule, complaintMonths: complaintSection.months,
            complaintRadius: complaintSection.radius, complaints: complaintSection.thresholds,
            recentMonths: complaintSection.recentMonths, recentWeight: complaintSection.recentWeight,
            penaltyPoints: points, youngAgeLimit: conceptSection.youngAgeLimit,
            largeCapacity: conceptSection.largeCapacity, conceptWords: conceptSection.words,
            lateIndoorServing: lateIndoor, weights: criterionWeights, levels: levelThresholds, goals: criterionGoals,
            firstResponseDays: complaintSection.firstResponseDays, followUpDays: complaintSection.followUpDays)
        policy.district = district
        policy.judgement = districtJudgement
        if let kinds = shortStatementKinds(top) { policy.shortStatementKinds = kinds }
        if let distance = complaintSection.duplicateDistance { policy.duplicates.distance = distance }
        if let days = complaintSection.duplicateDays { policy.duplicates.windowDays = days }
        if let distance = complaintSection.venueLinkDistance { policy.venueLinkDistance = distance }
        if let readWithoutKey = open311ReadWithoutKey(top) { policy.open311ReadWithoutKey = readWithoutKey }
        policy.delegation = delegation(top)
        guard problems.isEmpty else { return nil }
        return policy
    }

    /// `versjon`: only version 2 is read (zones with closing times and serving stops); when not
    /// given, the file is taken as version 2.
    private mutating func isSupportedVersion(_ top: [String: Node]) -> Bool {
        guard let version = top["versjon"], let text = scalar(version, "versjon"), text != "2" else { return true }
        report(
            version,
            "versjon: skjenk leser policyfiler av versjon 2 (fant «\(text)»); sonene har nå stengetider og "
                + "skjenkestopp, se Samples/policy.yaml")
        return false
    }
}
