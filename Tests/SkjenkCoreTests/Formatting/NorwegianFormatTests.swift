import Foundation
import SkjenkCore
import Testing

@Suite struct NorwegianFormatTests {
    @Test func dates() throws {
        let date = try LocalDate(iso: "2026-11-02")
        #expect(NorwegianFormat.longDate(date) == "2. november 2026")
        #expect(NorwegianFormat.date(date) == "02.11.2026")
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
}
