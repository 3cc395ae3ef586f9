import Foundation

/// Skjenketid: one requested serving period for an area, some drink groups and some weekdays.
///
/// `to` at or before `from` means the period runs past midnight (`11:00`–`03:00`); equal times
/// mean the whole day. A period always names at least one group and one weekday.
public struct ServingPeriod: Sendable, Hashable, Codable {
    public let area: ServingArea
    public let groups: Set<AlcoholGroup>
    public let days: Set<Weekday>
    public let from: TimeOfDay
    public let to: TimeOfDay

    /// Why a period cannot exist.
    public enum Problem: Error, Sendable, Equatable {
        case noGroups
        case noDays
    }

    public init(
        area: ServingArea, groups: Set<AlcoholGroup>, days: Set<Weekday> = Set(Weekday.allCases),
        from: TimeOfDay, to: TimeOfDay
    ) throws(Problem) {
        guard !groups.isEmpty else { throw .noGroups }
        guard !days.isEmpty else { throw .noDays }
        self.area = area
        self.groups = groups
        self.days = days
        self.from = from
        self.to = to
    }

    /// True when serving goes on past midnight.
    public var crossesMidnight: Bool { to <= from }

    /// Length of the period in minutes (1...1440).
    public var durationMinutes: Int {
        crossesMidnight ? 1440 - from.minutes + to.minutes : to.minutes - from.minutes
    }

    /// True when the period applies every day of the week.
    public var everyDay: Bool { days.count == Weekday.allCases.count }

    private enum CodingKeys: String, CodingKey { case area, groups, days, from, to }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                area: c.decode(ServingArea.self, forKey: .area),
                groups: c.decode(Set<AlcoholGroup>.self, forKey: .groups),
                days: c.decode(Set<Weekday>.self, forKey: .days),
                from: c.decode(TimeOfDay.self, forKey: .from),
                to: c.decode(TimeOfDay.self, forKey: .to))
        } catch let problem as Problem {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath, debugDescription: "Ugyldig skjenkeperiode: \(problem)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(area, forKey: .area)
        try c.encode(groups.sorted(), forKey: .groups)
        try c.encode(days.sorted(), forKey: .days)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
    }
}
