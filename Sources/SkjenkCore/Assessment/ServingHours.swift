import Foundation

/// Serving hours measured from 06:00, the start of the legal serving day (alkoholloven § 4-4), so
/// that times past midnight compare as later: 01:00 is 19 hours in, 03:00 is 21 hours in.
public enum ServingHours {
    static let dayStart = 6 * 60

    /// Minutes from 06:00 to `time`, 0..<1440.
    public static func lateness(_ time: TimeOfDay) -> Int {
        (time.minutes - dayStart + 1_440) % 1_440
    }

    /// The latest closing among `periods`, or nil when there are none.
    public static func latestClosing(_ periods: [ServingPeriod]) -> TimeOfDay? {
        periods.max { lateness($0.to) < lateness($1.to) }?.to
    }

    /// Why a period breaks § 4-4's outer limits (groups 1–2 06.00–03.00, group 3 13.00–03.00),
    /// or nil when it keeps within them.
    public static func legalProblem(_ period: ServingPeriod) -> String? {
        let latest = 21 * 60  // 03:00
        let earliest = period.groups.contains(.group3) ? 13 * 60 - dayStart : 0
        if lateness(period.from) < earliest {
            return "skjenking av alkoholgruppe 3 kan tidligst starte kl. 13.00 (alkoholloven § 4-4)"
        }
        if lateness(period.to) > latest || lateness(period.to) < lateness(period.from) {
            return "skjenking kan ikke vare lenger enn til kl. 03.00 (alkoholloven § 4-4)"
        }
        return nil
    }
}
