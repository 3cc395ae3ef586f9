import Foundation
import SkjenkPostgres
import SkjenkSQLite
import SkjenkStore

/// A store engine the contract suite runs against: each test takes one as its argument and gets a
/// fresh, migrated, empty store from it, so every engine is held to the same behaviour.
public struct StoreEngine: Sendable, CustomStringConvertible {
    public let description: String
    private let make: @Sendable (_ now: @escaping @Sendable () -> Date) async throws -> any AppStore

    public init(
        _ name: String, make: @escaping @Sendable (_ now: @escaping @Sendable () -> Date) async throws -> any AppStore
    ) {
        self.description = name
        self.make = make
    }

    /// A fresh store on `clock`.
    public func store(clock: FixedClock = FixedClock()) async throws -> any AppStore {
        try await make(clock.function)
    }

    /// A fresh store on the clock `now`.
    public func store(now: @escaping @Sendable () -> Date) async throws -> any AppStore {
        try await make(now)
    }

    /// SQLite, in memory, with every migration: always available.
    public static let sqlite = StoreEngine("SQLite") { now in try SQLiteStore.inMemory(now: now) }

    /// PostgreSQL at `url`: each store in a schema of its own in that database, so tests run side by
    /// side and start empty.
    public static func postgres(_ url: String) -> StoreEngine {
        StoreEngine("PostgreSQL") { now in try await PostgresStore.open(url: url, schema: newSchema(), now: now) }
    }

    /// PostgreSQL at `url` in `schema`: every store from it sees the same data (for a command line
    /// and a server on one database).
    public static func postgres(_ url: String, schema: String) -> StoreEngine {
        StoreEngine("PostgreSQL") { now in try await PostgresStore.open(url: url, schema: schema, now: now) }
    }

    /// A fresh schema name (`t_` and 32 hex digits).
    public static func newSchema() -> String {
        "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// The PostgreSQL database for the tests (`SKJENK_TEST_POSTGRES_URL`), when one is given.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["SKJENK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every engine this machine can run the contract suite on: SQLite always, PostgreSQL when
    /// `SKJENK_TEST_POSTGRES_URL` names a database.
    public static var all: [StoreEngine] { [.sqlite] + (postgresURL.map { [.postgres($0)] } ?? []) }
}
