import Foundation

/// A count under a name: one row of a breakdown.
public struct Tally<Key: Hashable & Sendable>: Sendable, Hashable {
    public let key: Key
    public let count: Int

    public init(_ key: Key, _ count: Int) {
        self.key = key
        self.count = count
    }
}

/// The district's figures for one period (a year or a quarter), counts only.
///
/// Hearings are counted by the period they were received in (the agency's letter date, `sendt`),
/// whatever has happened to them since: a hearing received in December and answered in January
/// counts in December's period, and one not answered when the report is made counts as unanswered.
/// Complaints are counted by the Oslo day they were received.
public struct ReportFigures: Sendable, Hashable {
    public let period: ReportPeriod

    /// Hearings received in the period, per kind of application, every kind in the format's order
    /// (zeros included).
    public let received: [Tally<ApplicationType>]
    /// Hearings received in the period.
    public let receivedTotal: Int
    /// Of the period's hearings, those whose statement has been sent (answered).
    public let answered: Int
    /// Of the answered, those sent on or before the hearing's deadline.
    public let answeredOnTime: Int
    /// `answeredOnTime` as a percentage of `answered`, to one decimal; nil when none was answered.
    public let onTimePercent: Double?
    /// The median of the days from receiving a hearing to sending its statement, over the answered
    /// (the mean of the two middle values for an even count); nil when none was answered.
    public let medianDaysUsed: Double?
    /// What the answered statements recommended (the latest draft's outcome), every outcome in
    /// order (zeros included).
    public let outcomes: [Tally<StatementOutcome>]
    /// Næringsetaten's decisions recorded on the period's hearings.
    public let decisions: Int
    /// Of those, the decisions on hearings the district answered: the ones that can be compared
    /// with a recommendation.
    public let decisionsCompared: Int
    /// Of the compared, those that went the way the district recommended (`AgencyDecision.agrees`).
    public let decisionsAgreeing: Int
    /// `decisionsAgreeing` as a percentage of `decisionsCompared`, to one decimal; nil when none.
    public let agreementPercent: Double?
    /// Complaints received in the period.
    public let complaints: Int
    /// Complaints per category, most first (ties in the domain guide's order), only categories that
    /// occur; a complaint with two categories counts in each.
    public let complaintsByCategory: [Tally<ComplaintCategory>]
    /// The ten venues with most complaints (as the log names them, `ComplaintVenue.label`), most
    /// first, ties alphabetically.
    public let complaintsByVenue: [Tally<String>]

    /// How many venues `complaintsByVenue` lists at most.
    public static let topVenues = 10

    /// The figures of `period` from every fact, decision and complaint given (those outside the
    /// period are left out here).
    public init(
        period: ReportPeriod, facts: [StatementFact], decisions: [AgencyDecision], complaints: [ComplaintLogEntry]
    ) {
        self.period = period
        let hearings = facts.filter { period.contains($0.received) }
        received = ApplicationType.allCases.map { kind in
            Tally(kind, hearings.count { $0.applicationType == kind })
        }
        receivedTotal = hearings.count
        let answeredFacts = hearings.filter { $0.answered != nil }
        answered = answeredFacts.count
        answeredOnTime = answeredFacts.count(where: \.answeredOnTime)
        onTimePercent = Self.percent(answeredOnTime, of: answered)
        medianDaysUsed = Self.median(answeredFacts.compactMap(\.daysUsed))
        outcomes = StatementOutcome.allCases.map { outcome in
            Tally(outcome, answeredFacts.count { $0.outcome == outcome })
        }

        let byCase = Dictionary(hearings.map { ($0.caseNumber, $0) }, uniquingKeysWith: { first, _ in first })
        let recorded = decisions.filter { byCase[$0.caseNumber] != nil }
        self.decisions = recorded.count
        let compared = recorded.compactMap { decision -> Bool? in
            guard let fact = byCase[decision.caseNumber], fact.answered != nil, let outcome = fact.outcome else {
                return nil
            }
            return decision.agrees(with: outcome)
        }
        decisionsCompared = compared.count
        decisionsAgreeing = compared.count { $0 }
        agreementPercent = Self.percent(decisionsAgreeing, of: decisionsCompared)

        let logged = complaints.filter { period.contains($0.receivedDate) }
        self.complaints = logged.count
        var categories: [ComplaintCategory: Int] = [:]
        var venues: [String: Int] = [:]
        for entry in logged {
            for category in entry.categories { categories[category, default: 0] += 1 }
            venues[entry.venue.label, default: 0] += 1
        }
        complaintsByCategory = ComplaintCategory.allCases.compactMap { category in
            categories[category].map { Tally(category, $0) }
        }.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
        complaintsByVenue = Array(
            venues.map { Tally($0.key, $0.value) }.sorted {
                $0.count != $1.count ? $0.count > $1.count : $0.key.localizedStandardCompare($1.key) == .orderedAscending
            }.prefix(Self.topVenues))
    }

    /// Hearings received in the period and not (yet) answered.
    public var unanswered: Int { receivedTotal - answered }

    /// `part` of `whole` in percent, rounded to one decimal; nil when `whole` is zero.
    public static func percent(_ part: Int, of whole: Int) -> Double? {
        guard whole > 0 else { return nil }
        return (Double(part) * 1_000 / Double(whole)).rounded() / 10
    }

    /// The middle value, or the mean of the two middle values of an even count; nil when empty.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
