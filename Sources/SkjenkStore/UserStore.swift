import Foundation
import SkjenkCore

/// A user of the web application.
public struct WebUser: Sendable, Hashable {
    public let id: Int64
    public let name: String
    public let role: Role
    public let disabled: Bool
    public let createdAt: Date
    /// Full name, title and contact, for the statements this user writes (nil until given).
    public let profile: OfficerContact?
    /// The district the user works for ("St. Hanshaugen", as hearings name it); nil in a deployment
    /// for one district.
    public let district: String?

    public init(
        id: Int64, name: String, role: Role, disabled: Bool, createdAt: Date, profile: OfficerContact?,
        district: String? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.disabled = disabled
        self.createdAt = createdAt
        self.profile = profile
        self.district = district
    }
}

/// A signed-in session: the user, the form token that guards every change, and when it ends.
public struct WebSession: Sendable, Hashable {
    public let user: WebUser
    public let csrfToken: String
    public let expiresAt: Date

    public init(user: WebUser, csrfToken: String, expiresAt: Date) {
        self.user = user
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

/// Why a user cannot be added or changed.
public enum UserStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case duplicate(String)
    case notFound(String)
    case invalidName
    case invalidProfile(OfficerContact.Problem)

    public var description: String {
        switch self {
        case .duplicate(let name): "brukeren «\(name)» finnes allerede"
        case .notFound(let name): "fant ingen bruker «\(name)»"
        case .invalidName: "brukernavnet skal være 2–64 tegn: bokstaver, tall, punktum, bindestrek eller understrek"
        case .invalidProfile(let problem): problem.description
        }
    }
}

/// Users and their sessions. Passwords arrive hashed (bcrypt) and session tokens hashed (SHA-256):
/// the store never holds a secret a copy of the database could replay.
public protocol UserStore: Sendable {
    /// Adds a user, with the full name and contact the statements show when given (validated), in
    /// one transaction.
    /// `district`: the district the user works for (checked by `StoreRules.checkedDistrict`).
    func addUser(
        name: String, role: Role, passwordHash: String, profile: OfficerContact?, district: String?, actor: Actor
    ) async throws -> WebUser
    func users() async throws -> [WebUser]
    /// The user and their password hash, for signing in.
    func credentials(name: String) async throws -> (user: WebUser, passwordHash: String)?
    func setDisabled(_ disabled: Bool, name: String, actor: Actor) async throws
    /// Sets the user's full name, title and contact (validated), audited.
    func setProfile(_ profile: OfficerContact, name: String, actor: Actor) async throws
    func createSession(tokenHash: String, userId: Int64, csrfToken: String, expiresAt: Date) async throws
    /// The session with this token hash, when it exists, has not expired and its user is enabled.
    func session(tokenHash: String) async throws -> WebSession?
    func deleteSession(tokenHash: String) async throws
}

extension UserStore {
    /// Adds a user without a profile.
    public func addUser(name: String, role: Role, passwordHash: String, actor: Actor) async throws -> WebUser {
        try await addUser(name: name, role: role, passwordHash: passwordHash, profile: nil, district: nil, actor: actor)
    }

    /// Adds a user with a profile, for no particular district.
    public func addUser(
        name: String, role: Role, passwordHash: String, profile: OfficerContact?, actor: Actor
    ) async throws -> WebUser {
        try await addUser(name: name, role: role, passwordHash: passwordHash, profile: profile, district: nil, actor: actor)
    }
}

/// A key another system uses (an Open311 client), stored as its SHA-256.
public struct APIKey: Sendable, Hashable {
    public let id: Int64
    public let name: String
    public let createdAt: Date
    public let revokedAt: Date?
    /// The district whose log the client reports to and reads from; nil in a deployment for one district.
    public let district: String?

    public var isRevoked: Bool { revokedAt != nil }

    public init(id: Int64, name: String, createdAt: Date, revokedAt: Date?, district: String? = nil) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.district = district
    }
}

/// Keys for other systems: issued by name, found by the hash of the key, revoked by name.
public protocol APIKeyStore: Sendable {
    /// `district` is checked by `StoreRules.checkedDistrict`.
    func addAPIKey(name: String, keyHash: String, district: String?, actor: Actor) async throws -> APIKey
    func apiKeys() async throws -> [APIKey]
    /// The key with this hash, unless revoked.
    func apiKey(hash: String) async throws -> APIKey?
    func revokeAPIKey(name: String, actor: Actor) async throws
}

extension APIKeyStore {
    /// Issues a key for no particular district.
    public func addAPIKey(name: String, keyHash: String, actor: Actor) async throws -> APIKey {
        try await addAPIKey(name: name, keyHash: keyHash, district: nil, actor: actor)
    }
}
