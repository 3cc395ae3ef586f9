import Foundation
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing
import ZIPFoundation

/// The meeting desk over every store engine: statements onto an agenda, stopping at the first
/// refusal, and the meeting document in each format, without a complainant's details.
@Suite struct MeetingDeskTests {
    let actor = Fixtures.actor
    static let complainant = "Kari Klagesen"

    /// Three cases of St. Hanshaugen with generated drafts planned for the council on 3 December
    /// (item 45/26), a complaint with a complainant about the first one's venue, and the first two
    /// submitted.
    func store(_ engine: StoreEngine) async throws -> (any AppStore, [CaseNumber]) {
        let store = try await engine.store()
        let hearings = (1...3).map { Fixtures.hearing($0) }
        _ = try await store.storeHearings(hearings, source: "a.xml", actor: actor, progress: nil)
        let venue = hearings[0].venue
        _ = try await store.logComplaint(
            Fixtures.complaintEntry(
                venue: ComplaintVenue(
                    name: venue.name, organisationNumber: hearings[0].applicant.organisationNumber,
                    street: venue.address.street, postalCode: venue.address.postalCode)),
            actor: actor, receipt: nil)
        let policy = try Fixtures.policy()
        for hearing in hearings {
            let stored = try #require(try await store.storedCase(hearing.caseNumber))
            let prepared = try await StatementDesk.prepare(
                [stored], policies: PolicySet(policy), store: store, today: Fixtures.day("2026-11-22"))[0]
            _ = try await StatementDesk.compose(
                prepared, outcome: .partialRefusal,
                route: .council(body: "bydelsutvalget", meetingDate: Fixtures.day("2026-12-03"), itemNumber: "45/26"),
                reference: nil, today: Fixtures.day("2026-11-22"), templates: try TemplateSet.bundledStatement(),
                store: store, actor: actor, officer: nil)
        }
        for hearing in hearings.prefix(2) { _ = try await store.applyReview(.submit, to: hearing.caseNumber, actor: actor) }
        return (store, hearings.map(\.caseNumber))
    }

    @Test(arguments: StoreEngine.all) func statementsGoOnTheAgendaUntilTheFirstRefusal(engine: StoreEngine) async throws
    {
        let (store, cases) = try await store(engine)
        let meeting = try await store.addMeeting(
            body: "bydelsutvalget", date: Fixtures.day("2026-12-10"), district: "St. Hanshaugen", actor: actor)
        // The third is still a draft: it stops the list, and what came before stays on the agenda.
        let result = await MeetingDesk.addItems(
            [cases[0], cases[2], cases[1]], to: meeting.id, store: store, actor: actor)
        #expect(result.added.map(\.number) == ["1/26"])
        #expect(
            result.refusal as? MeetingProblem == .notSubmitted(caseNumber: cases[2].text, state: "utkast"))
        #expect(try await store.meeting(id: meeting.id)?.items.map(\.caseNumber) == [cases[0]])
        let rest = await MeetingDesk.addItems([cases[1]], to: meeting.id, store: store, actor: actor)
        #expect(rest.refusal == nil && rest.added.map(\.number) == ["2/26"])
    }

    @Test(arguments: StoreEngine.all) func theMeetingDocumentInEveryFormat(engine: StoreEngine) async throws {
        let (store, cases) = try await store(engine)
        let templates = try TemplateSet.bundledStatement()
        let created = try await store.addMeeting(
            body: "bydelsutvalget", date: Fixtures.day("2026-12-10"), district: "St. Hanshaugen", actor: actor)
        #expect(await MeetingDesk.addItems(Array(cases.prefix(2)), to: created.id, store: store, actor: actor)
            .refusal == nil)
        let meeting = try #require(try await store.meeting(id: created.id))

        let markdown = try await MeetingDesk.document(meeting, as: .markdown, store: store, templates: templates)
        #expect(markdown.fileName == "saksframlegg-bydelsutvalget-2026-12-10.md")
        #expect(markdown.contentType == "text/markdown; charset=utf-8")
        let text = String(decoding: markdown.data, as: UTF8.self)
        let first = try #require(text.range(of: "## Sak 1/26: Høringsuttalelse til søknad om skjenkebevilling – Bar nummer 1"))
        let second = try #require(text.range(of: "## Sak 2/26: Høringsuttalelse til søknad om skjenkebevilling – Bar nummer 2"))
        #expect(first.upperBound < second.lowerBound)
        let one = String(text[first.upperBound..<second.lowerBound])
        let two = String(text[second.upperBound...])
        #expect(one.contains("- Næringsetatens saksnummer: \(cases[0].text)"))
        #expect(one.contains("- Søker: Bislett Cocktail 1 AS, org.nr. 983 887 457"))
        #expect(two.contains("- Søker: Bislett Cocktail 2 AS, org.nr. 974 760 673"))
        #expect(
            one.contains(
                "Bydelsutvalget gir høringsuttalelse til søknaden i sak \(cases[0].text) slik den står i vedlegget: "
                    + "tilrår avslag for del av søknaden."))
        // The drafts planned 3 December, item 45/26: the attachment names this meeting and item.
        #expect(one.contains("Saken legges fram for bydelsutvalget i møte 10. desember 2026, sak 1/26."))
        #expect(two.contains("Saken legges fram for bydelsutvalget i møte 10. desember 2026, sak 2/26."))
        #expect(!text.contains("sak 45/26"))
        // The complaint about the first venue is cited as a count; its complainant never appears.
        #expect(one.contains("Bydelen har registrert én klage"))
        for format in [StatementFormat.markdown, .html, .docx] {
            let file = try await MeetingDesk.document(meeting, as: format, store: store, templates: templates)
            let content =
                format == .docx ? try Self.docxText(file.data) : String(decoding: file.data, as: UTF8.self)
            #expect(!content.contains(Self.complainant), "\(format)")
            #expect(!content.contains("kari.klagesen@example.no"), "\(format)")
            #expect(content.contains("Saksframlegg – Bydelsutvalget 10. desember 2026"), "\(format)")
        }
        let html = try await MeetingDesk.document(meeting, as: .html, store: store, templates: templates)
        #expect(html.fileName == "saksframlegg-bydelsutvalget-2026-12-10.html")
        let page = String(decoding: html.data, as: UTF8.self)
        #expect(page.contains("<title>Saksframlegg – Bydelsutvalget 10. desember 2026</title>"))
        #expect(page.contains("<h2>Sak 2/26: Høringsuttalelse til søknad om skjenkebevilling – Bar nummer 2</h2>"))
        let docx = try await MeetingDesk.document(meeting, as: .docx, store: store, templates: templates)
        #expect(docx.data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(try Self.docxText(docx.data).contains("Sak 1/26: Høringsuttalelse til søknad om skjenkebevilling"))
        await #expect(throws: MeetingDeskError.unsupportedFormat(.archive)) {
            _ = try await MeetingDesk.document(meeting, as: .archive, store: store, templates: templates)
        }
    }

    @Test(arguments: StoreEngine.all) func aMeetingWithoutItemsSaysTheAgendaIsEmpty(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let meeting = try await store.addMeeting(
            body: "helse- og sosialkomiteen", date: Fixtures.day("2027-01-14"), district: nil, actor: actor)
        let file = try await MeetingDesk.document(
            meeting, as: .markdown, store: store, templates: try TemplateSet.bundledStatement())
        #expect(file.fileName == "saksframlegg-helse-og-sosialkomiteen-2027-01-14.md")
        let text = String(decoding: file.data, as: UTF8.self)
        #expect(text.hasPrefix("# Saksframlegg – Helse- og sosialkomiteen 14. januar 2027\n"))
        #expect(text.contains("Sakslisten er tom"))
        #expect(!text.contains("Bydel "))
    }

    /// The text of a .docx's document part.
    static func docxText(_ data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        var bytes = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
