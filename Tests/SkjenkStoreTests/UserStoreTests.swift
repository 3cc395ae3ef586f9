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
}
