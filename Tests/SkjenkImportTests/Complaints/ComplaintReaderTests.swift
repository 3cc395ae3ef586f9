import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkTestSupport
import Testing

/// The spreadsheet (CSV) and JSON readers for complaints: every field mapped, every bad row
/// reported by line, nothing accepted from a file with problems, and complainants never quoted.
@Suite struct ComplaintReaderTests {
    let now = Fixtures.oslo("2026-11-22 10:00")

    func sheet(_ text: String) -> ComplaintFile {
        ComplaintSheetReader().read(data: Data(text.utf8), fileName: "klager.csv", now: now, actor: "kari")
    }

    @Test func readsTheSampleSheet() throws {
        let file = ComplaintSheetReader().read(
            contentsOf: Fixtures.sample("complaints/klager-2026.csv"), displayName: "klager-2026.csv", now: now,
            actor: "kari")
        #expect(file.errors.isEmpty)
        #expect(file.entries.count == 6)
        let first = file.entries[0]
        #expect(first.externalReference == "2026-001")
        #expect(first.receivedAt == Fixtures.oslo("2026-01-12 09:15"))
        #expect(first.incident == IncidentTime(start: Fixtures.day("2026-01-10"), time: try TimeOfDay("01:30")))
        #expect(first.venue.organisationNumber?.digits == "974760673")
        #expect(first.venue.postalCode == "0350")
        #expect(first.categories == [.noise])
        #expect(first.source == .resident)
        #expect(
            first.complainant == Complainant(name: "Eva Nabo", phone: "+47 912 34 567", email: "eva.nabo@example.no"))
        #expect(first.steps.map(\.action) == [.registered, .closed])
        #expect(first.steps[1].closingReason == .resolved)
        #expect(first.steps[1].at == Fixtures.oslo("2026-01-20 12:00"))
        #expect(file.entries[1].complainant == nil)
        #expect(file.entries[2].categories == [.minors, .overserving])
        #expect(file.entries[2].source == .school)
        #expect(file.entries[2].steps.last?.action == .forwardedElsewhere)
        #expect(file.entries[3].incident.text == "hver helg siden mars")
        #expect(file.entries[3].categories == [.litter, .smoking])
        #expect(file.entries[4].steps.last?.closingReason == .notOurArea)
        #expect(file.entries[5].nextDue == nil)  // due from the policy when logged
        #expect(file.entries[5].steps.isEmpty)
    }

    @Test(arguments: [
        (
            "mottatt;hendelse\n2026-01-01;2026-01-01\n",
            "klager.csv:1:1: kolonnen «kategori» mangler i overskriftslinjen"
        ),
        (
            "mottatt;hendelse;kategori;telefonnummer\n",
            "klager.csv:1:1: ukjent kolonne «telefonnummer»; se README for kolonnene skjenk leser"
        ),
        ("mottatt;hendelse;kategori;kategorier\n", "klager.csv:1:1: kolonnen for «kategori» står to ganger"),
        ("mottatt;hendelse;kategori\n", "klager.csv:1:1: filen har ingen klager under overskriftslinjen"),
        ("", "klager.csv:1:1: filen er tom"),
        (
            "mottatt;hendelse;kategori;sted\n2026-01-01;2026-01-01;støy;\"Pub\n",
            "klager.csv:2:1: et felt i anførselstegn avsluttes aldri"
        ),
        (
            "mottatt;hendelse;kategori;sted\n2026-01-01;2026-01-01;støy;Pub;x\n",
            "klager.csv:2:1: raden har 5 felt, men overskriften har 4"
        ),
        (
            "mottatt;hendelse;kategori\n2026-01-01;2026-01-01;støy\n",
            "klager.csv:2:1: oppgi stedet: navn, organisasjonsnummer, adresse eller posisjon"
        ),
        (
            "mottatt;hendelse;kategori;sted\n2026-01-01;;støy;Pub\n",
            "klager.csv:2:1: hendelse mangler (datoen hendelsen gjaldt)"
        ),
        ("mottatt;hendelse;kategori;sted\n2026-01-01;2026-01-01;;Pub\n", "klager.csv:2:1: oppgi minst én kategori"),
        (
            "mottatt;hendelse;kategori;sted;klokkeslett\n2026-01-01;2026-01-01;støy;Pub;25:00\n",
            "klager.csv:2:1: klokkeslett «25:00» er ikke et klokkeslett (TT:MM)"
        ),
        (
            "mottatt;hendelse;kategori;sted;status;grunn\n2026-01-01;2026-01-01;støy;Pub;mottatt;løst\n",
            "klager.csv:2:1: avslutningsgrunn er oppgitt, men status er ikke avsluttet"
        ),
        (
            "mottatt;hendelse;kategori;sted\n2027-01-01;2026-01-01;støy;Pub\n",
            "klager.csv:2:1: mottatt-tidspunktet er frem i tid"
        ),
    ])
    func eachProblemIsReportedWithItsLine(text: String, expected: String) {
        let file = sheet(text)
        #expect(file.entries.isEmpty)
        #expect(file.errors.map(\.description).contains { $0.hasPrefix(expected) }, "\(file.errors)")
    }

    @Test func aFileWithOneBadRowGivesNoEntriesAndNamesNoComplainant() {
        let file = ComplaintSheetReader().read(
            contentsOf: Fixtures.sample("complaints-broken/feil-i-rader.csv"), displayName: "feil.csv", now: now,
            actor: "kari")
        #expect(file.entries.isEmpty)
        #expect(file.errors.map(\.location.line) == [3, 4, 5, 6, 7, 8, 9, 10])
        #expect(!file.errors.map(\.description).joined().contains("hemmelig.klager"))
    }

    @Test func notUTF8IsRefused() {
        let latin1 = Data("mottatt;hendelse;kategori;sted\n2026-01-01;2026-01-01;st\u{F8}y;Pub\n".utf8)
            .map { $0 }
        // Write ø as Latin-1 (0xF8) instead of UTF-8.
        var bytes: [UInt8] = []
        var index = 0
        while index < latin1.count {
            if latin1[index] == 0xC3 && latin1[index + 1] == 0xB8 {
                bytes.append(0xF8)
                index += 2
            } else {
                bytes.append(latin1[index])
                index += 1
            }
        }
        let file = ComplaintSheetReader().read(data: Data(bytes), fileName: "k.csv", now: now, actor: "kari")
        #expect(file.errors.map(\.description) == ["k.csv:1:1: filen er ikke UTF-8; lagre den som CSV UTF-8 i Excel"])
    }

    @Test func categoriesAreReadByCodeOrLabel() {
        let file = sheet(
            "mottatt;hendelse;kategori;sted\n2026-01-01;2026-01-01;\"Støy (musikk), VOLD; aapningstid + gårdsrom\";Pub\n"
        )
        #expect(file.errors.isEmpty, "\(file.errors)")
        #expect(file.entries.first?.categories == [.noise, .disorder, .hours, .smoking])
    }

    func json(_ text: String) -> ComplaintFile {
        ComplaintJSONReader().read(data: Data(text.utf8), fileName: "klage.json", now: now, actor: "kari")
    }

    @Test func readsTheSampleJSON() throws {
        let file = ComplaintJSONReader().read(
            contentsOf: Fixtures.sample("complaints/klage.json"), now: now, actor: "kari")
        #expect(file.errors.isEmpty)
        let entry = try #require(file.entries.first)
        #expect(entry.categories == [.noise, .disorder])
        #expect(entry.incident.time == (try TimeOfDay("23:45")))
        #expect(entry.complainant?.email == "eva.nabo@example.no")
        #expect(entry.officer == "kari")
        // Without "mottatt" a complaint is received now.
        let now = json(#"{"hendelse": "2026-11-20", "sted": "Pub", "kategorier": ["stoey"]}"#)
        #expect(now.entries.first?.receivedAt == self.now)
    }

    @Test(arguments: [
        (
            #"{"hendelse": "2026-11-20", "sted": "Pub", "kategorier": ["stoey"], "farge": "rød"}"#,
            "ukjent nøkkel «farge»"
        ),
        (#"{"hendelse": 20, "sted": "Pub", "kategorier": ["stoey"]}"#, "«hendelse» skal være tekst"),
        (
            #"{"hendelse": "2026-11-20", "sted": "Pub", "kategorier": 3}"#,
            "«kategorier» skal være en liste med kategorikoder"
        ),
        (
            #"{"hendelse": "2026-11-20", "sted": "Pub", "kategorier": ["stoey"], "klager": {"epost": "Zacharias Klagemann"}}"#,
            "e-postadressen til klageren er ugyldig"
        ),
        (
            #"{"hendelse": "2026-11-20", "sted": "Pub", "kategorier": ["stoey"], "klager": {"alder": "40"}}"#,
            "ukjent nøkkel «klager.alder»"
        ),
        (
            #"[{"hendelse": "2026-11-20", "sted": "Pub", "kategorier": ["stoey"]}, 7]"#,
            "klage 2 i filen: en klage skal være et JSON-objekt"
        ),
        (#"{"hendelse": "2026-11-20""#, "filen er ikke gyldig JSON"),
        ("[]", "filen har ingen klager"),
    ])
    func badJSONIsRefusedWithTheKey(text: String, expected: String) {
        let file = json(text)
        #expect(file.entries.isEmpty)
        #expect(file.errors.contains { $0.message.hasPrefix(expected) }, "\(file.errors)")
        #expect(!file.errors.map(\.description).joined().contains("Zacharias"))
    }
}
