import ArgumentParser
import Foundation
import SkjenkPostgres
import SkjenkSQLite
import SkjenkStore

/// `--db PATH`, shared by every command that uses the database.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Databasefil, eller en PostgreSQL-adresse postgres://bruker@vert/database (standard: $SKJENK_DB eller "
                + "skjenk.sqlite).", valueName: "PATH|URL"))
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

    /// Whether the database is PostgreSQL (a `postgres://` or `postgresql://` URL) rather than a file.
    var isPostgres: Bool { PostgresURL.isPostgres(path) }

    /// Opens the store the commands work on (PostgreSQL for a URL, else the SQLite file), or fails
    /// with a Norwegian message that never shows the password.
    func openStore() async throws -> any AppStore {
        guard isPostgres else { return try openSQLite() }
        do {
            return try await PostgresStore.open(url: path)
        } catch {
            throw CommandFailure(message: "\(PostgresURL.redacted(path)): \(error)")
        }
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
