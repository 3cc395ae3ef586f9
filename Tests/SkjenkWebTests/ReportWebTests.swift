import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 18, item 7: the annual report page (`/rapport`) and its CSV show the district's figures
/// (the harness' hearing plus `Fixtures.storeReportYear`, worked out in its comment), with charts
/// a screen reader can name; a user of another district sees only that district's.
@Suite struct ReportWebTests {
    /// A row of the page's figure tables: the label, then the year's and each quarter's cells.
    static func row(_ label: String, _ cells: [String]) -> String {
        let columns = ["Året", "1. kvartal", "2. kvartal", "3. kvartal", "4. kvartal"]
        return "<th scope=\"row\">\(label)</th>"
            + zip(columns, cells).map { "<td data-label=\"\($0)\">\($1)</td>" }.joined()
    }

    @Test(arguments: StoreEngine.all) func thePageAndTheCSVShowTheDistrictsFigures(engine: StoreEngine) async throws {
        // Given St. Hanshaugen's year (the harness' hearing of 2 November, not answered, and the
        // fixture's three) and a hearing of Sagene
        let harness = try await WebHarness(engine: engine)
        _ = try await Fixtures.storeReportYear(in: harness.store)
        var sagene = Fixtures.hearing(40)
        sagene.district = "Sagene"
        _ = try await harness.store.storeHearings([sagene], source: "sagene.xml", actor: Fixtures.actor, progress: nil)
        for (name, role, district) in [
            ("kari.sh", Role.caseworker, "St. Hanshaugen"), ("sara", .caseworker, "Sagene"),
            ("bu.sh", .councilMember, "St. Hanshaugen"),
        ] {
            _ = try await harness.store.addUser(
                name: name, role: role, passwordHash: Bcrypt.hash(WebHarness.password, cost: 4), profile: nil,
                district: district, actor: Fixtures.actor)
        }
        try await harness.application().test(.router) { client in
            // St. Hanshaugen's caseworker: this year's report by default
            let kari = Browser(client)
            _ = try await kari.signIn("kari.sh")
            let page = try await kari.get("/rapport")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<h1>Årsrapport 2026</h1>"))
            #expect(html.contains("<a href=\"/rapport\" aria-current"), "in the navigation, marked as the current page")
            #expect(html.contains(Self.row("Mottatt i alt", ["4", "1", "2", "0", "1"])))
            #expect(html.contains(Self.row("– ny bevilling", ["3", "1", "1", "0", "1"])))
            #expect(html.contains(Self.row("Besvart (sendt)", ["2", "1", "1", "0", "0"])))
            #expect(html.contains(Self.row("Besvart innen fristen", ["1", "1", "0", "0", "0"])))
            #expect(html.contains(Self.row("Andel innen fristen", ["50 %", "100 %", "0 %", "–", "–"])))
            #expect(html.contains(Self.row("Median dager brukt", ["27,5", "20", "35", "–", "–"])))
            #expect(html.contains(Self.row("Andel enig", ["50 %", "100 %", "0 %", "–", "–"])))
            #expect(html.contains(Self.row("– støy", ["2", "1", "1", "0", "0"])))
            #expect(html.contains("<td data-label=\"Sted\">Bar Boble (Thereses gate 10)</td><td data-label=\"Klager\">2</td>"))
            // Four charts, each an image with its own title and a description of its figures
            #expect(html.components(separatedBy: "role=\"img\"").count == 5)
            #expect(html.contains("<title id=\"mottatt-tittel\">Høringer mottatt per kvartal</title>"))
            #expect(html.contains("Andel besvart innen fristen per kvartal: 1. kvartal 2026 100 %, 2. kvartal 2026 0 %"))
            #expect(!html.contains("<script"))

            let csv = try await kari.get("/rapport.csv?aar=2026")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"arsrapport-2026.csv\"")
            let lines = csv.text.components(separatedBy: "\r\n")
            for line in [
                "2026;mottatt;;4", "2026;ubesvart;;2", "2026;median_dager_brukt;;27,5", "2026-K4;mottatt;;1",
                "2026;vedtak_enig_prosent;;50", "2026;klager_sted;Bar Boble (Thereses gate 10);2",
            ] {
                #expect(lines.contains(line), "\(line)")
            }

            // Another year: nothing received
            #expect(try await kari.get("/rapport?aar=2025").text.contains(Self.row("Mottatt i alt", ["0", "0", "0", "0", "0"])))

            // Sagene's caseworker: Sagene's one hearing, none of St. Hanshaugen's figures or venues
            let sara = Browser(client)
            _ = try await sara.signIn("sara")
            let theirs = try await sara.get("/rapport?aar=2026")
            #expect(theirs.text.contains("Bydel Sagene"))
            #expect(theirs.text.contains(Self.row("Mottatt i alt", ["1", "0", "0", "0", "1"])))
            #expect(theirs.text.contains(Self.row("Besvart (sendt)", ["0", "0", "0", "0", "0"])))
            #expect(!theirs.text.contains("Bar Boble"))
            let theirCSV = try await sara.get("/rapport.csv?aar=2026").text
            #expect(theirCSV.contains("2026;mottatt;;1\r\n"))
            #expect(!theirCSV.contains("Bar Boble") && !theirCSV.contains("2026;besvart;;2"))

            // A council member of St. Hanshaugen sees its report too
            let council = Browser(client)
            _ = try await council.signIn("bu.sh")
            #expect(try await council.get("/rapport").text.contains(Self.row("Mottatt i alt", ["4", "1", "2", "0", "1"])))
        }
    }

    @Test func aYearTheReportCannotCoverIsRefusedInNorwegian() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            _ = try await kari.signIn("kari")
            // The page shows this year's report with the field as typed and its message; the download refuses.
            for year in ["20x6", "12026"] {
                let refused = try await kari.get("/rapport?aar=\(year)")
                #expect(refused.status == .unprocessableContent, "\(year)")
                #expect(refused.text.contains(##"<a href="#aar">Skriv et år fra"##), "\(year)")
                #expect(refused.text.contains(#"value="\#(year)" aria-invalid="true" aria-describedby="aar-feil""#))
                #expect(refused.text.contains("<title>Feil: Årsrapport 2026 – skjenk</title>"))
            }
            let download = try await kari.get("/rapport.csv?aar=1850")
            #expect(download.status == .badRequest)
            #expect(download.text.contains("er ikke et år rapporten kan gjelde"))
            let admin = Browser(client)
            _ = try await admin.signIn("admin1")
            #expect(try await admin.get("/rapport").status == .forbidden)
        }
    }
}
