import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkPostgres
import SkjenkSQLite
import SkjenkStore
import SkjenkTestSupport

/// `skjenk-bench engines --db URL [COUNT]`: the same work on both engines in one run: storing COUNT
/// hearings (default 10,000) read from one file in one transaction, then assessing every stored case
/// with the registers and complaints read from the store (what `skjenk assess --all` does). SQLite
/// in a fresh file, PostgreSQL at URL in a fresh schema; best of three rounds each.
enum EngineBenchmark {
    static func run(database url: String, count: Int) async throws {
        guard PostgresURL.isPostgres(url) else {
            print("skjenk-bench engines: --db must be a postgres:// URL")
            exit(2)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-engines-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("hoeringer.xml")
        try HearingXMLWriter.document((1...count).map { Fixtures.hearing($0) }).write(to: file)
        let hearings = try HearingXMLReader().read(contentsOf: file).hearings.map(\.hearing)
        precondition(hearings.count == count, "the generated file was rejected")
        let policy = try Fixtures.policy()
        let today = try LocalDate(iso: "2026-11-27")

        print("skjenk engine benchmark: \(count) hearings, best of 3 rounds each")
        let engines: [(String, (Int) async throws -> any AppStore)] = [
            ("SQLite", { round in try SQLiteStore(path: folder.appendingPathComponent("r\(round).sqlite").path) }),
            ("PostgreSQL", { _ in try await PostgresStore.open(url: url, schema: StoreEngine.newSchema()) }),
        ]
        for (name, open) in engines {
            var stores: [Double] = []
            var assessments: [Double] = []
            for round in 0..<3 {
                let store = try await open(round)
                let start = DispatchTime.now().uptimeNanoseconds
                let summary = try await store.storeHearings(
                    hearings, source: "hoeringer.xml", actor: Actor(name: "bench", channel: "bench"), progress: nil)
                let stored = DispatchTime.now().uptimeNanoseconds
                precondition(summary.created.count == count, "not every hearing was stored")
                let cases = try await store.cases(status: [.open])
                let (placed, context) = try await AssessmentInputs.load(
                    cases.map(\.hearing), policy: policy, database: store, today: today)
                let assessed = Assessor.assessAll(placed, context: context)
                let end = DispatchTime.now().uptimeNanoseconds
                precondition(assessed.count == count, "not every case was assessed")
                stores.append(Double(stored - start) / 1e6)
                assessments.append(Double(end - stored) / 1e6)
                if let postgres = store as? PostgresStore { await postgres.close() }
            }
            print(
                String(
                    format: "  %@ import %7.1f ms (%5.0f hearings/s)   assess all %7.1f ms",
                    name.padding(toLength: 11, withPad: " ", startingAt: 0) as NSString,
                    stores.min()!, Double(count) / stores.min()! * 1000, assessments.min()!))
        }
    }
}
