import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import SkjenkWeb
import Testing

/// The officer's work on a complaint in the browser: the flags waiting on the complaints page,
/// linking or rejecting one, closing with the answer to the complainant, reopening, the download;
/// and the refusals, which store nothing.
@Suite struct ComplaintFollowUpTests {
    /// Three Open311 reports within 30 m of each other: the first an episode, two flagged against it.
    static func flagged(_ client: some TestClientProtocol) async throws -> [Int64] {
        var ids: [Int64] = []
        for point in [
            Open311Tests.origin, Fixtures.offset(Open311Tests.origin, north: 20),
            Fixtures.offset(Open311Tests.origin, east: 30),
        ] {
            let response = try await Open311Tests.post(client, Open311Tests.report(point))
            let id = (try Open311Tests.json(response) as? [[String: Any]])?.first?["service_request_id"] as? String
            ids.append(try #require(id.flatMap(Int64.init)))
        }
        return ids
    }

    @Test func theOfficerLinksOneFlagAndRejectsTheOther() async throws {
        let harness = try await Open311Tests.harness()
        try await harness.application().test(.router) { client in
            let ids = try await Self.flagged(client)
            let browser = Browser(client)
            try await browser.signIn("kari")

            let list = try await browser.get("/klager")
            #expect(list.text.contains("Mulige dubletter til vurdering"))
            #expect(list.text.contains("<a href=\"/klager/\(ids[1])\">\(ids[1])</a>"))
            #expect(list.text.contains("<a href=\"/klager/\(ids[2])\">\(ids[2])</a>"))

            let page = try await browser.get("/klager/\(ids[1])")
            #expect(page.text.contains("Likner episode \(ids[0])"))
            #expect(page.text.contains("action=\"/klager/\(ids[1])/dublett\""))

            let linked = try await browser.post(
                "/klager/\(ids[1])/dublett", [("episode", String(ids[0])), ("valg", "koble")])
            #expect(linked.status == .ok)
            #expect(linked.text.contains("Klagen er koblet til episode \(ids[0])."))
            #expect(linked.text.contains("Status: koblet."))
            #expect(!linked.text.contains("action=\"/klager/\(ids[1])/dublett\""), "no form once decided")

            try await browser.get("/klager/\(ids[2])")
            let rejected = try await browser.post(
                "/klager/\(ids[2])/dublett", [("episode", String(ids[0])), ("valg", "avvis")])
            #expect(rejected.text.contains("ikke samme episode som \(ids[0])"))

            let episode = try await harness.store.complaintLog(ComplaintFilter(episode: ids[0]))
            #expect(Set(episode.compactMap(\.id)) == [ids[0], ids[1]])
            #expect(try await harness.store.pendingDuplicates().isEmpty)
            #expect(!(try await browser.get("/klager")).text.contains("Mulige dubletter til vurdering"))

            // A decision already made, or on a flag that does not exist, is refused and changes nothing.
            let before = try await harness.store.auditTrail(for: nil, limit: 1_000).count
            for fields in [
                [("episode", String(ids[0])), ("valg", "koble")], [("episode", "999"), ("valg", "koble")],
                [("episode", String(ids[0]))], [("valg", "koble")],
            ] {
                let refused = try await browser.post("/klager/\(ids[2])/dublett", fields)
                #expect(refused.status == .unprocessableContent, "\(fields)")
                #expect(refused.text.contains("class=\"feil\""), "\(fields)")
            }
            #expect(try await harness.store.auditTrail(for: nil, limit: 1_000).count == before)
            let third = try #require(try await harness.store.complaint(id: ids[2], includingComplainant: false))
            #expect(third.episodeId == nil)
        }
    }

    @Test func closingFromTheWebStoresTheAnswerAndReopeningNeedsAReason() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("kari")
            let id = harness.complaintId
            try await browser.get("/klager/\(id)")

            let noReason = try await browser.post("/klager/\(id)/avslutt", [("notat", "Ferdig")])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.text.contains("Velg hvorfor klagen avsluttes."))
            #expect(try await harness.store.complaint(id: id, includingComplainant: false)?.status == .received)

            let closed = try await browser.post("/klager/\(id)/avslutt", [("grunn", "ikke-vaart-ansvar")])
            #expect(closed.status == .ok)
            #expect(closed.text.contains("Svar til klageren"))
            #expect(closed.text.contains("Emne: Klagen din (K-\(id)) er ferdig behandlet"))
            #expect(closed.text.contains("action=\"/klager/\(id)/gjenapne\""))
            #expect(!closed.text.contains("action=\"/klager/\(id)/avslutt\""))
            let replies = try await harness.store.replies(ofComplaint: id)
            #expect(replies.map(\.kind) == [.closing])
            // Not the district's: the answer says who to turn to, and never who complained.
            let answer = try #require(replies.last?.text)
            #expect(answer.contains("kan du ta kontakt her"))
            #expect(!answer.contains(try #require(WebHarness.complainant.name)))

            let again = try await browser.post("/klager/\(id)/avslutt", [("grunn", "loest")])
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("er avsluttet"))

            let noNote = try await browser.post("/klager/\(id)/gjenapne", [])
            #expect(noNote.status == .unprocessableContent)
            #expect(noNote.text.contains("Skriv hvorfor klagen gjenåpnes."))
            let reopened = try await browser.post(
                "/klager/\(id)/gjenapne", [("notat", "Naboen meldte ny episode"), ("frist", "2026-12-01")])
            #expect(reopened.text.contains("Klagen er gjenåpnet."))
            let entry = try #require(try await harness.store.complaint(id: id, includingComplainant: false))
            #expect(entry.status == .inFollowUp)
            #expect(entry.nextDue == Fixtures.day("2026-12-01"))
            #expect(entry.steps.map(\.action) == [.registered, .closed, .reopened])
        }
    }

    @Test func theDownloadFollowsTheListAndTheDates() async throws {
        let harness = try await WebHarness()
        var closed = Fixtures.complaintEntry(received: "2026-10-02 09:00", incident: "2026-10-01", due: "2026-10-16")
        closed.officer = "kari"
        let old = try await harness.store.logComplaint(closed, actor: Fixtures.actor)
        _ = try await harness.store.addStep(
            FollowUpStep(
                action: .closed, by: "kari", at: Fixtures.oslo("2026-10-05 10:00"), closingReason: .resolved),
            toComplaint: old, actor: Fixtures.actor)
        try await harness.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("kari")
            let page = try await browser.get("/klager")
            #expect(page.text.contains("action=\"/klager/eksport.csv\""))
            #expect(page.text.contains("name=\"personopplysninger\""), "offered to a caseworker")

            func rows(_ query: String) async throws -> [String] {
                let response = try await browser.get("/klager/eksport.csv" + query)
                #expect(response.status == .ok, "\(query)")
                #expect(
                    response.headers[.contentDisposition] == "attachment; filename=\"klager-2026-11-22.csv\"")
                return response.text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            }
            #expect(try await rows("").map { String($0.prefix(while: { $0 != ";" })) } == [String(harness.complaintId)])
            #expect(try await rows("?alle=1").count == 2)
            #expect(try await rows("?alle=1&fra=2026-10-01&til=2026-10-31").map { $0.hasPrefix("\(old);") } == [true])
            #expect(try await rows("?alle=1&sted=Bar+Boble").count == 1)

            let bad = try await browser.get("/klager/eksport.csv?fra=1.10.2026")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("er ikke en dato"))
            // Issue 15, finding 6: personal data only by the form's POST with its token, never a link.
            let linked = try await browser.get("/klager/eksport.csv?alle=1&personopplysninger=1")
            #expect(linked.status == .badRequest && linked.text.contains("lastes ned med skjemaet"))
            let forged = try await browser.post(
                "/klager/eksport.csv", [("alle", "1"), ("personopplysninger", "1")], csrf: .some(nil))
            #expect(forged.status == .forbidden)
            try await browser.get("/klager")
            let posted = try await browser.post("/klager/eksport.csv", [("alle", "1"), ("personopplysninger", "1")])
            #expect(posted.status == .ok && posted.text.hasPrefix("\u{FEFF}"))
        }
    }
}
