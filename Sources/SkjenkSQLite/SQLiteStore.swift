import Foundation
import GRDB
import SkjenkCore
import SkjenkStore

/// The SQLite store: one database file in WAL mode (shared by the CLI and the server), or an
/// in-memory database for tests. Owns every query and transaction; see the `+Concern` files.
public final class SQLiteStore: AppStore {
    let writer: any DatabaseWriter
    let now: @Sendable () -> Date

    /// Opens (creating and migrating as needed) the database file at `path`.
    public convenience init(path: String, now: @escaping @Sendable () -> Date = Date.init) throws {
        var configuration = Self.configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Hearing versions are a kilobyte or two each: larger pages store them with fewer
            // page writes. Takes effect only when the file is created.
            try db.execute(sql: "PRAGMA page_size = 8192")
            // In WAL mode NORMAL keeps the database consistent on a crash; a power cut may lose
            // the last transaction, never half of one.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 32 MB of page cache, so a large import does not spill pages mid-transaction.
            try db.execute(sql: "PRAGMA cache_size = -32000")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.unavailable("databasen \(path) kan ikke åpnes: \(Self.describe(error))")
        }
        try self.init(writer: pool, now: now)
    }

    /// A fresh in-memory database with every migration applied (for tests and dry runs).
    public static func inMemory(now: @escaping @Sendable () -> Date = Date.init) throws -> SQLiteStore {
        try SQLiteStore(writer: DatabaseQueue(configuration: configuration()), now: now)
    }

    init(writer: any DatabaseWriter, now: @escaping @Sendable () -> Date) throws {
        self.writer = writer
        self.now = now
        do {
            try Migrations.migrator.migrate(writer)
        } catch {
            throw StoreError.unavailable("databasen kan ikke oppgraderes: \(Self.describe(error))")
        }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "skjenk"
        configuration.prepareDatabase { db in db.add(function: Self.containsIgnoringCase) }
        return configuration
    }

    /// `skjenkContains(text, part)`: whether `text` contains `part` ignoring case, for every
    /// alphabet (SQLite's own `LIKE` folds ASCII only, so «Ø» would not find «ø»).
    static let containsIgnoringCase = DatabaseFunction("skjenkContains", argumentCount: 2, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]), let part = String.fromDatabaseValue(values[1]) else {
            return false
        }
        return part.isEmpty || text.range(of: part, options: [.caseInsensitive]) != nil
    }

    /// The journal mode in use (`wal` for a file database).
    public func journalMode() throws -> String {
        try writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    public func backup(to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.conflict("\(path) finnes allerede; velg et nytt filnavn for sikkerhetskopien")
        }
        do {
            let destination = try DatabaseQueue(path: path)
            try writer.backup(to: destination)
            try destination.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError.unavailable("sikkerhetskopien kunne ikke skrives til \(path): \(Self.describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite-feil \(error.resultCode.rawValue): \(error.message ?? "ukjent")"
        }
        return String(describing: error)
    }
}
