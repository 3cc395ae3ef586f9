import ArgumentParser
import Foundation
import SkjenkSQLite
import SkjenkStore

/// `--db PATH`, shared by every command that uses the database.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Databasefil (standard: $SKJENK_DB eller skjenk.sqlite).", valueName: "PATH"))
    var db: String?

    /// The path in force: the option, then $SKJENK_DB, then `skjenk.sqlite` in the working directory.
    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["SKJENK_DB"], !env.isEmpty { return env }
        return "skjenk.sqlite"
    }

    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--db kan ikke være tom")
        }
    }

    /// Opens the store the commands work on, or fails with a Norwegian message.
    func openStore() throws -> any AppStore {
        try openSQLite()
    }

    /// Opens the SQLite file itself, for what only SQLite does (its online backup).
    func openSQLite() throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: path)
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }
}
