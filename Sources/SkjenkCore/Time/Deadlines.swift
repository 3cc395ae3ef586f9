import Foundation

/// How a hearing stands against its deadline on a given day.
public struct DeadlineStatus: Sendable, Hashable {
    /// Days from `today` to the deadline: 0 on the day itself, negative when overdue.
    public let daysLeft: Int

    public init(deadline: LocalDate, today: LocalDate) {
        daysLeft = today.days(until: deadline)
    }

    public var isOverdue: Bool { daysLeft < 0 }

    /// "i dag", "1 dag igjen", "12 dager igjen", "3 dager over fristen".
    public var label: String {
        switch daysLeft {
        case 0: "frist i dag"
        case 1: "1 dag igjen"
        case 2...: "\(daysLeft) dager igjen"
        case -1: "1 dag over fristen"
        default: "\(-daysLeft) dager over fristen"
        }
    }
}

/// The time zone the districts work in; deadlines are Oslo dates.
public enum OsloTime {
    public static let zone = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 3600)!

    /// Today's date in Oslo at `now`.
    public static func today(at now: Date) -> LocalDate { LocalDate(now, in: zone) }

    /// The instant `date` shows `time` (midnight by default) on an Oslo clock.
    public static func instant(_ date: LocalDate, at time: TimeOfDay? = nil) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(
            year: date.year, month: date.month, day: date.day, hour: time?.hour ?? 0, minute: time?.minute ?? 0)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// The clock in Oslo at `now` (seconds dropped).
    public static func clock(at now: Date) -> TimeOfDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.hour, .minute], from: now)
        return (try? TimeOfDay(hour: c.hour ?? 0, minute: c.minute ?? 0)) ?? .midnight
    }
}

extension OsloTime {
    /// The instant of a time written in Oslo: `2026-11-20T14:30`, `2026-11-20 14:30[:05]`,
    /// `20.11.2026 14.30`, a date alone (midnight), or ISO 8601 with `Z` or an offset.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("Z") || trimmed.dropFirst(10).contains(where: { $0 == "+" })
            || trimmed.dropFirst(16).contains("-")
        {
            return (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(trimmed))
                ?? (try? Date.ISO8601FormatStyle().parse(trimmed))
        }
        let parts = trimmed.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
        guard (1...2).contains(parts.count), let date = LocalDate(anyFormat: parts[0]) else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        if parts.count == 2 {
            let clock = parts[1].split(whereSeparator: { $0 == ":" || $0 == "." }).map { Int($0) }
            guard (2...3).contains(clock.count), let h = clock[0], let m = clock[1], (0...23).contains(h),
                (0...59).contains(m)
            else { return nil }
            hour = h
            minute = m
            if clock.count == 3 {
                guard let s = clock[2], (0...59).contains(s) else { return nil }
                second = s
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(
            from: DateComponents(
                year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, second: second))
    }
}

extension LocalDate {
    /// A date as ISO (`2026-11-20`) or as Norwegians write it (`20.11.2026`).
    public init?(anyFormat text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? LocalDate(iso: trimmed) {
            self = date
            return
        }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            let date = try? LocalDate(year: year, month: month, day: day)
        else { return nil }
        self = date
    }
}
