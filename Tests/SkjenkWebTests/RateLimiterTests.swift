import Foundation
import Testing

@testable import SkjenkWeb

/// The sliding window behind the sign-in throttle and the Open311 limits (issue 16 names it among
/// the missing tests; issue 15's keyless reads count per address).
@Suite struct RateLimiterTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func refusesOverTheLimitUntilTheOldestLeavesTheWindow() async {
        let limiter = RateLimiter(limit: 3, window: 60)
        for second in 0..<3 { #expect(await limiter.take("k", now: start + Double(second))) }
        #expect(await limiter.take("k", now: start + 30) == false)
        #expect(await limiter.take("annen", now: start + 30), "another key has its own count")
        // The first event (at 0 s) leaves the window at 60 s: one more is allowed, then not.
        #expect(await limiter.take("k", now: start + 60))
        #expect(await limiter.take("k", now: start + 60.5) == false)
    }

    @Test func anAttemptCountsEveryKeyOrNone() async {
        let limiter = RateLimiter(limit: 2, window: 60)
        #expect(await limiter.attempt(["bruker", "adresse"], now: start))
        #expect(await limiter.attempt(["bruker2", "adresse"], now: start + 1))
        // The address is full: nothing is counted for the new user either.
        #expect(await limiter.attempt(["bruker3", "adresse"], now: start + 2) == false)
        #expect(await limiter.allows(["bruker3"], now: start + 2))
        #expect(await limiter.attempt(["bruker3"], now: start + 2))
        #expect(await limiter.attempt(["bruker3"], now: start + 3))
        #expect(await limiter.attempt(["bruker3"], now: start + 4) == false)
    }

    @Test func forgivingClearsTheUserAndOnlyThatAttemptOfTheAddress() async {
        let limiter = RateLimiter(limit: 2, window: 60)
        #expect(await limiter.attempt(["kari", "10.0.0.1"], now: start))
        #expect(await limiter.attempt(["ola", "10.0.0.1"], now: start + 1))
        await limiter.forgive(user: "ola", address: "10.0.0.1", attemptAt: start + 1)
        #expect(await limiter.allows(["ola"], now: start + 2))
        // The address keeps kari's attempt: one more fits, then it is full.
        #expect(await limiter.attempt(["per", "10.0.0.1"], now: start + 2))
        #expect(await limiter.attempt(["pål", "10.0.0.1"], now: start + 3) == false)
    }

    @Test func keysWhoseWindowHasPassedDoNotPileUp() async {
        let limiter = RateLimiter(limit: 5, window: 60)
        for index in 0..<5_000 {
            // A new address every 50 ms: about 1,200 fall in any one minute.
            _ = await limiter.take("adresse-\(index)", now: start + Double(index) * 0.05)
        }
        let tracked = await limiter.trackedKeys
        #expect(tracked < 2_500, "\(tracked) keys tracked")
        #expect(tracked >= 1_000, "the keys within the window stay")
    }
}
