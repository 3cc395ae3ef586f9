import Foundation

/// Whether and until when alcohol group 1 (at most 4.7 % by volume) may be sold in shops on a day.
public enum RetailSaleDay: Sendable, Hashable {
    /// No sale all day; `reason` names the day in bokmål: "søndag", "første påskedag", "1. mai" …
    case closed(reason: String)
    /// Sale until `until`. `reason` says why the day is shortened ("lørdag", "dagen før første
    /// påskedag"), nil on an ordinary weekday.
    case open(until: TimeOfDay, reason: String?)
}

/// The days of retail sale of alcohol group 1 under alkoholloven § 3-7 (lov 2. juni 1989 nr. 27,
/// LOV-1989-06-02-27):
///
/// - first paragraph: the normal hours, 08.00–18.00, until 15.00 on days before Sundays and
///   helligdager except the day before Kristi himmelfartsdag;
/// - second paragraph: the municipality may narrow or widen them, but sale is forbidden after 20.00
///   on weekdays and after 18.00 on days before Sundays and helligdager, again except the day
///   before Kristi himmelfartsdag;
/// - third paragraph: no sale on Sundays and helligdager, 1 and 17 May.
///
/// The day before 1 or 17 May is an ordinary weekday, not a day before a holiday: lov 26. april
/// 1947 nr. 1 om 1. og 17. mai som høgtidsdager § 2 says that day "skal i forhold til gjeldende
/// lovgivning reknes som vanlig virkedag, ikke som dag før søndag", unless it is a Saturday, the
/// day before Kristi himmelfartsdag, or itself a Sunday or helligdag. Helsedirektoratet's circular
/// on alkoholloven (§ 2-5) reads the same phrase "dager før søn- og helligdager" that way, and Oslo
/// kommune's published sale hours say "Dagen før 1. mai / 17. mai – ordinære salgstider".
///
/// Not modelled here: helligdagsfredloven § 5 closes most shops at 16.00 on jul-, påske- and
/// pinseaften (small grocery shops are exempt), and the municipality's own extra closed days.
public enum RetailSaleCalendar {
    /// The opening of the law's normal hours (§ 3-7 first paragraph). The municipality may move it:
    /// the second paragraph caps only the closing.
    public static let lawOpening = try! TimeOfDay(hour: 8, minute: 0)
    /// The latest closing on a weekday the law allows (§ 3-7 second paragraph).
    public static let lawWeekdayClosing = try! TimeOfDay(hour: 20, minute: 0)
    /// The latest closing on a day before a Sunday or helligdag (§ 3-7 second paragraph).
    public static let lawEveClosing = try! TimeOfDay(hour: 18, minute: 0)

    /// The sale rule on `date`, with the district's closing times (at most the law's): no sale on
    /// Sundays, helligdager, 1 and 17 May; `eveClosing` on Saturdays and days before a helligdag
    /// other than Kristi himmelfartsdag; `weekdayClosing` otherwise. An `eveClosing` later than
    /// `weekdayClosing` is cut to it.
    public static func rule(on date: LocalDate, weekdayClosing: TimeOfDay, eveClosing: TimeOfDay) -> RetailSaleDay {
        day(date, weekdayClosing: weekdayClosing, eveClosing: eveClosing).rule
    }

    /// The days from `start` for `days` days that are not ordinary, in date order: holidays
    /// (helligdager, 1 and 17 May) and days shortened because a helligdag follows. Ordinary
    /// weekdays, plain Saturdays and plain Sundays are left out.
    public static func specialDays(
        from start: LocalDate, days: Int, weekdayClosing: TimeOfDay, eveClosing: TimeOfDay
    ) -> [(date: LocalDate, rule: RetailSaleDay)] {
        (0..<max(days, 0)).compactMap { offset in
            let date = start.adding(days: offset)
            let day = day(date, weekdayClosing: weekdayClosing, eveClosing: eveClosing)
            return day.isSpecial ? (date, day.rule) : nil
        }
    }

    /// The rule on `date`, and whether it is more than the week's ordinary rhythm.
    static func day(
        _ date: LocalDate, weekdayClosing: TimeOfDay, eveClosing: TimeOfDay
    ) -> (rule: RetailSaleDay, isSpecial: Bool) {
        if let holiday = NorwegianHolidays.holiday(on: date) {
            return (.closed(reason: holiday.name), true)
        }
        if date.weekday == .sunday {
            return (.closed(reason: "søndag"), false)
        }
        let eve = min(eveClosing, weekdayClosing)
        // 1 and 17 May are no helligdager: the day before them is a weekday (see above).
        if let next = NorwegianHolidays.holiday(on: date.adding(days: 1)), next.kind == .holyDay {
            if next.name == NorwegianHolidays.ascensionDay {
                return (.open(until: weekdayClosing, reason: nil), false)
            }
            return (.open(until: eve, reason: "dagen før \(next.name)"), true)
        }
        if date.weekday == .saturday {
            return (.open(until: eve, reason: "lørdag"), false)
        }
        return (.open(until: weekdayClosing, reason: nil), false)
    }
}
