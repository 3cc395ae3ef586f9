import Foundation
import SkjenkCore
import Testing

@Suite struct NorwegianFormatTests {
    @Test func dates() throws {
        let date = try LocalDate(iso: "2026-11-02")
        #expect(NorwegianFormat.longDate(date) == "2. november 2026")
        #expect(NorwegianFormat.date(date) == "02.11.2026")
    }

    @Test(arguments: [
        (30, "en halv time"), (90, "halvannen time"), (150, "to og en halv time"), (210, "tre og en halv time"),
        (60, "én time"), (120, "to timer"), (45, "45 minutter"), (135, "to timer og 15 minutter"),
    ])
    func durationsAsNorwegianSaysThem(minutes: Int, text: String) {
        #expect(NorwegianFormat.duration(minutes: minutes) == text)
    }

    @Test func timesAndPeriods() throws {
        #expect(NorwegianFormat.time(try TimeOfDay("01:00")) == "kl. 01.00")
        let period = try ServingPeriod(
            area: .outdoor, groups: [.group1, .group2], days: [.friday, .saturday],
            from: TimeOfDay("11:00"), to: TimeOfDay("01:00"))
        #expect(NorwegianFormat.period(period) == "11.00–01.00, fredag og lørdag, gruppe 1 og 2")
    }

    @Test(arguments: [(1234.5, "1\u{00A0}234,5"), (24, "24"), (1_000_000, "1\u{00A0}000\u{00A0}000"), (0.25, "0,3")])
    func decimals(_ value: Double, _ expected: String) {
        #expect(NorwegianFormat.decimal(value) == expected)
    }

    /// Språkrådet's abbreviations: a full stop only where letters were left out.
    @Test(arguments: [
        (1, "jan. 2026"), (2, "feb. 2026"), (3, "mars 2026"), (4, "apr. 2026"), (5, "mai 2026"), (6, "juni 2026"),
        (7, "juli 2026"), (8, "aug. 2026"), (9, "sep. 2026"), (10, "okt. 2026"), (11, "nov. 2026"), (12, "des. 2026"),
    ])
    func shortMonths(_ month: Int, _ expected: String) {
        #expect(NorwegianFormat.shortMonth(YearMonth(year: 2026, month: month)) == expected)
    }

    @Test func monthsInFull() {
        #expect(NorwegianFormat.month(YearMonth(year: 2027, month: 1)) == "januar 2027")
        #expect(NorwegianFormat.month(YearMonth(year: 2026, month: 12)) == "desember 2026")
        #expect(YearMonth(year: 2026, month: 3).label == "mars 2026")
    }
}
