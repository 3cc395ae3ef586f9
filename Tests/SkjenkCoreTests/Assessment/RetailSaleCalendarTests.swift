import Foundation
import SkjenkCore
import Testing

@Suite struct RetailSaleCalendarTests {
    static let weekday = RetailSaleCalendar.lawWeekdayClosing
    static let eve = RetailSaleCalendar.lawEveClosing

    /// The rule on `date` at the law's maximum hours.
    func rule(_ date: String) throws -> RetailSaleDay {
        RetailSaleCalendar.rule(on: try LocalDate(iso: date), weekdayClosing: Self.weekday, eveClosing: Self.eve)
    }

    /// The special days from `date` at the law's maximum hours.
    func specialDays(from date: String, days: Int) throws -> [(date: LocalDate, rule: RetailSaleDay)] {
        RetailSaleCalendar.specialDays(
            from: try LocalDate(iso: date), days: days, weekdayClosing: Self.weekday, eveClosing: Self.eve)
    }

    @Test func lawTimes() {
        #expect(RetailSaleCalendar.lawOpening.description == "08:00")
        #expect(RetailSaleCalendar.lawWeekdayClosing.description == "20:00")
        #expect(RetailSaleCalendar.lawEveClosing.description == "18:00")
    }

    /// Open days at the law's maximum hours, alkoholloven § 3-7 second paragraph: 20.00 on
    /// weekdays, 18.00 on days before Sundays and helligdager (helligdagsloven § 2) except the day
    /// before Kristi himmelfartsdag. The day before 1 or 17 May is an ordinary weekday: lov om 1.
    /// og 17. mai som høgtidsdager § 2.
    static let openCases: [(String, String, String?)] = [
        ("2026-03-11", "20:00", nil),  // an ordinary Wednesday
        ("2026-03-14", "18:00", "lørdag"),
        ("2026-04-01", "18:00", "dagen før skjærtorsdag"),  // Wednesday before Maundy Thursday
        ("2026-04-04", "18:00", "dagen før første påskedag"),  // påskeaften, a Saturday
        ("2026-05-13", "20:00", nil),  // the day before Kristi himmelfartsdag
        ("2026-04-30", "20:00", nil),  // the day before 1 May, a Thursday
        ("2025-05-16", "20:00", nil),  // the day before 17 May, a Friday
        ("2026-05-16", "18:00", "lørdag"),  // the day before 17 May, a Saturday
        ("2026-05-23", "18:00", "dagen før første pinsedag"),
        ("2027-05-15", "18:00", "dagen før første pinsedag"),
        ("2026-12-24", "18:00", "dagen før første juledag"),  // a Thursday
        ("2026-12-31", "18:00", "dagen før første nyttårsdag"),  // a Thursday
        ("2025-12-24", "18:00", "dagen før første juledag"),  // a Wednesday
        ("2026-12-28", "20:00", nil),  // romjul, a Monday
    ]

    @Test(arguments: openCases)
    func openDays(date: String, closing: String, reason: String?) throws {
        #expect(try rule(date) == .open(until: try TimeOfDay(closing), reason: reason))
    }

    /// No sale on Sundays, helligdager, 1 and 17 May: alkoholloven § 3-7 third paragraph,
    /// helligdagsloven § 2, lov om 1. og 17. mai som høgtidsdager § 1.
    @Test(arguments: [
        ("2026-03-15", "søndag"),
        ("2026-04-02", "skjærtorsdag"),
        ("2026-04-03", "langfredag"),
        ("2026-04-05", "første påskedag"),
        ("2026-04-06", "andre påskedag"),
        ("2026-05-14", "Kristi himmelfartsdag"),
        ("2026-05-01", "1. mai"),
        ("2025-05-17", "17. mai"),  // a Saturday
        ("2026-05-17", "17. mai"),  // a Sunday: the holiday names it
        ("2027-05-17", "andre pinsedag"),  // also 17 May
        ("2026-05-25", "andre pinsedag"),
        ("2026-12-25", "første juledag"),
        ("2026-12-26", "andre juledag"),
        ("2027-01-01", "første nyttårsdag"),
    ])
    func closedDays(date: String, reason: String) throws {
        #expect(try rule(date) == .closed(reason: reason))
    }

    /// The municipality may narrow the hours (alkoholloven § 3-7 second paragraph); an eve closing
    /// later than the weekday closing is cut to it.
    @Test func districtClosingTimes() throws {
        let wednesday = try LocalDate(iso: "2026-03-11")
        let eve = try LocalDate(iso: "2026-04-01")
        let seven = try TimeOfDay("19:00")
        let five = try TimeOfDay("17:00")
        #expect(
            RetailSaleCalendar.rule(on: wednesday, weekdayClosing: seven, eveClosing: five)
                == .open(until: seven, reason: nil))
        #expect(
            RetailSaleCalendar.rule(on: eve, weekdayClosing: seven, eveClosing: five)
                == .open(until: five, reason: "dagen før skjærtorsdag"))
        #expect(
            RetailSaleCalendar.rule(on: eve, weekdayClosing: five, eveClosing: seven)
                == .open(until: five, reason: "dagen før skjærtorsdag"))
    }

    /// Easter 2026 (alkoholloven § 3-7, helligdagsloven § 2): plain Saturdays and Sundays are left out.
    @Test func specialDaysAroundEaster() throws {
        let days = try specialDays(from: "2026-03-30", days: 14)
        #expect(
            days.map(\.date.iso) == [
                "2026-04-01", "2026-04-02", "2026-04-03", "2026-04-04", "2026-04-05", "2026-04-06",
            ])
        #expect(days[0].rule == .open(until: Self.eve, reason: "dagen før skjærtorsdag"))
        #expect(days[1].rule == .closed(reason: "skjærtorsdag"))
    }

    /// May 2026 (alkoholloven § 3-7, lov om 1. og 17. mai som høgtidsdager §§ 1–2): the days before
    /// 1 May and Kristi himmelfartsdag are ordinary and left out; 17 May on a Sunday is listed.
    @Test func specialDaysInMay() throws {
        let days = try specialDays(from: "2026-04-28", days: 30)
        #expect(
            days.map(\.date.iso) == [
                "2026-05-01", "2026-05-14", "2026-05-17", "2026-05-23", "2026-05-24", "2026-05-25",
            ])
        #expect(
            days.map(\.rule) == [
                .closed(reason: "1. mai"), .closed(reason: "Kristi himmelfartsdag"), .closed(reason: "17. mai"),
                .open(until: Self.eve, reason: "dagen før første pinsedag"),
                .closed(reason: "første pinsedag"), .closed(reason: "andre pinsedag"),
            ])
    }

    @Test func specialDaysOfAnEmptyRange() throws {
        #expect(try specialDays(from: "2026-04-01", days: 0).isEmpty)
        #expect(try specialDays(from: "2026-04-01", days: -3).isEmpty)
    }
}
