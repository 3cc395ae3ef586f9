import Foundation
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 18, item 4: one reminder per person per day, claimed before sending, on every engine.
@Suite struct ReminderStoreTests {
    @Test(arguments: StoreEngine.all) func aDayIsClaimedOncePerUser(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let monday = Fixtures.day("2026-11-23")
        let at = Fixtures.oslo("2026-11-23 07:00")
        #expect(try await store.reminders(on: monday).isEmpty)
        #expect(try await store.claimReminder(user: "kari", day: monday, sentAt: at))
        #expect(!(try await store.claimReminder(user: "kari", day: monday, sentAt: at.addingTimeInterval(60))))
        #expect(try await store.claimReminder(user: "bu1", day: monday, sentAt: at))
        #expect(try await store.claimReminder(user: "kari", day: monday.adding(days: 1), sentAt: at))
        let sent = try await store.reminders(on: monday)
        #expect(sent == [SentReminder(user: "bu1", day: monday, sentAt: at), SentReminder(user: "kari", day: monday, sentAt: at)])
        // A failed send gives the day back; the next run may claim it again.
        try await store.releaseReminder(user: "kari", day: monday)
        #expect(try await store.reminders(on: monday).map(\.user) == ["bu1"])
        #expect(try await store.claimReminder(user: "kari", day: monday, sentAt: at.addingTimeInterval(120)))
        #expect(try await store.reminders(on: monday.adding(days: 1)).map(\.user) == ["kari"])
    }

    @Test(arguments: StoreEngine.all) func concurrentClaimsLetOneThrough(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let day = Fixtures.day("2026-11-23")
        let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    try await store.claimReminder(user: "kari", day: day, sentAt: Date(timeIntervalSince1970: Double(index)))
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(wins == 1)
    }
}
