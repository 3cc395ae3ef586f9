import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkImport
import SkjenkStore

/// `--policy PATH`: the district's policy file, or a folder with one file per district.
struct PolicyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Policyfil, eller en mappe med én policyfil per bydel (standard: $SKJENK_POLICY eller policy.yaml).",
            valueName: "PATH"))
    var policy: String?

    var path: String {
        if let policy { return policy }
        if let env = ProcessInfo.processInfo.environment["SKJENK_POLICY"], !env.isEmpty { return env }
        return "policy.yaml"
    }

    /// The policies (one file, or a folder with one per district), or a failure that lists every
    /// problem in them.
    func policies() throws -> PolicySet {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(
                message: "fant ikke policyfilen \(path); oppgi den med --policy (for eksempel "
                    + "--policy Samples/policy.yaml)")
        }
        switch PolicySet.read(at: path) {
        case .success(let policies): return policies
        case .failure(let errors):
            for diagnostic in errors.diagnostics { Terminal.error(diagnostic.description) }
            let what = PolicySet.isFolder(path) ? "policymappen" : "policyfilen"
            throw CommandFailure(message: "\(what) \(path) har feil; ingen vurdering er gjort")
        }
    }

    /// The policy for work outside any district's hearing (complaints): the file, or the only file in
    /// the folder; a folder with several districts is refused with the reason.
    func load() throws -> Policy {
        try policies().policy(forDistrict: nil)
    }
}

extension Skjenk {
    /// `skjenk assess CASENUMBER` / `--all`: the risk assessment (alkoholloven § 1-7a).
    struct Assess: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vurder risiko for en høring etter alkoholloven § 1-7a.",
            discussion: "Bruker stedsregisteret, registeret over steder med bevilling og policyen til høringens bydel.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var policyOptions: PolicyOptions
        @OptionGroup var today: TodayOption

        @Flag(name: .long, help: "Vurder alle åpne saker.")
        var all = false

        @Flag(name: .long, help: "Skriv JSON (for skript).")
        var json = false

        @Argument(help: ArgumentHelp("Saksnummer.", valueName: "CASENUMBER"))
        var caseNumber: String?

        func validate() throws {
            guard all != (caseNumber != nil) else {
                throw ValidationError("oppgi enten et saksnummer eller --all")
            }
            if let caseNumber, (try? CaseNumber(caseNumber)) == nil {
                throw ValidationError("«\(caseNumber)» er ikke et saksnummer (ÅÅÅÅ/N eller ÅÅ/N, ev. med -D)")
            }
        }

        func run() async throws {
            let policies = try policyOptions.policies()
            let database = try await store.openStore()
            let cases: [StoredCase]
            if let caseNumber {
                let number = try CaseNumber(caseNumber)
                guard let stored = try await database.storedCase(number) else {
                    throw CommandFailure(message: "fant ingen sak med saksnummer \(number.text)")
                }
                cases = [stored]
            } else {
                cases = try await database.cases(status: [.open])
            }
            let assessed: [AssessedHearing]
            do {
                assessed = try await AssessmentDesk.assess(
                    cases.map(\.hearing), policies: policies, store: database, today: today.date)
            } catch let missing as PolicySetError {
                throw CommandFailure(message: missing.description + "; ingen vurdering er gjort")
            }
            // The desk shows the level each case was last assessed at.
            try await AssessmentDesk.recordLevels(of: cases, assessed.map(\.assessment), store: database)
            if json {
                let output = assessed.map { AssessmentJSON($0.assessment) }
                if all { try JSONOutput.print(output) } else { try JSONOutput.print(output[0]) }
                return
            }
            for item in assessed {
                let report = AssessmentReport(hearing: item.hearing, assessment: item.assessment, policy: item.policy)
                print(report.render())
                print("")
            }
        }
    }
}

/// An assessment as `assess --json` prints it.
struct AssessmentJSON: Encodable {
    struct FactorJSON: Encodable {
        let criterion: String
        let key: String
        let score: Int
        let explanation: String
        let evidence: [String]
        let goal: String?
    }

    struct SiteJSON: Encodable {
        let category: String
        let name: String
        let distanceMeters: Double
    }

    let caseNumber: String
    let level: String
    let totalScore: Double
    let factors: [FactorJSON]
    let nearbySites: [SiteJSON]
    let venueDensity: VenueDensity?
    let complaints: ComplaintsJSON?

    /// Complaints counted: `total` reports, `episodes`, and episodes by category code (never who complained).
    struct ComplaintsJSON: Encodable {
        let total: Int
        let episodes: Int
        let byCategory: [String: Int]
    }
    /// A proposed condition with its reason; `subsidiary` when the district opposes the application.
    struct ConditionJSON: Encodable {
        let subject: String
        let text: String
        let reason: String
        let subsidiary: Bool
    }

    /// A refused part of the application, its reason and the lawful alternative.
    struct RefusalJSON: Encodable {
        let rule: String
        let part: String
        let reason: String
        let alternative: String
    }

    /// The weighing: what speaks against and for, and why the conclusion follows.
    struct WeighingJSON: Encodable {
        let against: [String]
        let inFavour: [String]
        let conclusion: String
    }

    /// The suggested outcome (`ingen-merknader`, `vilkaar`, `delvis-avslag`, `gaar-imot`).
    let outcome: String
    let refusals: [RefusalJSON]
    let conditions: [ConditionJSON]
    let weighing: WeighingJSON
    let uncertainties: [String]
    /// The zone the hours were weighed against (`boligomraade`, …).
    let zone: String

    init(_ a: Assessment) {
        caseNumber = a.caseNumber
        level = a.level.rawValue
        totalScore = a.totalScore
        factors = a.factors.map {
            FactorJSON(
                criterion: $0.criterion.code, key: $0.key.rawValue, score: $0.score, explanation: $0.explanation,
                evidence: $0.evidence, goal: $0.goal)
        }
        nearbySites = a.nearbySites.map {
            SiteJSON(category: $0.category.code, name: $0.name, distanceMeters: ($0.distanceMeters * 10).rounded() / 10)
        }
        venueDensity = a.venueDensity
        complaints = a.complaints.map {
            ComplaintsJSON(
                total: $0.total, episodes: $0.episodes,
                byCategory: Dictionary(uniqueKeysWithValues: $0.byCategory.map { ($0.key.code, $0.value) }))
        }
        outcome = a.outcome.code
        refusals = a.refusals.map {
            RefusalJSON(rule: $0.rule.rawValue, part: $0.part, reason: $0.reason, alternative: $0.alternative)
        }
        conditions = a.conditions.map {
            ConditionJSON(subject: $0.subject.rawValue, text: $0.text, reason: $0.reason, subsidiary: $0.subsidiary)
        }
        weighing = WeighingJSON(
            against: a.weighing.against, inFavour: a.weighing.inFavour, conclusion: a.weighing.conclusion)
        uncertainties = a.uncertainties
        zone = a.zone.code
    }
}

/// `assess` as text.
struct AssessmentReport {
    let hearing: Hearing
    let assessment: Assessment
    let policy: Policy

    func render() -> String {
        var lines = [
            "Sak \(hearing.caseNumber.text): \(hearing.venue.name) – risiko \(assessment.level.rawValue) "
                + "(poengsum \(NorwegianFormat.decimal(assessment.totalScore)))"
        ]
        for criterion in Criterion.allCases {
            let factors = assessment.factors.filter { $0.criterion == criterion }
            guard !factors.isEmpty else { continue }
            lines.append("")
            lines.append("\(criterion.label.prefix(1).uppercased())\(criterion.label.dropFirst()):")
            for factor in factors {
                lines.append("  [\(factor.score)/3] \(factor.explanation)")
                for item in factor.evidence { lines.append("        – \(item)") }
            }
        }
        lines.append("")
        lines.append("Samlet vurdering:")
        for item in assessment.weighing.against { lines.append("  – mot: \(item)") }
        for item in assessment.weighing.inFavour { lines.append("  – for: \(item)") }
        lines.append("  \(assessment.weighing.conclusion)")
        lines.append("")
        lines.append("Forslag til konklusjon: \(assessment.outcome.label)")
        for refusal in assessment.refusals {
            lines.append("  – avslag på \(refusal.part): \(refusal.reason); det kan gis \(refusal.alternative)")
        }
        if !assessment.conditions.isEmpty {
            lines.append("")
            lines.append(assessment.outcome == .against ? "Forslag til vilkår (subsidiært):" : "Forslag til vilkår:")
            for (index, condition) in assessment.conditions.enumerated() {
                lines.append("  \(index + 1). \(condition.text) (\(condition.reason))")
            }
        }
        if !assessment.uncertainties.isEmpty {
            lines.append("")
            lines.append("Usikkerhet:")
            for item in assessment.uncertainties { lines.append("  – \(item)") }
        }
        return lines.joined(separator: "\n")
    }
}
