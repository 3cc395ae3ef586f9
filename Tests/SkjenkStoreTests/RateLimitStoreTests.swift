import Foundation
import SkjenkStore
import SkjenkTestSupport
import Testing

/// The sliding windows behind the sign-in throttle and the Open311 limits, kept in the database so
/// several server processes count together (issue 17), on every engine.
@Suite struct RateLimitStoreTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: StoreEngine.all) func refusesOverTheLimitUntilTheOldestLeavesTheWindow(
        engine: StoreEngine
    ) async throws {
        let store = try await engine.store()
        func take(_ key: String, _ at: Double) async throws -> Bool {
            try await store.attempt([key], limit: 3, window: 60, now: start + at)
        }
        for second in 0..<3 { #expect(try await take("k", Double(second))) }
        #expect(try await take("k", 30) == false)
        #expect(try await take("annen", 30), "another key has its own count")
        // The first event (at 0 s) leaves the window at 60 s: one more is allowed, then not.
        #expect(try await take("k", 60))
        #expect(try await take("k", 60.5) == false)
    }

    @Test(arguments: StoreEngine.all) func anAttemptCountsEveryKeyOrNone(engine: StoreEngine) async throws {
        let store = try await engine.store()
        func attempt(_ keys: [String], _ at: Double) async throws -> Bool {
            try await store.attempt(keys, limit: 2, window: 60, now: start + at)
        }
        #expect(try await attempt(["bruker", "adresse"], 0))
        #expect(try await attempt(["bruker2", "adresse"], 1))
        // The address is full: nothing is counted for the new user either.
        #expect(try await attempt(["bruker3", "adresse"], 2) == false)
        #expect(try await attempt(["bruker3"], 2))
        #expect(try await attempt(["bruker3"], 3))
        #expect(try await attempt(["bruker3"], 4) == false)
    }

    @Test(arguments: StoreEngine.all) func forgivingClearsTheUserAndOnlyThatAttemptOfTheAddress(
        engine: StoreEngine
    ) async throws {
        let store = try await engine.store()
        func attempt(_ keys: [String], _ at: Double) async throws -> Bool {
            try await store.attempt(keys, limit: 2, window: 60, now: start + at)
        }
        #expect(try await attempt(["kari", "10.0.0.1"], 0))
        #expect(try await attempt(["ola", "10.0.0.1"], 1))
        try await store.forgive(clearing: "ola", andOneOf: "10.0.0.1", at: start + 1)
        // The address keeps kari's attempt: one more fits, then it is full; ola starts again.
        #expect(try await attempt(["per", "10.0.0.1"], 2))
        #expect(try await attempt(["pål", "10.0.0.1"], 3) == false)
        #expect(try await attempt(["ola"], 3))
        #expect(try await attempt(["ola"], 4))
    }

    /// 40 parallel attempts on one key with room for 5 are counted 5 times.
    @Test(arguments: StoreEngine.all) func parallelAttemptsNeverPassTheLimit(engine: StoreEngine) async throws {
        let store = try await engine.store()
        #expect(try await Self.parallelAttempts(store, store) == 5)
    }

    /// Two server processes on one PostgreSQL database (two stores, each with its own connections)
    /// share the limit: whichever takes them, 5 of 40 parallel attempts pass.
    @Test func twoServersOnOnePostgreSQLDatabaseShareTheLimit() async throws {
        guard let url = StoreEngine.postgresURL else { return }
        let engine = StoreEngine.postgres(url, schema: StoreEngine.newSchema())
        let first = try await engine.store()
        let second = try await engine.store()
        #expect(try await Self.parallelAttempts(first, second) == 5)
        // A session opened through one is known to the other.
        let user = try await first.addUser(name: "kari", role: .caseworker, passwordHash: "x", actor: Fixtures.actor)
        try await first.createSession(
            tokenHash: "abc", userId: user.id, csrfToken: "skjema", expiresAt: Date().addingTimeInterval(3_600))
        #expect(try await second.session(tokenHash: "abc")?.user.name == "kari")
    }

    /// Counts how many of 40 parallel attempts on one key (limit 5), alternating between two
    /// stores, are allowed.
    static func parallelAttempts(_ first: any AppStore, _ second: any AppStore) async throws -> Int {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        return try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<40 {
                let store = index.isMultiple(of: 2) ? first : second
                group.addTask { try await store.attempt(["bruker:kari"], limit: 5, window: 900, now: now) }
            }
            var count = 0
            for try await ok in group where ok { count += 1 }
            return count
        }
    }

    /// Events older than a day go as others are counted: a key seen once does not stay.
    @Test(arguments: StoreEngine.all) func oldEventsAreDropped(engine: StoreEngine) async throws {
        let store = try await engine.store()
        #expect(try await store.attempt(["adresse-1"], limit: 1, window: 60, now: start))
        #expect(try await store.attempt(["adresse-1"], limit: 1, window: 60, now: start + 30) == false)
        // A day later another key is counted; the first key's event is gone with the day's others.
        #expect(try await store.attempt(["adresse-2"], limit: 1, window: 60, now: start + 86_401))
        #expect(try await store.attempt(["adresse-1"], limit: 1, window: 7 * 86_400, now: start + 86_402))
    }
}
