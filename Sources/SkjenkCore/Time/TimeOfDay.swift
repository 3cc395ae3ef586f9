import Foundation

/// A clock time `HH:MM` (00:00–23:59) as used in serving periods.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes after midnight, 0..<1440.
    public let minutes: Int

    /// Why a text is not a clock time.
    public struct Problem: Error, Sendable, Equatable {}

    public init(hour: Int, minute: Int) throws(Problem) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { throw Problem() }
        minutes = hour * 60 + minute
    }

    /// Parses `HH:MM` strictly.
    public init(_ text: String) throws(Problem) {
        let u = Array(text.utf8)
        guard u.count == 5, u[2] == 0x3A,
            [0, 1, 3, 4].allSatisfy({ u[$0] >= 0x30 && u[$0] <= 0x39 })
        else { throw Problem() }
        let digit = { (i: Int) in Int(u[i] - 0x30) }
        try self.init(hour: digit(0) * 10 + digit(1), minute: digit(3) * 10 + digit(4))
    }

    public static let midnight = try! TimeOfDay(hour: 0, minute: 0)
    /// When a day's date stands for a time of it (a sending date, a closing date).
    public static let noon = try! TimeOfDay(hour: 12, minute: 0)

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// `HH:MM`, the exchange format.
    public var description: String { "\(LocalDate.twoDigits(hour)):\(LocalDate.twoDigits(minute))" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.minutes < rhs.minutes }
}

extension TimeOfDay: TextCoded {
    public init(validatingText text: String) throws {
        try self.init(text)
    }

    public var codedText: String { description }

    public static let invalidTextMessage = "Ugyldig klokkeslett"
}
