import Foundation
import PostgresNIO
import SkjenkCore
import SkjenkStore

extension PostgresStore: UserStore, APIKeyStore {
    /// Names are compared ignoring case, as SQLite's NOCASE does (names are ASCII by rule).
    static let userColumns = "id, name, role, disabled, created_at, full_name, title, phone, email, district"

    public func addUser(
        name: String, role: Role, passwordHash: String, profile: OfficerContact?, district: String?, actor: Actor
    ) async throws -> WebUser {
        let profile = try StoreRules.checkedUser(name: name, profile: profile)
        let district = try StoreRules.checkedDistrict(district)
        let at = now()
        return try await write { connection in
                let rows = try await connection.query(
                    """
                    INSERT INTO web_user (name, role, password_hash, created_at, full_name, title, phone, email, district)
                    VALUES (\(name), \(role.rawValue), \(passwordHash), \(at), \(profile?.fullName), \(profile?.title),
                        \(profile?.phone), \(profile?.email), \(district))
                    ON CONFLICT ((lower(name COLLATE "C"))) DO NOTHING
                    RETURNING id
                    """, logger: self.logger)
                var id: Int64?
                for try await value in rows.decode(Int64.self) { id = value }
                guard let id else { throw UserStoreError.duplicate(name) }
                try await self.record(
                    .userCreated(name, role: role, district: district), by: actor, at: at, on: connection)
                return WebUser(
                    id: id, name: name, role: role, disabled: false, createdAt: at, profile: profile, district: district)
            }
    }

    public func users() async throws -> [WebUser] {
        try await read { connection in
            try await Self.users(
                try await connection.query(
                    PostgresQuery(unsafeSQL: "SELECT \(Self.userColumns) FROM web_user ORDER BY lower(name COLLATE \"C\"), id"),
                    logger: self.logger))
        }
    }

    public func credentials(name: String) async throws -> (user: WebUser, passwordHash: String)? {
        try await read { connection in
            let rows = try await connection.query(
                """
                SELECT \(unescaped: Self.userColumns), password_hash FROM web_user
                WHERE lower(name COLLATE "C") = lower(\(name) COLLATE "C")
                """, logger: self.logger)
            for try await row in rows {
                let (id, name, role, disabled, created, fullName, title, phone, email, district, passwordHash) = try row.decode(
                    (Int64, String, String, Bool, Date, String?, String?, String?, String?, String?, String).self)
                return (
                    try Self.user(id, name, role, disabled, created, fullName, title, phone, email, district), passwordHash
                )
            }
            return nil
        }
    }

    public func setDisabled(_ disabled: Bool, name: String, actor: Actor) async throws {
        let at = now()
        try await write { connection in
            let rows = try await connection.query(
                "UPDATE web_user SET disabled = \(disabled) WHERE lower(name COLLATE \"C\") = lower(\(name) COLLATE \"C\") RETURNING id",
                logger: self.logger)
            var id: Int64?
            for try await value in rows.decode(Int64.self) { id = value }
            guard let id else { throw UserStoreError.notFound(name) }
            // A disabled user's sessions end at once.
            if disabled { try await connection.query("DELETE FROM web_session WHERE user_id = \(id)", logger: self.logger) }
            try await self.record(.userDisabled(name, disabled), by: actor, at: at, on: connection)
        }
    }

    public func setProfile(_ profile: OfficerContact, name: String, actor: Actor) async throws {
        let valid = try StoreRules.checkedProfile(profile)
        let at = now()
        try await write { connection in
            let rows = try await connection.query(
                """
                UPDATE web_user SET full_name = \(valid.fullName), title = \(valid.title), phone = \(valid.phone),
                    email = \(valid.email)
                WHERE lower(name COLLATE "C") = lower(\(name) COLLATE "C") RETURNING id
                """, logger: self.logger)
            var found = false
            for try await _ in rows.decode(Int64.self) { found = true }
            guard found else { throw UserStoreError.notFound(name) }
            try await self.record(.userProfile(name, valid), by: actor, at: at, on: connection)
        }
    }

    public func createSession(tokenHash: String, userId: Int64, csrfToken: String, expiresAt: Date) async throws {
        let at = now()
        try await write { connection in
            try await connection.query("DELETE FROM web_session WHERE expires_at < \(at)", logger: self.logger)
            try await connection.query(
                """
                INSERT INTO web_session (token_hash, user_id, csrf_token, expires_at)
                VALUES (\(tokenHash), \(userId), \(csrfToken), \(expiresAt))
                """, logger: self.logger)
        }
    }

    public func session(tokenHash: String) async throws -> WebSession? {
        let at = now()
        return try await read { connection in
            let columns = Self.userColumns.split(separator: ",").map { "u." + $0.trimmingCharacters(in: .whitespaces) }
            let rows = try await connection.query(
                """
                SELECT \(unescaped: columns.joined(separator: ", ")), s.csrf_token, s.expires_at
                FROM web_session s JOIN web_user u ON u.id = s.user_id
                WHERE s.token_hash = \(tokenHash) AND NOT u.disabled
                """, logger: self.logger)
            for try await row in rows {
                let (id, name, role, disabled, created, fullName, title, phone, email, district, csrf, expires) =
                    try row.decode(
                        (Int64, String, String, Bool, Date, String?, String?, String?, String?, String?, String, Date)
                            .self)
                guard expires > at else { return nil }
                return WebSession(
                    user: try Self.user(id, name, role, disabled, created, fullName, title, phone, email, district),
                    csrfToken: csrf, expiresAt: expires)
            }
            return nil
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await write { connection in
            try await connection.query("DELETE FROM web_session WHERE token_hash = \(tokenHash)", logger: self.logger)
        }
    }

    static func users(_ rows: PostgresRowSequence) async throws -> [WebUser] {
        var users: [WebUser] = []
        for try await (id, name, role, disabled, created, fullName, title, phone, email, district) in rows.decode(
            (Int64, String, String, Bool, Date, String?, String?, String?, String?, String?).self)
        {
            users.append(try user(id, name, role, disabled, created, fullName, title, phone, email, district))
        }
        return users
    }

    static func user(
        _ id: Int64, _ name: String, _ role: String, _ disabled: Bool, _ created: Date, _ fullName: String?,
        _ title: String?, _ phone: String?, _ email: String?, _ district: String?
    ) throws -> WebUser {
        guard let role = Role(rawValue: role) else { throw StoreError.damaged("ukjent rolle i databasen") }
        return WebUser(
            id: id, name: name, role: role, disabled: disabled, createdAt: created,
            profile: fullName.map { OfficerContact(fullName: $0, title: title, phone: phone, email: email) },
            district: district)
    }

    public func addAPIKey(name: String, keyHash: String, district: String?, actor: Actor) async throws -> APIKey {
        let trimmed = try StoreRules.checkedKeyName(name)
        let district = try StoreRules.checkedDistrict(district)
        let at = now()
        return try await write { connection in
            let rows = try await connection.query(
                """
                INSERT INTO api_key (name, key_hash, created_at, district)
                VALUES (\(trimmed), \(keyHash), \(at), \(district))
                ON CONFLICT ((lower(name COLLATE "C"))) DO NOTHING RETURNING id
                """, logger: self.logger)
            var id: Int64?
            for try await value in rows.decode(Int64.self) { id = value }
            guard let id else { throw StoreError.conflict("det finnes allerede en nøkkel med navnet «\(trimmed)»") }
            try await self.record(.apiKeyCreated(trimmed, district: district), by: actor, at: at, on: connection)
            return APIKey(id: id, name: trimmed, createdAt: at, revokedAt: nil, district: district)
        }
    }

    public func apiKeys() async throws -> [APIKey] {
        try await read { connection in
            try await Self.keys(
                try await connection.query(
                    "SELECT id, name, created_at, revoked_at, district FROM api_key ORDER BY lower(name COLLATE \"C\"), id", logger: self.logger))
        }
    }

    public func apiKey(hash: String) async throws -> APIKey? {
        try await read { connection in
            try await Self.keys(
                try await connection.query(
                    "SELECT id, name, created_at, revoked_at, district FROM api_key WHERE key_hash = \(hash) AND revoked_at IS NULL",
                    logger: self.logger)
            ).first
        }
    }

    public func revokeAPIKey(name: String, actor: Actor) async throws {
        let at = now()
        try await write { connection in
            let rows = try await connection.query(
                """
                UPDATE api_key SET revoked_at = \(at) WHERE lower(name COLLATE "C") = lower(\(name) COLLATE "C") AND revoked_at IS NULL
                RETURNING id
                """, logger: self.logger)
            var found = false
            for try await _ in rows.decode(Int64.self) { found = true }
            guard found else { throw StoreError.notFound("fant ingen gyldig nøkkel med navnet «\(name)»") }
            try await self.record(.apiKeyRevoked(name), by: actor, at: at, on: connection)
        }
    }

    static func keys(_ rows: PostgresRowSequence) async throws -> [APIKey] {
        var keys: [APIKey] = []
        for try await (id, name, created, revoked, district) in rows.decode((Int64, String, Date, Date?, String?).self) {
            keys.append(APIKey(id: id, name: name, createdAt: created, revokedAt: revoked, district: district))
        }
        return keys
    }
}
