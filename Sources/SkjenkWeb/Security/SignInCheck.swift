import Foundation
import HummingbirdBcrypt
import SkjenkApp
import SkjenkStore

/// Checks a user name and password for the web and the API alike (issue 15, finding 2). The attempt
/// is counted for the user and the address before the password is verified, so parallel guesses
/// cannot slip past the limit; bcrypt runs off the event loop, a few at a time; an unknown or
/// blocked user is verified against a dummy hash, so the answer time does not tell which names
/// exist; a successful sign-in clears the user's count and takes back only its own attempt from
/// the address's.
actor SignInCheck {
    /// The outcome of one attempt.
    enum Outcome {
        case signedIn(WebUser)
        case refused
        case throttled
    }

    let throttle: Throttle
    let gate: Gate
    /// How many passwords have been verified (for tests: 40 parallel guesses verify at most 5).
    private(set) var verifications = 0
    /// A bcrypt hash no password matches, for unknown users (made on first need: bcrypt is slow).
    private var dummy: String?

    private func dummyHash() async -> String {
        if let dummy { return dummy }
        let made = await gate.run { Bcrypt.hash(Tokens.random()) }
        dummy = made
        return made
    }

    init(throttle: Throttle, concurrentVerifications: Int = 2) {
        self.throttle = throttle
        gate = Gate(permits: concurrentVerifications)
    }

    func check(name: String, password: String?, address: String, store: any AppStore, now: Date) async throws
        -> Outcome
    {
        let userKey = "bruker:" + name.lowercased()
        let keys = [userKey, "adresse:" + address]
        guard try await throttle.attempt(keys, now: now) else { return .throttled }
        let found = try await store.credentials(name: name)
        let known = found.flatMap { $0.user.disabled ? nil : $0.passwordHash }
        let hash: String
        if let known { hash = known } else { hash = await dummyHash() }
        verifications += 1
        let matches = await gate.run { Bcrypt.verify(password ?? "", hash: hash) }
        guard matches, let found, !found.user.disabled, password != nil else { return .refused }
        try await throttle.forgive(user: userKey, address: "adresse:" + address, attemptAt: now)
        return .signedIn(found.user)
    }

    /// At most `permits` closures at a time, each on a background thread.
    actor Gate {
        private var free: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(permits: Int) {
            free = max(1, permits)
        }

        func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
            if free > 0 {
                free -= 1
            } else {
                await withCheckedContinuation { waiting.append($0) }
            }
            let result = await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: work()) }
            }
            if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
            return result
        }
    }
}
