import Foundation

/// Serving hours measured from 06:00, the start of the serving day (skjenkedøgnet, Helsedirektoratet's
/// commentary to alkoholloven § 4-4: 06.00 to 03.00 the next day), so that times past midnight
/// compare as later: 01:00 is 19 hours in, 03:00 is 21 hours in.
public enum ServingHours {
    static let dayStart = 6 * 60

    /// The latest end of serving the law allows (§ 4-4: never from 03.00 to 06.00).
    public static let latestLegalEnd = try! TimeOfDay(hour: 3, minute: 0)
    /// The earliest start for groups 1 and 2 (§ 4-4 fourth paragraph: never before 06.00).
    public static let earliestLegalStart = try! TimeOfDay(hour: 6, minute: 0)
    /// The earliest start for group 3 (§ 4-4: never before 13.00).
    public static let group3Start = try! TimeOfDay(hour: 13, minute: 0)

    /// Minutes from 06:00 to `time`, 0..<1440.
    public static func lateness(_ time: TimeOfDay) -> Int {
        (time.minutes - dayStart + 1_440) % 1_440
    }

    /// The latest end among `periods`, or nil when there are none.
    public static func latestEnd(_ periods: [ServingPeriod]) -> TimeOfDay? {
        periods.max { lateness($0.to) < lateness($1.to) }?.to
    }

    /// `time` moved back by `minutes` (a serving stop before a closing), across midnight.
    public static func before(_ time: TimeOfDay, minutes: Int) -> TimeOfDay {
        let value = (time.minutes - minutes % 1_440 + 1_440) % 1_440
        return try! TimeOfDay(hour: value / 60, minute: value % 60)
    }

    /// Whether the period starts in the night hours 03.00–06.00 or ends after 03.00 (or runs
    /// through the night): outside § 4-4's outer limits whatever the group.
    static func outsideServingDay(_ period: ServingPeriod) -> Bool {
        let start = period.from.minutes
        if start >= 3 * 60 && start < dayStart { return true }
        return lateness(period.to) > lateness(latestLegalEnd) || lateness(period.to) <= lateness(period.from)
    }

    /// Whether `hours` has the site open at any time one of `periods` is served. A period that
    /// runs past midnight counts on the next day for its part after midnight.
    public static func overlaps(_ periods: [ServingPeriod], _ hours: WeeklyHours) -> Bool {
        for period in periods {
            for day in period.days {
                if !period.crossesMidnight {
                    if hours.isOpen(on: day, from: period.from.minutes, to: period.to.minutes) { return true }
                } else {
                    if hours.isOpen(on: day, from: period.from.minutes, to: 1_440) { return true }
                    if period.to.minutes > 0, hours.isOpen(on: day.next, from: 0, to: period.to.minutes) {
                        return true
                    }
                }
            }
        }
        return false
    }
}
