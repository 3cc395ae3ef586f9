import Foundation
import SkjenkCore
import Testing

@Suite struct NorwegianHolidaysTests {
    /// Easter Sunday (første påskedag) as published in almanacs; helligdagsloven § 2 e) defines it
    /// as the first Sunday after the first full moon on or after 21 March.
    @Test(arguments: [
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2028, "2028-04-16"),
        (2029, "2029-04-01"),
        (2030, "2030-04-21"),
    ])
    func easterSunday(year: Int, expected: String) {
        #expect(NorwegianHolidays.easterSunday(year: year).iso == expected)
    }

    /// Every holiday of 2025: helligdagsloven § 2 b)–k) and lov om 1. og 17. mai som høgtidsdager § 1.
    static let holidays2025 = [
        ("2025-01-01", "første nyttårsdag"),
        ("2025-04-17", "skjærtorsdag"),
        ("2025-04-18", "langfredag"),
        ("2025-04-20", "første påskedag"),
        ("2025-04-21", "andre påskedag"),
        ("2025-05-01", "1. mai"),
        ("2025-05-17", "17. mai"),
        ("2025-05-29", "Kristi himmelfartsdag"),
        ("2025-06-08", "første pinsedag"),
        ("2025-06-09", "andre pinsedag"),
        ("2025-12-25", "første juledag"),
        ("2025-12-26", "andre juledag"),
    ]

    /// Every holiday of 2026: helligdagsloven § 2 b)–k) and lov om 1. og 17. mai som høgtidsdager § 1.
    static let holidays2026 = [
        ("2026-01-01", "første nyttårsdag"),
        ("2026-04-02", "skjærtorsdag"),
        ("2026-04-03", "langfredag"),
        ("2026-04-05", "første påskedag"),
        ("2026-04-06", "andre påskedag"),
        ("2026-05-01", "1. mai"),
        ("2026-05-14", "Kristi himmelfartsdag"),
        ("2026-05-17", "17. mai"),
        ("2026-05-24", "første pinsedag"),
        ("2026-05-25", "andre pinsedag"),
        ("2026-12-25", "første juledag"),
        ("2026-12-26", "andre juledag"),
    ]

    @Test(arguments: [(2025, holidays2025), (2026, holidays2026)])
    func holidaysOfTheYear(year: Int, expected: [(String, String)]) {
        let holidays = NorwegianHolidays.holidays(in: year)
        #expect(holidays.map(\.date.iso) == expected.map(\.0))
        #expect(holidays.map(\.name) == expected.map(\.1))
    }

    @Test(arguments: holidays2025 + holidays2026)
    func holidayOnItsDate(date: String, name: String) throws {
        let holiday = try #require(NorwegianHolidays.holiday(on: LocalDate(iso: date)))
        #expect(holiday.name == name)
        #expect(holiday.date.iso == date)
        // 1 and 17 May are offentlige høytidsdager, not helligdager (lov 26. april 1947 nr. 1).
        let official = name == "1. mai" || name == "17. mai"
        #expect(holiday.kind == (official ? .officialHoliday : .holyDay))
    }

    /// Ordinary days, an ordinary Sunday among them: helligdagsloven § 2 a) makes every Sunday a
    /// helligdag, but the calendar names only the named days.
    @Test(arguments: ["2026-03-11", "2026-03-15", "2026-04-04", "2026-05-13", "2026-12-24", "2026-12-31"])
    func ordinaryDays(date: String) throws {
        #expect(NorwegianHolidays.holiday(on: try LocalDate(iso: date)) == nil)
    }

    /// In 2027 andre pinsedag falls on 17 May: both are listed, and the helligdag names the day.
    @Test func whitMondayOnConstitutionDay() throws {
        let days = NorwegianHolidays.holidays(in: 2027).filter { $0.date.iso == "2027-05-17" }
        #expect(days.map(\.name) == ["andre pinsedag", "17. mai"])
        #expect(NorwegianHolidays.holiday(on: try LocalDate(iso: "2027-05-17"))?.name == "andre pinsedag")
    }

    @Test(arguments: [2024, 2025, 2026, 2027, 2028, 2029, 2030])
    func holidaysAreSortedAndTwelve(year: Int) {
        let dates = NorwegianHolidays.holidays(in: year).map(\.date)
        #expect(dates.count == 12)
        #expect(dates == dates.sorted())
        #expect(dates.allSatisfy { $0.year == year })
    }

    @Test(arguments: [
        ("1900-01-01", Weekday.monday),
        ("1969-12-31", .wednesday),
        ("1970-01-01", .thursday),
        ("2000-01-01", .saturday),
        ("2024-02-29", .thursday),
        ("2026-05-17", .sunday),
        ("2026-12-24", .thursday),
        ("2027-05-17", .monday),
    ])
    func weekday(date: String, expected: Weekday) throws {
        #expect(try LocalDate(iso: date).weekday == expected)
    }

    /// The weekday steps by one with each day, over years and a leap day.
    @Test func weekdayCycles() throws {
        let start = try LocalDate(iso: "2027-12-27")  // a Monday
        for offset in 0..<800 {
            #expect(start.adding(days: offset).weekday.rawValue == offset % 7 + 1)
        }
    }
}
