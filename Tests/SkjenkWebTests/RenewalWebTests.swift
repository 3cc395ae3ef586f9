import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 18, item 6: the renewals with nothing against them get short statements in one action,
/// put to the director or a meeting together.
@Suite struct RenewalWebTests {
    @Test(arguments: StoreEngine.all) func renewalsAreDraftedTogether(engine: StoreEngine) async throws {
        let harness = try await WebHarness(engine: engine)
        var renewals: [Hearing] = []
        for (index, seq) in ["2026/10010", "2026/10011", "2026/10012"].enumerated() {
            var hearing = Fixtures.statementHearing(.renewal, .serving)
            hearing.caseNumber = try CaseNumber(seq)
            hearing.venue.name = "Fornyelse \(index + 1)"
            // Away from the harness's complaint about Bar Boble in Thereses gate.
            hearing.venue.address = Address(street: "Ullevålsveien \(index + 20)", postalCode: "0171", postTown: "Oslo")
            hearing.venue.position = nil
            // A quiet restaurant, groups 1 and 2, inside until the zone's serving stop.
            hearing.venue.concept = "Restaurant med norsk husmannskost"
            hearing.venue.outdoorArea = nil
            hearing.alcoholGroups = [.group1, .group2]
            hearing.servingPeriods = [
                try ServingPeriod(
                    area: .indoor, groups: [.group1, .group2], days: Set(Weekday.allCases), from: TimeOfDay("12:00"),
                    to: TimeOfDay("00:30"))
            ]
            renewals.append(hearing)
        }
        _ = try await harness.store.storeHearings(renewals, source: "fornyelser.xml", actor: Fixtures.actor, progress: nil)
        let numbers = renewals.map(\.caseNumber.text)
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            let page = try await kari.get("/saker/fornyelser")
            #expect(page.status == .ok)
            for number in numbers { #expect(page.text.contains(number), "\(number)") }
            #expect(!page.text.contains("2026/10003"), "a new permit is no renewal")
            #expect(page.text.contains(#"<option value="1">Bydelsutvalget 10. desember 2026</option>"#))
            #expect(try await kari.post("/saker/fornyelser", [("vei", "direktor")]).text.contains("Velg minst én fornyelse."))

            // Two to the director …
            let director = try await kari.post(
                "/saker/fornyelser", [("sak", "2026/10010"), ("sak", "2026/10011"), ("vei", "direktor")])
            #expect(director.text.contains("Fornyelser med kort uttalelse: 2 av 2."))
            #expect(director.text.contains("2026/10010: kort uttalelse sendt til behandling"))
            // … they are no longer waiting; the third goes to the meeting.
            #expect(!director.text.contains(#"value="2026/10010""#))
            let meeting = try await kari.post("/saker/fornyelser", [("sak", "2026/10012"), ("vei", "1")])
            #expect(meeting.text.contains("2026/10012: kort uttalelse sendt til behandling, sak 1/26 i møtet"))
        }
        for number in ["2026/10010", "2026/10011"] {
            let caseNumber = try CaseNumber(number)
            #expect(try await harness.store.review(of: caseNumber).state == .submitted)
            let draft = try #require(try await harness.store.drafts(of: caseNumber).last)
            #expect(draft.outcome == .noRemarks)
            #expect(draft.route == .delegated(signatory: nil))
        }
        let onMeeting = try #require(try await harness.store.drafts(of: try CaseNumber("2026/10012")).last)
        #expect(onMeeting.route == .council(body: "bydelsutvalget", meetingDate: Fixtures.day("2026-12-10"), itemNumber: "1/26"))
        #expect(try await harness.store.meeting(id: 1)?.items.map(\.caseNumber.text) == ["2026/10012"])
    }
}
