import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 17, districts (first step): a user tied to a district sees and reaches only that
/// district's hearings on the desk, the case pages, the review list and the API's case list; another
/// district's hearing answers as if it did not exist. On every store engine.
@Suite struct DistrictAccessTests {
    @Test(arguments: StoreEngine.all) func aDistrictsOfficerNeverReachesAnotherDistrictsHearings(
        engine: StoreEngine
    ) async throws {
        let harness = try await WebHarness(engine: engine)
        var hearing = Fixtures.hearing(40)
        hearing.district = "Sagene"
        hearing.venue.name = "Sagene Bar"
        let sagene = hearing
        _ = try await harness.store.storeHearings([sagene], source: "sagene.xml", actor: Fixtures.actor, progress: nil)
        for (name, role, district) in [
            ("kari.sh", Role.caseworker, "St. Hanshaugen"), ("sara", .caseworker, "Sagene"),
            ("bu.sagene", .councilMember, "Sagene"),
        ] {
            _ = try await harness.store.addUser(
                name: name, role: role, passwordHash: Bcrypt.hash(WebHarness.password, cost: 4), profile: nil,
                district: district, actor: Fixtures.actor)
        }
        let ownPath = "/saker/" + harness.caseNumber.key
        let otherPath = "/saker/" + sagene.caseNumber.key
        try await harness.application().test(.router) { client in
            // St. Hanshaugen's officer: the own hearing, never Sagene's
            let kari = Browser(client)
            _ = try await kari.signIn("kari.sh")
            let desk = try await kari.get("/saker?alle=1")
            #expect(desk.text.contains("Bar Boble") && !desk.text.contains("Sagene Bar"))
            #expect(try await kari.get(ownPath).status == .ok)
            for path in [otherPath, otherPath + "/eksport/html", otherPath + "/eksport/md"] {
                let refused = try await kari.get(path)
                #expect(refused.status == .notFound, "\(path)")
                #expect(!refused.text.contains("Sagene Bar"), "\(path)")
            }

            // Sagene's officer: the other way round, also through the API
            let sara = Browser(client)
            _ = try await sara.signIn("sara")
            let saraDesk = try await sara.get("/saker?alle=1")
            #expect(saraDesk.text.contains("Sagene Bar") && !saraDesk.text.contains("Bar Boble"))
            #expect(try await sara.get(ownPath).status == .notFound)
            let token = try await WebFlowTests.apiToken(client, "sara")
            let listed = try await client.executeRequest(
                uri: "/api/v1/saker?alle=1", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
            let cases = try #require(try JSONSerialization.jsonObject(with: Data(buffer: listed.body)) as? [[String: Any]])
            #expect(cases.compactMap { $0["saksnummer"] as? String } == [sagene.caseNumber.text])

            // Sagene's officer cannot upload St. Hanshaugen's hearings: the file is refused whole.
            let before = try await harness.store.caseList(CaseListQuery(statuses: nil, limit: 1_000, today: try LocalDate(iso: "2026-11-22"))).total
            try await sara.get("/saker")
            let upload = try await sara.upload(
                "/saker/import", fileName: "uke46.xml",
                data: try Data(contentsOf: Fixtures.sample("hearings/2026-uke46.xml")))
            #expect(upload.status == .unprocessableContent)
            #expect(upload.text.contains("høringen gjelder bydel St. Hanshaugen; du kan bare laste opp høringer til bydel Sagene"))
            #expect(try await harness.store.caseList(CaseListQuery(statuses: nil, limit: 1_000, today: try LocalDate(iso: "2026-11-22"))).total == before)

                        // A user without a district (one district's deployment) reaches both
            let admin = Browser(client)
            _ = try await admin.signIn("kari")
            let all = try await admin.get("/saker?alle=1")
            #expect(all.text.contains("Bar Boble") && all.text.contains("Sagene Bar"))
        }
    }
}
