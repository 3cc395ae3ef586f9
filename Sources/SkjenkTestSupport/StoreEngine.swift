import Foundation
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

    /// Every engine this machine can run the contract suite on.
    public static var all: [StoreEngine] { [.sqlite] }
}
