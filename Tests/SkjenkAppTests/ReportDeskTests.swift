import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// The annual report read from the store on every engine (`Fixtures.storeReportYear`, whose
/// answers are worked out in its comment), scoped to a district, and its CSV with one row per figure.
@Suite struct ReportDeskTests {
    @Test(arguments: StoreEngine.all) func theReportOfADistrictHasTheFixturesFigures(engine: StoreEngine) async throws {
        let store = try await engine.store()
        _ = try await Fixtures.storeReportYear(in: store)
        // Another district's year, which must not be counted in St. Hanshaugen's
        _ = try await Fixtures.storeReportYear(in: store, district: "Sagene", firstIndex: 400)
        let period = try ReportPeriod(year: 2026)

        let report = try await ReportDesk.report(period, district: "St. Hanshaugen", store: store)

        let year = report.year
        #expect(year.receivedTotal == 3)
        #expect(year.received.map(\.count) == [2, 0, 0, 1, 0])
        #expect((year.answered, year.answeredOnTime, year.onTimePercent) == (2, 1, 50.0))
        #expect(year.medianDaysUsed == 27.5)
        #expect(year.outcomes.map(\.count) == [1, 0, 1, 0, 0])
        #expect((year.decisions, year.decisionsCompared, year.decisionsAgreeing, year.agreementPercent) == (2, 2, 1, 50.0))
        #expect(year.complaints == 2)
        #expect(year.complaintsByCategory == [Tally(.noise, 2), Tally(.litter, 1)])
        #expect(year.complaintsByVenue == [Tally("Bar Boble (Thereses gate 10)", 2)])
        #expect(report.quarters.map(\.receivedTotal) == [1, 2, 0, 0])
        #expect(report.quarters.map(\.medianDaysUsed) == [20, 35, nil, nil])

        // Both districts together
        let all = try await ReportDesk.report(period, district: nil, store: store)
        #expect((all.year.receivedTotal, all.year.answered, all.year.complaints) == (6, 4, 4))

        // The CSV: the year's rows, then each quarter's; decimal commas; an empty value without a basis
        let text = String(decoding: ReportDesk.csv(report, period: period), as: UTF8.self)
        let lines = text.dropFirst().components(separatedBy: "\r\n")
        #expect(lines.first == "periode;tall;del;verdi")
        for row in [
            "2026;mottatt;;3", "2026;mottatt;ny bevilling;2", "2026;besvart;;2", "2026;besvart_i_tide;;1",
            "2026;besvart_i_tide_prosent;;50", "2026;median_dager_brukt;;27,5", "2026;tilraading;ingen merknader;1",
            "2026;vedtak_enig;;1", "2026;vedtak_enig_prosent;;50", "2026;klager_kategori;støy;2",
            "2026;klager_sted;Bar Boble (Thereses gate 10);2", "2026-K1;median_dager_brukt;;20",
            "2026-K3;besvart_i_tide_prosent;;", "2026-K2;mottatt;fornyelse;1",
        ] {
            #expect(lines.contains(row), "\(row)")
        }
        let quarter = String(
            decoding: ReportDesk.csv(report, period: try ReportPeriod(year: 2026, quarter: 2)), as: UTF8.self)
        #expect(quarter.contains("2026-K2;mottatt;;2\r\n"))
        #expect(!quarter.contains("2026;") && !quarter.contains("2026-K1;"))
    }
}
