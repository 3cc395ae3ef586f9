import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkSQLite
import SkjenkStore
import SkjenkTestSupport
import Synchronization
import Testing

/// The command line and the server share one SQLite file (WAL): an import by `skjenk import` in its
/// own process while the server's store logs complaints loses nothing on either side.
@Suite struct SharedDatabaseTests {
    @Test func anImportInOneProcessAndComplaintsInAnotherLoseNothing() async throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let file = cli.folder.appendingPathComponent("mange.xml")
        try HearingXMLWriter.document((1...4_000).map { Fixtures.hearing($0) }).write(to: file)
        let path = cli.folder.appendingPathComponent("test.sqlite").path
        let server = try SQLiteStore(path: path)

        let done = Mutex(false)
        let importing = Task {
            defer { done.withLock { $0 = true } }
            return try await cli.runOffPool(["import", file.path])
        }
        // Complaints from the web for as long as the import runs (at least 50)
        var logged = 0
        while logged < 50 || (!done.withLock { $0 } && logged < 5_000) {
            _ = try await server.logComplaint(
                Fixtures.complaintEntry(
                    venue: ComplaintVenue(name: "Pub \(logged)", street: "Thereses gate \(logged + 1)")),
                actor: Actor(name: "kari", channel: "web"))
            logged += 1
        }
        let result = try await importing.value

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("4000 nye, 0 oppdatert, 0 uendret"))
        let reader = try SQLiteStore(path: path)
        let cases = try await reader.caseList(CaseListQuery(statuses: nil, limit: 1, today: Fixtures.day("2026-11-22")))
        #expect(cases.total == 4_000)
        #expect(try await reader.complaintLog(ComplaintFilter()).count == logged)
    }
}
