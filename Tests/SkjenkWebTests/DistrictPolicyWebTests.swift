import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import SkjenkApp
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// A city-wide server with `--policy FOLDER`: each case page is assessed with its district's policy.
@Suite struct DistrictPolicyWebTests {
    @Test func aCasePageIsAssessedWithItsDistrictsPolicy() async throws {
        // Given St. Hanshaugen's and Sagene's policies (Sagene closes residential areas at 03.30
        // inside), a hearing from each serving inside to 03.00, and one from Frogner, which has none
        let folder = try Fixtures.twoDistrictPolicyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let harness = try await WebHarness { $0.policyPath = folder.path }
        var sagene = Fixtures.hearing(40)
        sagene.district = "Sagene"
        var frogner = Fixtures.hearing(41)
        frogner.district = "Frogner"
        _ = try await harness.store.storeHearings(
            [sagene, frogner], source: "by.xml", actor: Fixtures.actor, progress: nil)
        let refusal = "skjenking inne etter kl. 00.30"
        let (sagenePath, frognerPath) = ("/saker/" + sagene.caseNumber.key, "/saker/" + frogner.caseNumber.key)

        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            _ = try await kari.signIn("kari")

            // Then St. Hanshaugen's case refuses serving inside after 00.30, Sagene's does not
            let own = try await kari.get("/saker/" + harness.caseNumber.key)
            #expect(own.status == .ok)
            #expect(own.text.contains(refusal))
            let other = try await kari.get(sagenePath)
            #expect(other.status == .ok)
            #expect(!other.text.contains(refusal))

            // And Frogner's case says what is missing, without the server's paths
            let missing = try await kari.get(frognerPath)
            #expect(missing.status == .internalServerError)
            #expect(missing.text.contains("Bydel Frogner har ingen policyfil; be administratoren legge den til."))
            #expect(!missing.text.contains(folder.path))
        }
    }

    /// A complaint takes its first due date from the policy of the officer's district.
    @Test func aComplaintIsDueByThePolicyOfTheOfficersDistrict() async throws {
        let folder = try Fixtures.policyFolder([
            "st-hanshaugen.yaml": try Fixtures.samplePolicyText(district: "St. Hanshaugen"),
            "sagene.yaml": try Fixtures.samplePolicyText(
                district: "Sagene", edits: [("  forste_svar_dager: 14", "  forste_svar_dager: 3")]),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let harness = try await WebHarness { $0.policyPath = folder.path }
        _ = try await harness.store.addUser(
            name: "sara", role: .caseworker, passwordHash: Bcrypt.hash(WebHarness.password, cost: 4), profile: nil,
            district: "Sagene", actor: Fixtures.actor)
        try await harness.application().test(.router) { client in
            let sara = Browser(client)
            _ = try await sara.signIn("sara")
            try await sara.get("/klager/ny")
            let logged = try await sara.post(
                "/klager", [("hendelse", "2026-11-19"), ("sted", "Sagene Bar"), ("kategori", "stoey")])
            #expect(logged.status == .seeOther, "\(logged.text)")
            let entries = try await harness.store.complaintLog(ComplaintFilter(officer: "sara"))
            let entry = try #require(entries.first)
            // Sagene answers within 3 days of receipt (St. Hanshaugen's policy says 14)
            #expect(entry.nextDue == ComplaintRouting.firstDue(receivedAt: entry.receivedAt, days: 3))
            #expect(entry.nextDue != ComplaintRouting.firstDue(receivedAt: entry.receivedAt, days: 14))

            // A user without a district, with two districts' policies: told to get one
            let kari = Browser(client)
            _ = try await kari.signIn("kari")
            try await kari.get("/klager/ny")
            let refused = try await kari.post(
                "/klager", [("hendelse", "2026-11-19"), ("sted", "Bar Boble"), ("kategori", "stoey")])
            #expect(refused.status == .internalServerError)
            #expect(refused.text.contains("Brukeren din hører ikke til en bydel"))
        }
    }

    /// Open311 on a service for several districts: a reader without a key names the district with
    /// `jurisdiction_id` (and gets that district's requests only); without one it is told to; a key
    /// reports with its own district's policy and log.
    @Test func open311ReadersNameTheirDistrictOnAServiceForSeveral() async throws {
        let folder = try Fixtures.policyFolder([
            "st-hanshaugen.yaml": try Fixtures.samplePolicyText(district: "St. Hanshaugen"),
            "sagene.yaml": try Fixtures.samplePolicyText(
                district: "Sagene", edits: [("  forste_svar_dager: 14", "  forste_svar_dager: 3")]),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let harness = try await WebHarness(complaintDistrict: "St. Hanshaugen") { $0.policyPath = folder.path }
        let key = "open311-sagene-0123456789abcdef"
        _ = try await harness.store.addAPIKey(
            name: "bymelding-sagene", keyHash: Tokens.hash(key), district: "Sagene", actor: Fixtures.actor)
        try await harness.application().test(.router) { client in
            let unnamed = try await Open311Tests.get(client, "/open311/v2/requests.json")
            #expect(unnamed.status == .badRequest)
            #expect(String(buffer: unnamed.body).contains("oppgi bydelen med jurisdiction_id"))
            let unknown = try await Open311Tests.get(client, "/open311/v2/requests.json?jurisdiction_id=Frogner")
            #expect(unknown.status == .notFound)
            let own = try await Open311Tests.get(
                client, "/open311/v2/requests.json?jurisdiction_id=St.%20Hanshaugen&start_date=2026-11-01T00:00:00Z")
            #expect(own.status == .ok)
            #expect(String(buffer: own.body).contains("\"service_request_id\":\"\(harness.complaintId)\""))
            let sagene = try await Open311Tests.get(
                client, "/open311/v2/requests.json?jurisdiction_id=Sagene&start_date=2026-11-01T00:00:00Z")
            #expect(sagene.status == .ok)
            #expect(String(buffer: sagene.body) == "[]")
            // Sagene's key reports into Sagene's log, due by Sagene's policy (three days).
            let posted = try await Open311Tests.post(client, Open311Tests.report(Open311Tests.origin), key: key)
            #expect(posted.status == .ok)
        }
        let logged = try #require(try await harness.store.complaintLog(ComplaintFilter(district: "Sagene")).first)
        #expect(logged.nextDue == ComplaintRouting.firstDue(receivedAt: logged.receivedAt, days: 3))
        #expect(logged.district == "Sagene")
    }
}
