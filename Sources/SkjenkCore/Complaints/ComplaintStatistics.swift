import Foundation

/// A calendar month.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public init(_ date: LocalDate) {
        self.init(year: date.year, month: date.month)
    }

    /// Parses `2026-03`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month `months` later (earlier when negative).
    public func adding(months: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + months
        return YearMonth(year: index / 12, month: index % 12 + 1)
    }

    /// Months from `self` to `other`.
    public func months(until other: YearMonth) -> Int { (other.year - year) * 12 + other.month - month }

    public var next: YearMonth {
        month == 12 ? YearMonth(year: year + 1, month: 1) : YearMonth(year: year, month: month + 1)
    }

    /// `2026-03`.
    public var iso: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    public var description: String { iso }

    /// "mars 2026".
    public var label: String { NorwegianFormat.month(self) }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

/// Complaints per month and category, by the month they were received (anonymous: counts only).
/// A complaint with two categories counts once in each category and once in the month's total.
public struct ComplaintStatistics: Sendable, Hashable {
    public struct Month: Sendable, Hashable {
        public let month: YearMonth
        /// Complaints received in the month.
        public let total: Int
        public let byCategory: [ComplaintCategory: Int]
    }

    /// Every month from the first to the last, including months without complaints.
    public let months: [Month]

    public init(entries: [ComplaintLogEntry], from: YearMonth, to: YearMonth) {
        var totals: [YearMonth: Int] = [:]
        var counts: [YearMonth: [ComplaintCategory: Int]] = [:]
        for entry in entries {
            let month = YearMonth(entry.receivedDate)
            guard month >= from, month <= to else { continue }
            totals[month, default: 0] += 1
            for category in entry.categories { counts[month, default: [:]][category, default: 0] += 1 }
        }
        var months: [Month] = []
        var month = from
        while month <= to {
            months.append(Month(month: month, total: totals[month] ?? 0, byCategory: counts[month] ?? [:]))
            month = month.next
        }
        self.months = months
    }

    /// The categories that occur, in the domain guide's order.
    public var categories: [ComplaintCategory] {
        ComplaintCategory.allCases.filter { category in months.contains { $0.byCategory[category] != nil } }
    }

    public var total: Int { months.reduce(0) { $0 + $1.total } }
}
