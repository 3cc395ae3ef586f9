import Foundation

/// The district's annual report (issue 18, item 7): the year's figures and each quarter's, from
/// the hearings' facts, Næringsetaten's decisions and the complaint log. A pure function of its
/// inputs; what each figure counts is defined on `ReportFigures`.
public struct AnnualReport: Sendable, Hashable {
    public let year: ReportFigures
    /// The four quarters, first to last.
    public let quarters: [ReportFigures]

    /// The report for `year` (a year `ReportPeriod` accepts).
    public init(
        year: ReportPeriod, facts: [StatementFact], decisions: [AgencyDecision], complaints: [ComplaintLogEntry]
    ) {
        let whole = year.quarter == nil ? year : try! ReportPeriod(year: year.year)
        self.year = ReportFigures(period: whole, facts: facts, decisions: decisions, complaints: complaints)
        quarters = whole.quarters.map {
            ReportFigures(period: $0, facts: facts, decisions: decisions, complaints: complaints)
        }
    }

    /// The figures of `period`: the year's, or one of its quarters.
    public func figures(_ period: ReportPeriod) -> ReportFigures {
        period.quarter.map { quarters[$0 - 1] } ?? year
    }
}
