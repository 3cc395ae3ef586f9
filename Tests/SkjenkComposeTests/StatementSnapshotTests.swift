import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkTestSupport
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every combination of application kind, permit type, outcome and decision route, rendered with
/// the bundled templates and compared with the reviewed Markdown in `Golden/statements/`. A
/// changed template shows as a readable diff there; record a deliberate change with
/// `SKJENK_RECORD_GOLDEN=1 swift test --filter StatementSnapshotTests`.
@Suite struct StatementSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/statements")

    static let routes: [(String, DecisionRoute)] = [
        ("direktor", .delegated(signatory: "Kari Direktør")),
        ("bu", .council(body: "bydelsutvalget", meetingDate: try! LocalDate(iso: "2026-12-03"), itemNumber: "45/26")),
    ]

    static var combinations: [(ApplicationType, PermitType, StatementOutcome, String)] {
        ApplicationType.allCases.flatMap { kind in
            PermitType.allCases.flatMap { permit in
                StatementOutcome.allCases.filter { !Self.impossible(kind, permit, $0) }.flatMap { outcome in
                    routes.map { (kind, permit, outcome, $0.0) }
                }
            }
        }
    }

    /// Outcomes the desk refuses for these fixtures: «med vilkår» where no condition can arise (a
    /// shop, whose risks the assessor answers with no condition; a place that has run as it is,
    /// whose unchanged surroundings call for none). `theExcludedCombinationsConflict` checks that
    /// each is refused, so the golden set leaves out only what cannot be composed.
    static func impossible(_ kind: ApplicationType, _ permit: PermitType, _ outcome: StatementOutcome) -> Bool {
        outcome == .grantWithConditions && (permit == .retailSale || [.renewal, .changeOfOwner].contains(kind))
    }

    static let officer = OfficerContact(
        fullName: "Ola Saksbehandler", title: "rådgiver", phone: "23 47 00 00",
        email: "ola.saksbehandler@bsh.oslo.kommune.no")

    /// The statement for one combination, as Markdown.
    static func markdown(
        _ kind: ApplicationType, _ permit: PermitType, _ outcome: StatementOutcome, route: String,
        date: String = "2026-11-22", officer: OfficerContact? = officer, length: StatementLength = .automatic,
        change: (inout Hearing) -> Void = { _ in }
    ) throws -> String {
        let policy = try Fixtures.policy()
        var hearing = Fixtures.statementHearing(kind, permit, for: outcome)
        change(&hearing)
        let context = Fixtures.statementContext(
            policy: policy,
            complaints: [
                Complaint(
                    id: 1, incidentDate: try LocalDate(iso: "2026-09-05"), categories: [.noise],
                    street: "Thereses gate 10"),
                Complaint(
                    id: 2, incidentDate: try LocalDate(iso: "2026-09-05"), categories: [.noise],
                    street: "Thereses gate 10",
                    episodeId: 1),
                Complaint(
                    id: 3, incidentDate: try LocalDate(iso: "2026-03-14"), categories: [.minors],
                    street: "Thereses gate 10"),
            ])
        let assessment = Assessor.assess(hearing, context: context)
        // Every reviewed statement is one the desk would compose: its outcome agrees with its assessment.
        #expect(outcome.conflict(with: assessment) == nil, "\(kind.code)-\(permit.code)-\(outcome.code)")
        let options = StatementOptions(
            outcome: outcome, route: routes.first { $0.0 == route }!.1, ourReference: "26/1234",
            date: try LocalDate(iso: date), officer: officer, length: length)
        let map = StatementMap.gather(hearing: hearing, context: context)
        let view = StatementComposer.view(
            hearing: hearing, assessment: assessment, policy: policy, options: options, mapSVG: map?.svg())
        return try StatementRenderer(templates: try TemplateSet.bundledStatement()).markdown(view)
    }

    @Test(arguments: combinations)
    func matchesTheReviewedStatement(
        kind: ApplicationType, permit: PermitType, outcome: StatementOutcome, route: String
    ) throws {
        let text = try Self.markdown(kind, permit, outcome, route: route)
        let file = Self.folder.appendingPathComponent("\(kind.code)-\(permit.code)-\(outcome.code)-\(route).md")
        if ProcessInfo.processInfo.environment["SKJENK_RECORD_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "\(file.lastPathComponent) differs; see the diff against the golden file")
        // The weighing says why and the recommendation what: where they stand together, neither says the
        // other's words again (the summary at the top repeats the recommendation by design, far from it).
        let paragraphs = text.components(separatedBy: "\n\n").map { $0.replacingOccurrences(of: "*", with: "") }
        for phrase in ["har ingen merknader", "merke seg", "går imot at"] {
            for (first, second) in zip(paragraphs, paragraphs.dropFirst()) {
                #expect(
                    !(first.contains(phrase) && second.contains(phrase)),
                    "«\(phrase)» twice in a row in \(file.lastPathComponent): \(first) / \(second)")
            }
        }
    }

    @Test func theTextFollowsTheCase() throws {
        let change = try Self.markdown(.change, .serving, .grantWithConditions, route: "direktor")
        #expect(change.contains("Søknaden gjelder endring av bevillingen («Utvidet skjenketid ute til kl. 21.30»)."))
        #expect(change.contains("Bydelen tilrår at søknaden innvilges med vilkårene nedenfor."))
        #expect(change.contains("Uttalelsen gis av bydelsdirektøren etter delegert myndighet."))
        #expect(change.contains("Kari Direktør, bydelsdirektør"))
        let owner = try Self.markdown(.changeOfOwner, .retailSale, .against, route: "bu")
        #expect(owner.contains("Søknaden gjelder eierskifte:"))
        #expect(owner.contains("søknad om salgsbevilling"))
        #expect(owner.contains("Salgstidene følger alkoholloven § 3-7"))
        #expect(owner.contains("**Bydelen går imot at søknaden innvilges."))
        #expect(owner.contains("## Behandling\n\nSaken legges fram for bydelsutvalget i møte 3. desember 2026, sak 45/26."))
        #expect(!owner.contains("behandlet saken") && !owner.contains("## Vedtak"))
        #expect(!owner.contains("foreslår disse vilkårene"))
        let none = try Self.markdown(.renewal, .serving, .noRemarks, route: "direktor")
        #expect(none.contains("**Bydelen har ingen merknader til søknaden.**"))
        #expect(!none.contains("foreslår disse vilkårene"))
        let partial = try Self.markdown(.new, .serving, .partialRefusal, route: "direktor")
        // A part-refusal names its parts and reasons, never "ut over sonens norm".
        #expect(
            partial.contains(
                "**Bydelen tilrår avslag på skjenking inne etter kl. 00.30, skjenking av alkoholgruppe 3 ute før kl. "
                    + "13.00 (fredag og lørdag) og skjenking ute etter kl. 21.30 (fredag og lørdag), og at søknaden "
                    + "ellers innvilges med vilkårene nedenfor.**"))
        #expect(
            partial.contains(
                "Avslaget gjelder:\n\n- Skjenking inne etter kl. 00.30: skjenkingen må opphøre kl. 00.30 fordi "
                    + "stedet skal holde lukket inne fra kl. 01.00 i boligområde utenfor sentrum. Det kan gis "
                    + "skjenking inne til kl. 00.30."))
        #expect(!partial.contains("sonens norm"))
        // Opposing, the district proposes its conditions subsidiarily.
        let against = try Self.markdown(.new, .serving, .against, route: "direktor")
        #expect(against.contains("Om Næringsetaten likevel gir bevilling, foreslår bydelen subsidiært vilkårene nedenfor."))
        #expect(against.contains("Bydelen foreslår subsidiært disse vilkårene:"))
        #expect(against.contains("Om Næringsetaten likevel gir bevilling, kan den ikke omfatte:\n\n- Skjenking inne etter"))
        // A change of owner is a new permit for the new owner (alkoholloven § 1-10), never a takeover.
        #expect(owner.contains("søker som ny eier om ny bevilling for stedet (alkoholloven § 1-10)"))
        #expect(!owner.contains("overta"))
    }

    /// The letter: letterhead, addressee with the agency's officer, their reference and the date of
    /// their letter, our reference from the district's pattern, the director's signature on the
    /// delegated route and the district's contact at the foot (policy `bydel`).
    @Test func theLetterHasItsHeadAddresseeReferencesAndSignature() throws {
        let text = try Self.markdown(.renewal, .serving, .noRemarks, route: "direktor")
        #expect(text.contains("Oslo kommune, Bydel St. Hanshaugen\n\nTil Næringsetaten, v/ Ola Hansen\n"))
        #expect(text.contains("| Deres referanse | 2026/10003, brev av 2. november 2026 |"))
        #expect(text.contains("| Vår referanse | 26/1234 |"))
        #expect(text.contains("Med vennlig hilsen\n\nKari Direktør, bydelsdirektør, Bydel St. Hanshaugen"))
        #expect(text.contains("Bydel St. Hanshaugen: Postboks 2100 Grünerløkka, 0505 Oslo"))
        #expect(text.contains("org.nr. 921 345 674"))
        // Without a reference given, the district's pattern makes one from the agency's case number.
        let policy = try Fixtures.policy()
        #expect(policy.district?.reference(for: try CaseNumber("26/5110-2")) == "BSH 2026/5110")
        // A council's statement is sent in the district's name, without a personal signature.
        let council = try Self.markdown(.renewal, .serving, .noRemarks, route: "bu")
        #expect(council.contains("Med vennlig hilsen\n\nBydel St. Hanshaugen\n"))
    }

    /// Before approval the letter is marked UTKAST and says the case will be put before the council;
    /// the approved letter has no mark and says what the council decided, with date and item.
    @Test func routeTextsBeforeAndAfterApproval() throws {
        let route = DecisionRoute.council(
            body: "bydelsutvalget", meetingDate: try LocalDate(iso: "2026-12-03"), itemNumber: "45/26")
        let draft = try Self.markdown(.new, .serving, .grantWithConditions, route: "bu")
        #expect(draft.hasPrefix("# Bydel St. Hanshaugen – høringsuttalelse"))
        #expect(draft.contains("\n\n\(StatementText.draftMark)\n\n"))
        let approved = StatementText.finalised(draft, route: route)
        #expect(!approved.contains("UTKAST"))
        #expect(
            approved.contains(
                "## Behandling\n\nBydelsutvalget behandlet saken i møte 3. desember 2026, sak 45/26, og vedtok denne "
                    + "uttalelsen."))
        #expect(!approved.contains("legges fram"))
        // Delegated: the director's sentence in the past tense once approved.
        let delegated = try Self.markdown(.new, .serving, .grantWithConditions, route: "direktor")
        let signed = StatementText.finalised(delegated, route: .delegated(signatory: "Kari Direktør"))
        #expect(signed.contains("Uttalelsen er gitt av bydelsdirektøren etter delegert myndighet."))
        #expect(!signed.contains("UTKAST"))
        // Every format carries the mark until approval.
        let renderer = StatementRenderer(templates: try TemplateSet.bundledStatement())
        #expect(try renderer.html(markdown: draft, mapSVG: nil).contains("UTKAST"))
        #expect(try !renderer.html(markdown: approved, mapSVG: nil).contains("UTKAST"))
        // The .docx is written from the same blocks.
        #expect(StatementDocument(markdown: draft).blocks.contains { "\($0)".contains("UTKAST") })
        #expect(!StatementDocument(markdown: approved).blocks.contains { "\($0)".contains("UTKAST") })
    }

    /// A single occasion, a renewal with nothing against it and a change of owner with nothing
    /// against it get the one-page standard statement (policy `kort_uttalelse`); the officer may
    /// choose the full one, or a short one for anything else.
    @Test func shortStatementsForTheKindsThePolicyNames() throws {
        let event = try Self.markdown(
            .singleOccasion, .serving, .grantWithConditions, route: "direktor",
            change: { $0.remark = "Arrangementet holdes lørdag 12. desember 2026 kl. 18.00–22.00." })
        #expect(event.contains("## Uttalelse") && !event.contains("## Bydelens vurdering"))
        #expect(event.contains("Næringsetatens merknad i høringsbrevet: «Arrangementet holdes lørdag 12. desember 2026"))
        #expect(event.contains("Bydelen har vurdert søknaden etter alkoholloven § 1-7a og bydelens alkoholpolitikk."))
        #expect(event.contains("\n1. ") && event.contains("Begrunnelse:"))
        #expect(event.contains("## Behandling") && event.contains("Saksbehandler: Ola Saksbehandler"))
        // Renewal and change of owner: short only when nothing weighs against.
        #expect(try Self.markdown(.renewal, .serving, .noRemarks, route: "direktor").contains("## Uttalelse"))
        #expect(try Self.markdown(.renewal, .serving, .partialRefusal, route: "direktor").contains("## Bydelens vurdering"))
        #expect(try Self.markdown(.changeOfOwner, .serving, .noRemarks, route: "direktor").contains("## Uttalelse"))
        #expect(try Self.markdown(.new, .serving, .noRemarks, route: "direktor").contains("## Bydelens vurdering"))
        // The officer's choice wins.
        #expect(
            try Self.markdown(.singleOccasion, .serving, .noRemarks, route: "direktor", length: .full).contains(
                "## Bydelens vurdering"))
        #expect(try Self.markdown(.new, .serving, .noRemarks, route: "direktor", length: .short).contains("## Uttalelse"))
    }

    @Test func aLateAnswerApologisesAndTheAgencysNoteIsQuoted() throws {
        let late = try Self.markdown(
            .singleOccasion, .serving, .noRemarks, route: "direktor", date: "2026-12-18",
            change: { $0.remark = "Arrangementet holdes 19. og 20. desember 2026 kl. 18.00–23.00." })
        #expect(late.contains("Bydelen beklager at uttalelsen kommer etter høringsfristen 15. desember 2026."))
        #expect(
            late.contains(
                "Næringsetatens merknad i høringsbrevet: «Arrangementet holdes 19. og 20. desember 2026 kl. 18.00–23.00.»"))
        let onTime = try Self.markdown(.singleOccasion, .serving, .noRemarks, route: "direktor")
        #expect(!onTime.contains("beklager"))
        // A council that meets after the deadline makes the answer late, and the letter says why.
        let council = try Self.markdown(
            .new, .serving, .noRemarks, route: "bu", change: { $0.deadline = try! LocalDate(iso: "2026-11-30") })
        #expect(
            council.contains(
                "Bydelen beklager at uttalelsen kommer etter høringsfristen 30. november 2026, fordi saken behandles "
                    + "i møte i bydelsutvalget 3. desember 2026."))
    }

    /// The officer by full name and title with how to reach them; never a login; "(ikke oppgitt)"
    /// when nobody is named.
    @Test func theOfficerIsNamedByFullNameOrSaidToBeMissing() throws {
        let named = try Self.markdown(.new, .serving, .noRemarks, route: "direktor")
        #expect(
            named.contains(
                "Saksbehandler: Ola Saksbehandler, rådgiver (tlf. 23 47 00 00, e-post "
                    + "ola.saksbehandler@bsh.oslo.kommune.no)"))
        let nobody = try Self.markdown(.new, .serving, .noRemarks, route: "direktor", officer: nil)
        #expect(nobody.contains("Saksbehandler: (ikke oppgitt)"))
    }

    /// Names with `&`, `"` and `'` come out as written in Markdown and HTML (once escaped).
    @Test func namesWithMarkupCharactersComeOutRight() throws {
        let name = "Bar & «Co» \"Den\" O'Hara"
        let text = try Self.markdown(.new, .serving, .noRemarks, route: "direktor", change: { $0.venue.name = name })
        #expect(text.contains("for \(name), Ullevålsveien 82"))
        #expect(!text.contains("&amp;") && !text.contains("&quot;") && !text.contains("&#39;"))
        let html = try StatementRenderer(templates: try TemplateSet.bundledStatement()).html(markdown: text, mapSVG: nil)
        #expect(html.contains("Bar &amp; «Co» &quot;Den&quot; O&#39;Hara") || html.contains("Bar &amp; «Co» &quot;Den&quot; O'Hara"))
        #expect(!html.contains("&amp;amp;") && !html.contains("&amp;quot;"))
        // In the .docx the name is escaped once for XML and reads back as written.
        let docx = try DocxWriter.docx(
            StatementDocument(markdown: text), title: name, author: "Ola", created: Date(timeIntervalSince1970: 0))
        let archive = try Archive(data: docx, accessMode: .read)
        var bytes = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { bytes.append($0) }
        let collector = TextCollector()
        let parser = XMLParser(data: bytes)
        parser.delegate = collector
        #expect(parser.parse())
        #expect(collector.text.contains("for \(name), Ullevålsveien 82"))
    }

    @Test func theTextCitesTheEvidence() throws {
        let text = try Self.markdown(.new, .serving, .partialRefusal, route: "direktor")
        // Sites with category, name and distance, nearest first.
        #expect(text.contains("| 1 | Ila skole | skole | 80 m |"))
        // A treatment service is described by its kind (policy `bydel.saarbare_steder_i_brev: type`).
        #expect(text.contains("| 2 | (navn utelatt) | tilbud for sårbare grupper | 140 m |"))
        #expect(text.contains("Et tilbud for sårbare grupper ligger 140 m fra stedet"))
        #expect(!text.contains("Sporveisgata"))
        #expect(text.contains("| 3 | Åsen barnehage | barnehage | 150 m |"))
        // Each fact once: the density is said in its section, not again under the table.
        #expect(text.contains("Det er tre steder med bevilling innenfor 250 m."))
        #expect(!text.contains("Antall steder:"))
        // Complaints counted by category and period: two reports of one episode, and one more.
        #expect(text.contains("Bydelen har registrert tre klager om to episoder på stedet eller adressen de siste 24 månedene"))
        #expect(text.contains("Episodene gjelder støy (én episode) og mindreårige (én episode). Av personvernhensyn oppgir bydelen ikke hvem som har klaget."))
        #expect(text.contains("| støy | 1 |\n| mindreårige | 1 |"))
        // Hours against the zone's serving stop, the weighing, the action-plan goals, numbered
        // conditions with their reasons.
        #expect(text.contains("Omsøkt skjenking inne til kl. 03.00 er to og en halv time etter skjenkestopp kl. 00.30, og kan ikke tilrås"))
        #expect(text.contains("### Samlet vurdering\n\nMot søknaden taler:\n\n- Ila skole ligger 80 m fra stedet"))
        #expect(text.contains("Begrunnelse: Ila skole ligger 80 m fra stedet, og bydelen mener brennevin ikke bør skjenkes"))
        #expect(text.contains("*Mål i bydelens handlingsplan: «Forebyggende arbeid rettet mot barn og unge: færre unge debuterer tidlig med alkohol».*"))
        #expect(text.contains("\n1. "))
        // Norwegian dates and times.
        #expect(text.contains("| Dato | 22. november 2026 |"))
        #expect(text.contains("08.00–03.00"))
    }

    @Test func aTemplateErrorNamesTheTemplateLineAndTag() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("md"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# {{title}}\n\n{{#hasSites}}\nSteder\n{{/hasMap}}\n".write(
            to: folder.appendingPathComponent("md/dokument.mustache"), atomically: true, encoding: .utf8)
        #expect {
            _ = try TemplateSet(folder: folder)
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("md/dokument.mustache:5:")
                && text.contains("avslutningen {{/…}} har et annet navn enn seksjonen den lukker")
                && text.contains("«{{/hasMap}}»")
        }
        #expect(throws: TemplateSet.Problem.self) {
            _ = try TemplateSet(folder: folder.appendingPathComponent("finnes-ikke"))
        }
    }

    @Test func namesSortInNorwegianOrder() {
        let names = ["Åsen", "Zeta", "Ærlig", "Østre", "alfa", "Bislett"]
        #expect(names.sorted(by: NorwegianOrder.less) == ["alfa", "Bislett", "Zeta", "Ærlig", "Østre", "Åsen"])
    }
}

/// The character data of an XML document, in order.
final class TextCollector: NSObject, XMLParserDelegate {
    var text = ""

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}

extension StatementSnapshotTests {
    @Test func theExcludedCombinationsConflict() throws {
        let policy = try Fixtures.policy()
        var excluded = 0
        for kind in ApplicationType.allCases {
            for permit in PermitType.allCases {
                for outcome in StatementOutcome.allCases where Self.impossible(kind, permit, outcome) {
                    excluded += 1
                    let hearing = Fixtures.statementHearing(kind, permit, for: outcome)
                    let assessment = Assessor.assess(hearing, context: Fixtures.statementContext(policy: policy))
                    #expect(outcome.conflict(with: assessment) != nil, "\(kind) \(permit) \(outcome)")
                }
            }
        }
        #expect(excluded == 7)
    }
}
