import Foundation
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

@Suite struct UserStoreTests {
    @Test(arguments: StoreEngine.all) func aSessionEndsWhenItExpiresIsDeletedOrItsUserIsBlocked(engine: StoreEngine) async throws {
        let clock = FixedClock()
        let store = try await engine.store(clock: clock)
        let user = try await store.addUser(
            name: "kari", role: .caseworker, passwordHash: "$2b$04$x", actor: Fixtures.actor)
        try await store.createSession(
            tokenHash: "gammel", userId: user.id, csrfToken: "a", expiresAt: clock.now.addingTimeInterval(-1))
        try await store.createSession(
            tokenHash: "gyldig", userId: user.id, csrfToken: "b", expiresAt: clock.now.addingTimeInterval(3600))
        #expect(try await store.session(tokenHash: "gammel") == nil)
        #expect(try await store.session(tokenHash: "gyldig")?.user.name == "kari")
        #expect(try await store.session(tokenHash: "ukjent") == nil)

        try await store.setDisabled(true, name: "kari", actor: Fixtures.actor)
        #expect(try await store.session(tokenHash: "gyldig") == nil)
        // Blocking ends the sessions for good: reopened, the user signs in again.
        try await store.setDisabled(false, name: "kari", actor: Fixtures.actor)
        #expect(try await store.session(tokenHash: "gyldig") == nil)
        try await store.createSession(
            tokenHash: "ny", userId: user.id, csrfToken: "c", expiresAt: clock.now.addingTimeInterval(3600))
        #expect(try await store.session(tokenHash: "ny")?.csrfToken == "c")
        try await store.deleteSession(tokenHash: "ny")
        #expect(try await store.session(tokenHash: "ny") == nil)
    }

    /// A user belongs to a district, named as hearings name it: stored, read back with the user,
    /// the credentials and the session, in the audit trail; a bad name is refused and stores nothing.
    @Test(arguments: StoreEngine.all) func aUserBelongsToADistrict(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let kari = try await store.addUser(
            name: "kari", role: .caseworker, passwordHash: "x", profile: nil, district: "Bydel St. Hanshaugen",
            actor: Fixtures.actor)
        _ = try await store.addUser(
            name: "sara", role: .caseworker, passwordHash: "x", profile: nil, district: "Sagene", actor: Fixtures.actor)
        _ = try await store.addUser(name: "admin", role: .admin, passwordHash: "x", actor: Fixtures.actor)
        #expect(kari.district == "St. Hanshaugen")
        let byName = Dictionary(uniqueKeysWithValues: try await store.users().map { ($0.name, $0.district ?? "–") })
        #expect(byName == ["kari": "St. Hanshaugen", "sara": "Sagene", "admin": "–"])
        #expect(try await store.credentials(name: "KARI")?.user.district == "St. Hanshaugen")
        try await store.createSession(
            tokenHash: "t", userId: kari.id, csrfToken: "c", expiresAt: FixedClock().now.addingTimeInterval(60))
        #expect(try await store.session(tokenHash: "t")?.user.district == "St. Hanshaugen")
        #expect(
            try await store.searchAudit(AuditSearch(what: "user.created", limit: 10)).map(\.detail).contains(
                "rolle: saksbehandler; bydel: St. Hanshaugen"))

        await #expect(throws: StoreError.self) {
            _ = try await store.addUser(
                name: "per", role: .caseworker, passwordHash: "x", profile: nil, district: "Bydel 42!",
                actor: Fixtures.actor)
        }
        #expect(try await store.users().count == 3)
    }
}
