import Foundation
import SkjenkCore

/// A clock that always says the same time, for tests.
public struct FixedClock: Sendable {
    public let now: Date

    /// 2026-11-22 10:00 in Oslo (09:00 UTC), unless told otherwise.
    public init(_ now: Date = Date(timeIntervalSince1970: 1_795_338_000)) {
        self.now = now
    }

    /// The clock as the function the libraries take.
    public var function: @Sendable () -> Date {
        let now = now
        return { now }
    }

    /// Today's date in Oslo.
    public var today: LocalDate { OsloTime.today(at: now) }
}
