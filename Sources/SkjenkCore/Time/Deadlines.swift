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
}
