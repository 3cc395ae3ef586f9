import Foundation
import HummingbirdBcrypt
import SkjenkCore
import SkjenkStore

/// Users, their sessions and the keys of other systems, with their rules, for every channel: the
/// password rules and bcrypt before a user is stored, a key shown once and stored as its hash, a
/// session token returned once and stored as its hash.
public enum Accounts {
    /// Why an account change is refused before the store is asked.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Adds a user whose password meets the rules, storing only its bcrypt hash.
    public static func addUser(
        name: String, role: Role, password: String, profile: OfficerContact?, district: String? = nil,
        store: any AppStore, actor: Actor
    ) async throws -> WebUser {
        if let problem = PasswordRules.problem(password, userName: name) { throw Refusal(description: problem) }
        return try await store.addUser(
            name: name, role: role, passwordHash: Bcrypt.hash(password), profile: profile, district: district,
            actor: actor)
    }

    /// Issues a key for another system, reporting to and reading from `district`'s complaint log
    /// (every district's when nil): the key itself, to show once, and the stored record.
    public static func issueKey(name: String, district: String? = nil, store: any AppStore, actor: Actor) async throws
        -> (key: String, stored: APIKey)
    {
        let key = Tokens.random()
        return (
            key, try await store.addAPIKey(name: name, keyHash: Tokens.hash(key), district: district, actor: actor)
        )
    }

    /// Opens a session for `user`: the token for the cookie or the bearer header (stored only as
    /// its hash) and when it ends.
    public static func openSession(
        for user: WebUser, lifetime: TimeInterval, store: any AppStore, now: Date
    ) async throws -> (token: String, expiresAt: Date) {
        let token = Tokens.random()
        let expires = now.addingTimeInterval(lifetime)
        try await store.createSession(
            tokenHash: Tokens.hash(token), userId: user.id, csrfToken: Tokens.random(), expiresAt: expires)
        return (token, expires)
    }

    /// Ends the session with this token, if any.
    public static func closeSession(token: String, store: any AppStore) async throws {
        try await store.deleteSession(tokenHash: Tokens.hash(token))
    }
}
