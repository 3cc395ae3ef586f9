import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 19, item 5 (in part): a complaint's page shows when it happened, to the minute and in the
/// complainant's words, and where it belongs with the routing's reason.
@Suite struct ComplaintPageWebTests {
    @Test func theIncidentTimeAndTheRoutingAreShown() async throws {
        let harness = try await WebHarness()
        var entry = Fixtures.complaintEntry(
            received: "2026-11-21 09:00", incident: "2026-11-20", due: "2026-11-25",
            venue: ComplaintVenue(name: "Pub Bislett", street: "Pilestredet 63"))
        entry.incident = IncidentTime(
            start: Fixtures.day("2026-11-14"), time: try TimeOfDay("23:30"), end: Fixtures.day("2026-11-20"),
            text: "hver helg")
        entry.categories = [.noise, .disorder]
        entry.officer = "kari"
        let id = try await harness.store.logComplaint(entry, actor: Fixtures.actor)
        let suggestions = ComplaintRouting.suggestions(for: entry.categories, at: entry.incident.time)
        #expect(!suggestions.isEmpty)
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            let page = try await kari.get("/klager/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("14. november 2026 kl. 23.30 til 20. november 2026 (hver helg)"))
            #expect(
                page.text.components(separatedBy: "<th scope=\"row\">Følges opp av</th>").count - 1 == suggestions.count)
            for suggestion in suggestions {
                #expect(page.text.contains(suggestion.recipient + ": "), "\(suggestion.recipient)")
            }
        }
    }

    /// Item 5: the answers to the complainant are signed with the officer and the district's name.
    @Test func theAnswersAreSignedByTheOfficerAndTheDistrict() async throws {
        let harness = try await WebHarness()
        try await harness.store.setProfile(
            OfficerContact(fullName: "Kari Nordmann", title: "rådgiver", phone: nil, email: nil), name: "kari",
            actor: Fixtures.actor)
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            try await kari.get("/klager/ny")
            let logged = try await kari.post(
                "/klager", [("hendelse", "2026-11-20"), ("sted", "Pub Bislett"), ("kategori", "stoey")])
            #expect(logged.status == .seeOther)
            let path = try #require(logged.headers[.location])
            let page = try await kari.get(path)
            #expect(page.text.contains("Med vennlig hilsen\nKari Nordmann, rådgiver\nBydel St. Hanshaugen"))
            #expect(!page.text.contains("Med vennlig hilsen\nBydelen"))
            try await kari.get(path)
            let closed = try await kari.post(path + "/avslutt", [("grunn", "loest")])
            #expect(closed.text.contains("Kari Nordmann, rådgiver\nBydel St. Hanshaugen"))
        }
    }
}
