import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkTestSupport
import Testing

/// The meeting document (saksframlegg): the agenda, each item's facts and the director's proposal,
/// and the draft as its attachment, routed to this meeting and item.
@Suite struct MeetingDocumentTests {
    static let body = "bydelsutvalget"
    /// The meeting and item the drafts were written for, before they were put on this meeting.
    static let planned = DecisionRoute.council(
        body: body, meetingDate: Fixtures.day("2026-12-03"), itemNumber: "45/26")

    func meeting(items: [MeetingItem]) -> Meeting {
        Meeting(
            id: 7, body: Self.body, date: Fixtures.day("2026-12-10"), district: "St. Hanshaugen", items: items,
            createdAt: Fixtures.oslo("2026-11-22 10:00"), createdBy: "sekretaer")
    }

    func draft(_ hearing: Hearing, outcome: StatementOutcome) -> StatementDraft {
        StatementDraft(
            caseNumber: hearing.caseNumber, origin: .generated,
            markdown: """
                # Bydel St. Hanshaugen – høringsuttalelse til \(hearing.venue.name)

                \(StatementText.draftMark)

                Bydelen beklager at uttalelsen kommer etter høringsfristen\(StatementText.lateReason(Self.planned)!).

                ## Saken

                ### Samlet vurdering

                Teksten til \(hearing.venue.name).

                ## Behandling

                \(StatementText.routeBeforeApproval(Self.planned))

                """,
            mapSVG: nil, outcome: outcome, route: Self.planned, hearingVersion: 1, assessmentDigest: "0123456789abcdef",
            author: "ola", createdAt: Fixtures.oslo("2026-11-22 10:00"))
    }

    /// Two items with drafts: the second hearing is a retail sale without outdoor periods.
    func twoItems() -> (Meeting, [MeetingDocument.Entry]) {
        let first = Fixtures.hearing(1)
        var second = Fixtures.hearing(2)
        second.permitType = .retailSale
        second.servingPeriods = []
        let items = [
            MeetingItem(number: "1/26", caseNumber: first.caseNumber),
            MeetingItem(number: "2/26", caseNumber: second.caseNumber),
        ]
        return (
            meeting(items: items),
            [
                MeetingDocument.Entry(item: items[0], hearing: first, draft: draft(first, outcome: .grantWithConditions)),
                MeetingDocument.Entry(item: items[1], hearing: second, draft: draft(second, outcome: .noRemarks)),
            ]
        )
    }

    @Test func eachItemHasItsFactsProposalAndDraftRoutedToThisMeeting() throws {
        let (meeting, entries) = twoItems()
        let text = MeetingDocument.markdown(meeting, entries: entries)
        let lines = text.components(separatedBy: "\n")
        #expect(lines.first == "# Saksframlegg – Bydelsutvalget 10. desember 2026")
        #expect(lines.contains("Oslo kommune, Bydel St. Hanshaugen"))
        #expect(
            lines.contains("- Sak 1/26: Høringsuttalelse – søknad om skjenkebevilling, Bar nummer 1, Thereses gate 2"))
        #expect(
            lines.contains("- Sak 2/26: Høringsuttalelse – søknad om salgsbevilling, Bar nummer 2, Thereses gate 3"))

        // Both items in the agenda's order, each with its facts before its proposal.
        let first = try #require(
            lines.firstIndex(of: "## Sak 1/26: Høringsuttalelse til søknad om skjenkebevilling – Bar nummer 1"))
        let second = try #require(
            lines.firstIndex(of: "## Sak 2/26: Høringsuttalelse til søknad om salgsbevilling – Bar nummer 2"))
        #expect(first < second)
        let one = lines[first..<second]
        let two = lines[second...]
        #expect(one.contains("- Næringsetatens saksnummer: \(entries[0].hearing.caseNumber.text)"))
        #expect(one.contains("- Søker: Bislett Cocktail 1 AS, org.nr. 983 887 457"))
        #expect(one.contains("- Sted: Bar nummer 1, Thereses gate 2, 0358 Oslo"))
        #expect(one.contains("- Søknaden gjelder: ny bevilling (skjenkebevilling)"))
        #expect(one.contains("- Alkoholgrupper: gruppe 1, 2 og 3"))
        #expect(one.contains("- Høringsfrist: 3. november 2026"))
        #expect(one.contains("- inne, gruppe 1 og 2, alle dager: 08.00–03.00"))
        #expect(one.contains("- ute, gruppe 1, 2 og 3, fredag og lørdag: 11.00–01.00"))
        #expect(one.contains("Seneste omsøkte skjenketid: inne kl. 03.00, ute kl. 01.00."))
        #expect(
            one.contains(
                "Bydelsutvalget gir høringsuttalelse til søknaden i sak \(entries[0].hearing.caseNumber.text) slik "
                    + "den står i vedlegget: tilrår innvilget med vilkår."))
        #expect(two.contains("Søknaden oppgir ingen salgstider."))
        #expect(two.contains { $0.hasSuffix("slik den står i vedlegget: ingen merknader.") })

        // The attachment: the draft under its item, its route sentence naming this meeting and item.
        #expect(one.contains("### Vedlegg: utkast til høringsuttalelse"))
        #expect(one.contains("#### Bydel St. Hanshaugen – høringsuttalelse til Bar nummer 1"))
        #expect(one.contains("##### Saken"))
        #expect(one.contains("###### Samlet vurdering"))
        #expect(one.contains("Saken legges fram for bydelsutvalget i møte 10. desember 2026, sak 1/26."))
        #expect(two.contains("Saken legges fram for bydelsutvalget i møte 10. desember 2026, sak 2/26."))
        #expect(one.contains("Bydelen beklager at uttalelsen kommer etter høringsfristen, fordi saken behandles i møte i "
            + "bydelsutvalget 10. desember 2026."))
        #expect(!text.contains("3. desember 2026") && !text.contains("45/26"))
        #expect(one.contains(StatementText.draftMark))
        // The applicant company is named; its manager and deputy are not.
        for person in [entries[0].hearing.manager?.name, entries[0].hearing.deputy?.name] {
            #expect(!text.contains(try #require(person)))
        }
    }

    @Test func theHeadingsNestInHTMLAndWord() throws {
        let (meeting, entries) = twoItems()
        let document = StatementDocument(markdown: MeetingDocument.markdown(meeting, entries: entries))
        let levels = document.blocks.compactMap { block -> Int? in
            if case .heading(let level, _) = block { return level }
            return nil
        }
        #expect(Set(levels) == [1, 2, 3, 4, 5, 6])
        let html = HTMLRenderer.body(document)
        #expect(html.contains("<h4>Bydel St. Hanshaugen – høringsuttalelse til Bar nummer 1</h4>"))
        #expect(html.contains("<h6>Samlet vurdering</h6>"))
    }

    @Test func aDecidedItemCarriesTheStatementAsAdopted() {
        var (meeting, entries) = twoItems()
        meeting.items[0].outcome = .adopted
        entries[0] = MeetingDocument.Entry(item: meeting.items[0], hearing: entries[0].hearing, draft: entries[0].draft)
        let text = MeetingDocument.markdown(meeting, entries: entries)
        #expect(text.contains("Utfall i møtet: vedtatt som foreslått."))
        #expect(text.contains("### Vedlegg: høringsuttalelsen slik den ble vedtatt"))
        #expect(
            text.contains("Bydelsutvalget behandlet saken i møte 10. desember 2026, sak 1/26, og vedtok denne uttalelsen."))
        // The open item is still the draft, proposed for this meeting.
        #expect(text.contains("Saken legges fram for bydelsutvalget i møte 10. desember 2026, sak 2/26."))
    }

    @Test func anItemWithoutADraftAndAnEmptyAgendaSaySo() {
        let (meeting, entries) = twoItems()
        let undrafted = MeetingDocument.markdown(
            meeting, entries: [MeetingDocument.Entry(item: entries[0].item, hearing: entries[0].hearing, draft: nil)])
        #expect(undrafted.contains("Saken har ikke noe utkast til høringsuttalelse."))
        #expect(!undrafted.contains("Vedlegg"))
        #expect(!undrafted.contains("gir høringsuttalelse til søknaden"))

        let empty = MeetingDocument.markdown(self.meeting(items: []), entries: [])
        #expect(empty.contains("Sakslisten er tom: ingen saker er satt opp til dette møtet."))
        #expect(!empty.contains("## Sak "))
    }

    @Test(arguments: [
        ("# Tittel\n## Del\n### Under\n#### Fjerde", 3, "#### Tittel\n##### Del\n###### Under\n###### Fjerde"),
        ("#ikke overskrift\n- # punkt\ntekst", 3, "#ikke overskrift\n- # punkt\ntekst"),
        ("## Del", 1, "### Del"),
    ])
    func headingsAreDemotedToSixLevelsAtMost(input: String, levels: Int, expected: String) {
        #expect(MeetingDocument.demoted(input, by: levels) == expected)
    }
}
