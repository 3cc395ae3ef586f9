import Foundation

/// The period an annual report covers: a calendar year, or one quarter of it.
public struct ReportPeriod: Sendable, Hashable, CustomStringConvertible {
    /// Why a year or quarter is refused, in Norwegian.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case year(String)
        case quarter(Int)

        public var description: String {
            switch self {
            case .year(let year):
                "«\(year)» er ikke et år rapporten kan gjelde (velg et år fra \(ReportPeriod.years.lowerBound) "
                    + "til \(ReportPeriod.years.upperBound))"
            case .quarter(let quarter): "«\(quarter)» er ikke et kvartal (velg 1, 2, 3 eller 4)"
            }
        }
    }

    /// The years a report may cover.
    public static let years = 2000...2100

    public let year: Int
    /// 1–4, or nil for the whole year.
    public let quarter: Int?
    /// The period's first and last day.
    public let first: LocalDate
    public let last: LocalDate

    public init(year: Int, quarter: Int? = nil) throws(Problem) {
        guard Self.years.contains(year) else { throw .year(String(year)) }
        if let quarter, !(1...4).contains(quarter) { throw .quarter(quarter) }
        self.year = year
        self.quarter = quarter
        let firstMonth = quarter.map { ($0 - 1) * 3 + 1 } ?? 1
        let lastMonth = quarter.map { $0 * 3 } ?? 12
        // The year is checked above, so the dates exist.
        first = try! LocalDate(year: year, month: firstMonth, day: 1)
        last = try! LocalDate(year: year, month: lastMonth, day: 1).adding(months: 1).adding(days: -1)
    }

    /// Parses the year as a user typed it (`2026`), refusing anything else.
    public init(yearText text: String, quarter: Int? = nil) throws(Problem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == 4, trimmed.allSatisfy(\.isASCII), let year = Int(trimmed) else {
            throw .year(trimmed)
        }
        try self.init(year: year, quarter: quarter)
    }

    /// The year's four quarters.
    public var quarters: [ReportPeriod] { (1...4).map { try! ReportPeriod(year: year, quarter: $0) } }

    public func contains(_ date: LocalDate) -> Bool { date >= first && date <= last }

    /// `2026` or `2026-K1`: in file names and spreadsheets.
    public var code: String { quarter.map { "\(year)-K\($0)" } ?? String(year) }

    /// "2026" or "1. kvartal 2026".
    public var label: String { quarter.map { "\($0). kvartal \(year)" } ?? String(year) }

    public var description: String { code }
}
