import Foundation

extension LocalDate {
    /// The day of the week (ISO: Monday first). Day number 0, 1970-01-01, was a Thursday.
    public var weekday: Weekday {
        let index = ((dayNumber + 3) % 7 + 7) % 7  // 0 = Monday … 6 = Sunday
        // 1...7 is always a valid raw value.
        return Weekday(rawValue: index + 1)!
    }
}

/// A Norwegian public holiday: a church holiday under the helligdagsloven or one of the two
/// official holidays of 1 and 17 May.
public struct Holiday: Sendable, Hashable {
    /// What kind of day the law makes it.
    public enum Kind: Sendable, Hashable {
        /// A helligdag under lov om helligdager og helligdagsfred (helligdagsloven) § 2, besides
        /// the ordinary Sundays: the church holidays from første nyttårsdag to andre juledag.
        case holyDay
        /// An offentlig høytidsdag under lov om 1. og 17. mai som høgtidsdager: on a par with a
        /// Sunday for shops and sale, but not a helligdag, and the day before it is an ordinary
        /// working day (§ 2 of that law).
        case officialHoliday
    }

    public let date: LocalDate
    /// The day's name in bokmål, e.g. "første påskedag", "17. mai".
    public let name: String
    public let kind: Kind

    public init(date: LocalDate, name: String, kind: Kind) {
        self.date = date
        self.name = name
        self.kind = kind
    }
}

/// The Norwegian public holidays of a year: the helligdager of helligdagsloven § 2 other than
/// ordinary Sundays (lov 24. februar 1995 nr. 12), and 1 and 17 May (lov 26. april 1947 nr. 1).
///
/// Years are limited to `LocalDate`'s range, 1900–2999.
public enum NorwegianHolidays {
    /// Kristi himmelfartsdag's name: alkoholloven § 3-7 treats the day before it as a weekday.
    static let ascensionDay = "Kristi himmelfartsdag"

    /// The holidays that move with Easter, by their distance in days from Easter Sunday.
    static let easterOffsets: [(days: Int, name: String)] = [
        (-3, "skjærtorsdag"),
        (-2, "langfredag"),
        (0, "første påskedag"),
        (1, "andre påskedag"),
        (39, ascensionDay),
        (49, "første pinsedag"),
        (50, "andre pinsedag"),
    ]

    /// The fixed-date holidays: (month, day, name, kind).
    static let fixed: [(month: Int, day: Int, name: String, kind: Holiday.Kind)] = [
        (1, 1, "første nyttårsdag", .holyDay),
        (5, 1, "1. mai", .officialHoliday),
        (5, 17, "17. mai", .officialHoliday),
        (12, 25, "første juledag", .holyDay),
        (12, 26, "andre juledag", .holyDay),
    ]

    /// Easter Sunday (første påskedag) of the Gregorian calendar, by the anonymous Gregorian
    /// algorithm (Meeus, *Astronomical Algorithms*, ch. 8).
    public static func easterSunday(year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return date(year, month, day)
    }

    /// Every holiday of `year`, sorted by date. When two fall on one date (17 May 2027 is also
    /// andre pinsedag) both are listed, the helligdag first.
    public static func holidays(in year: Int) -> [Holiday] {
        let easter = easterSunday(year: year)
        let moving = easterOffsets.map {
            Holiday(date: easter.adding(days: $0.days), name: $0.name, kind: .holyDay)
        }
        let fixedDays = fixed.map {
            Holiday(date: date(year, $0.month, $0.day), name: $0.name, kind: $0.kind)
        }
        return (moving + fixedDays).sorted {
            $0.date != $1.date ? $0.date < $1.date : $0.kind == .holyDay && $1.kind != .holyDay
        }
    }

    /// The holiday on `date`, or nil on an ordinary day (an ordinary Sunday included). When a
    /// helligdag and 1 or 17 May coincide, the helligdag, since it is the stronger rule.
    public static func holiday(on date: LocalDate) -> Holiday? {
        let offset = easterSunday(year: date.year).days(until: date)
        if let moving = easterOffsets.first(where: { $0.days == offset }) {
            return Holiday(date: date, name: moving.name, kind: .holyDay)
        }
        if let day = fixed.first(where: { $0.month == date.month && $0.day == date.day }) {
            return Holiday(date: date, name: day.name, kind: day.kind)
        }
        return nil
    }

    /// A date of this calendar's own making; `year` must lie in `LocalDate`'s range.
    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        guard let date = try? LocalDate(year: year, month: month, day: day) else {
            preconditionFailure("Year \(year) is outside 1900–2999")
        }
        return date
    }
}
