import Foundation
import SkjenkTestSupport

/// Runs the built `skjenk` in a fresh temporary folder with its own database.
struct CLIHarness {
    let folder: URL
    let child: ChildProcess

    /// `database`: a PostgreSQL URL instead of the folder's SQLite file.
    init(database: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["SKJENK_DB"] = database ?? folder.appendingPathComponent("test.sqlite").path
        child = ChildProcess(
            executable: Fixtures.skjenkExecutable, environment: environment,
            workingDirectory: Fixtures.packageRoot)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> ChildProcess.Result {
        try child.run(arguments)
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> ChildProcess.Result {
        try child.run(arguments)
    }

    /// Runs the command without holding a cooperative thread while it runs (see `runOffPool`).
    @discardableResult
    func runOffPool(_ arguments: [String]) async throws -> ChildProcess.Result {
        try await child.runOffPool(arguments)
    }

    /// Everything stored, as the JSON a script would read: the before/after picture of the database.
    func snapshot() throws -> String {
        let cases = try run("cases", "list", "--all", "--json", "--today", "2026-11-22")
        return cases.stdout
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
