import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkTestSupport
import Testing

/// The complaint log as CSV: what a spreadsheet reads (byte-order mark, quoting, no formulas),
/// one row per complaint with its status changes, steps and due dates, and the personal columns
/// only when asked for.
@Suite struct ComplaintExportTests {
    /// A complaint received 20 November, forwarded to the police, closed, reopened.
    static func followedUp() throws -> ComplaintLogEntry {
        var entry = Fixtures.complaintEntry(received: "2026-11-20 14:30", categories: [.noise, .disorder])
        entry.id = 42
        entry.incident.time = try TimeOfDay("23:45")
        let steps = [
            // Registered later than received (from the spreadsheet): received counts from receipt.
            FollowUpStep(
                action: .registered, by: "kari", at: Fixtures.oslo("2026-11-21 08:00"),
                nextDue: Fixtures.day("2026-12-04")),
            FollowUpStep(
                action: .forwardedToPolice, note: "Ringte Ola Nordmann, 22 33 44 55", by: "kari",
                at: Fixtures.oslo("2026-11-21 09:15"), nextDue: Fixtures.day("2026-11-28")),
            FollowUpStep(
                action: .closed, by: "kari", at: Fixtures.oslo("2026-11-25 12:00"), closingReason: .notOurArea),
            FollowUpStep(
                action: .reopened, note: "Ny melding", by: "per", at: Fixtures.oslo("2026-11-26 10:00"),
                nextDue: Fixtures.day("2026-12-03")),
        ]
        entry.steps = []
        for step in steps { entry = try ComplaintFlow.apply(step, to: entry) }
        return entry
    }

    /// The cells of `data` (semicolon-separated, RFC 4180 quotes), read back the way a spreadsheet does.
    static func cells(_ data: Data) throws -> [[String]] {
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark, so Excel reads UTF-8")
        let text = try #require(String(data: data.dropFirst(3), encoding: .utf8))
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" {
                        cell.unicodeScalars.append(scalars.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == ";" {
                row.append(cell)
                cell = ""
            } else if c == "\r", scalars.first == "\n" {
                scalars.removeFirst()
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.unicodeScalars.append(c)
            }
        }
        #expect(row.isEmpty && cell.isEmpty, "the file ends with a line break")
        return rows
    }

    static func record(_ rows: [[String]], _ index: Int) -> [String: String] {
        Dictionary(uniqueKeysWithValues: zip(rows[0], rows[index]))
    }

    @Test func aRowHasTheStatusChangesStepsAndDueDates() throws {
        let rows = try Self.cells(ComplaintExport().csv([try Self.followedUp()]))
        #expect(rows.count == 2)
        #expect(rows[0] == ComplaintExport.columns)
        #expect(rows.allSatisfy { $0.count == ComplaintExport.columns.count })
        let row = Self.record(rows, 1)
        #expect(row["nr"] == "42")
        #expect(row["mottatt"] == "2026-11-20 14:30")
        #expect(row["kategorier"] == "støy, uro/vold")
        #expect(row["sted"] == "Pub Bislett")
        #expect(row["orgnr"] == "974760673")
        #expect(row["posisjon"] == "59.924000 10.733800")
        // Disorder is the police's; noise after 23.00 too; noise is also environmental health's.
        #expect(row["ruting"]?.hasPrefix("politiet") == true)
        #expect(row["status"] == "under oppfølging")
        #expect(row["status_mottatt"] == "2026-11-20 14:30")
        #expect(row["status_videresendt"] == "2026-11-21 09:15")
        #expect(row["status_avsluttet"] == "2026-11-25 12:00")
        #expect(row["status_under_oppfoelging"] == "2026-11-26 10:00")
        #expect(row["antall_steg"] == "4")
        #expect(row["steg"]?.contains("2026-11-25 12:00 avsluttet (kari): ikke bydelens ansvar") == true)
        #expect(row["frister"] == "2026-12-04; 2026-11-28; 2026-12-03")
        #expect(row["neste_frist"] == "2026-12-03")
    }

    @Test func personalColumnsOnlyWhenAskedFor() throws {
        let entry = try Self.followedUp()
        let personal = [
            "Kari Klagesen", "+47 912 34 567", "kari.klagesen@example.no", "Pilestredet 61", "Ola Nordmann",
            "Høy musikk fra bakgården",
        ]
        let plain = try #require(String(data: ComplaintExport().csv([entry]), encoding: .utf8))
        for detail in personal { #expect(!plain.contains(detail), "«\(detail)» without --include-personal") }
        #expect(!ComplaintExport().header.contains(where: ComplaintExport.personalColumns.contains))

        let rows = try Self.cells(ComplaintExport(includingPersonal: true).csv([entry]))
        #expect(rows[0] == ComplaintExport.columns + ComplaintExport.personalColumns)
        let row = Self.record(rows, 1)
        #expect(row["klager_navn"] == "Kari Klagesen")
        #expect(row["klager_epost"] == "kari.klagesen@example.no")
        #expect(row["beskrivelse"] == entry.description)
        #expect(row["notater"] == "2026-11-21 09:15: Ringte Ola Nordmann, 22 33 44 55 | 2026-11-26 10:00: Ny melding")
    }

    @Test func cellsAreQuotedAndNeverFormulas() throws {
        var entry = try Self.followedUp()
        entry.venue.name = "=HYPERLINK(\"http://example.com\";\"Klikk\")"
        entry.venue.street = "Gate; 1\nannen linje"
        entry.officer = "@kari"
        entry.externalReference = "-12"
        let rows = try Self.cells(ComplaintExport().csv([entry]))
        let row = Self.record(rows, 1)
        #expect(row["sted"] == "'=HYPERLINK(\"http://example.com\";\"Klikk\")")
        #expect(row["adresse"] == "Gate; 1\nannen linje")
        #expect(row["ansvarlig"] == "'@kari")
        #expect(row["ekstern_referanse"] == "'-12")

        let comma = try #require(String(data: ComplaintExport().csv([entry], delimiter: .comma), encoding: .utf8))
        #expect(comma.contains("\r\n42,'-12,2026-11-20 14:30,"))
        #expect(comma.contains("\"støy, uro/vold\""))
    }

    @Test func anEmptyLogIsTheHeaderAlone() throws {
        let rows = try Self.cells(ComplaintExport().csv([]))
        #expect(rows == [ComplaintExport.columns])
    }
}
