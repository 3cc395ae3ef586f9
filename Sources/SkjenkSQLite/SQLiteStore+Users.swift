import Foundation
import GRDB
import SkjenkCore
import SkjenkStore

extension SQLiteStore {
    public func addUser(
        name: String, role: Role, passwordHash: String, profile: OfficerContact?, district: String?, actor: Actor
    ) async throws -> WebUser {
        let profile = try StoreRules.checkedUser(name: name, profile: profile)
        let district = try StoreRules.checkedDistrict(district)
        let now = now()
        return try await writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM webUser WHERE name = ?", arguments: [name]) == true {
                throw UserStoreError.duplicate(name)
            }
            try db.execute(
                sql: """
                    INSERT INTO webUser (name, role, passwordHash, createdAt, fullName, title, phone, email, district)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    name, role.rawValue, passwordHash, Timestamp.format(now), profile?.fullName, profile?.title,
                    profile?.phone, profile?.email, district,
                ])
            let id = db.lastInsertedRowID
            try AuditRecord.record(.userCreated(name, role: role, district: district), by: actor, at: now, db)
            return WebUser(
                id: id, name: name, role: role, disabled: false, createdAt: now, profile: profile, district: district)
        }
    }

    public func users() async throws -> [WebUser] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM webUser ORDER BY name").map(Self.user)
        }
    }

    public func credentials(name: String) async throws -> (user: WebUser, passwordHash: String)? {
        try await writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM webUser WHERE name = ?", arguments: [name]) else {
                return nil
            }
            return (try Self.user(row), row["passwordHash"])
        }
    }

    public func setDisabled(_ disabled: Bool, name: String, actor: Actor) async throws {
        let now = now()
        try await writer.write { db in
            try db.execute(sql: "UPDATE webUser SET disabled = ? WHERE name = ?", arguments: [disabled, name])
            guard db.changesCount == 1 else { throw UserStoreError.notFound(name) }
            if disabled {
                // A disabled user's sessions end at once.
                try db.execute(
                    sql: "DELETE FROM webSession WHERE userId = (SELECT id FROM webUser WHERE name = ?)",
                    arguments: [name])
            }
            try AuditRecord.record(.userDisabled(name, disabled), by: actor, at: now, db)
        }
    }

    public func setProfile(_ profile: OfficerContact, name: String, actor: Actor) async throws {
        let valid = try StoreRules.checkedProfile(profile)
        let now = now()
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE webUser SET fullName = ?, title = ?, phone = ?, email = ? WHERE name = ?",
                arguments: [valid.fullName, valid.title, valid.phone, valid.email, name])
            guard db.changesCount == 1 else { throw UserStoreError.notFound(name) }
            try AuditRecord.record(.userProfile(name, valid), by: actor, at: now, db)
        }
    }

    public func createSession(tokenHash: String, userId: Int64, csrfToken: String, expiresAt: Date) async throws {
        let now = now()
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM webSession WHERE expiresAt < ?", arguments: [Timestamp.format(now)])
            try db.execute(
                sql: "INSERT INTO webSession (tokenHash, userId, csrfToken, expiresAt) VALUES (?, ?, ?, ?)",
                arguments: [tokenHash, userId, csrfToken, Timestamp.format(expiresAt)])
        }
    }

    public func session(tokenHash: String) async throws -> WebSession? {
        let now = now()
        return try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT u.*, s.csrfToken, s.expiresAt FROM webSession s JOIN webUser u ON u.id = s.userId
                        WHERE s.tokenHash = ? AND u.disabled = 0
                        """, arguments: [tokenHash])
            else { return nil }
            let expires = try Timestamp.parse(row["expiresAt"])
            guard expires > now else { return nil }
            return WebSession(user: try Self.user(row), csrfToken: row["csrfToken"], expiresAt: expires)
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM webSession WHERE tokenHash = ?", arguments: [tokenHash])
        }
    }

    private static func user(_ row: Row) throws -> WebUser {
        guard let role = Role(rawValue: row["role"]) else { throw StoreError.damaged("ukjent rolle i databasen") }
        let fullName: String? = row["fullName"]
        return WebUser(
            id: row["id"], name: row["name"], role: role, disabled: row["disabled"],
            createdAt: try Timestamp.parse(row["createdAt"]),
            profile: fullName.map {
                OfficerContact(fullName: $0, title: row["title"], phone: row["phone"], email: row["email"])
            }, district: row["district"])
    }
}
