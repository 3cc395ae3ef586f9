import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// The district's annual report (issue 18, item 7), for the web and the command line alike: the
/// year's hearings, Næringsetaten's decisions on them and the year's complaints read from the
/// store, counted by `AnnualReport`.
public enum ReportDesk {
    /// The report on `period`'s year for `district` (every district's when nil).
    public static func report(
        _ period: ReportPeriod, district: String?, store: any AppStore
    ) async throws -> AnnualReport {
        let year = try ReportPeriod(year: period.year)
        let facts = try await store.statementFacts(district: district, received: year.first...year.last)
        let decisions = try await store.agencyDecisions(district: district)
        let complaints = try await store.complaintLog(
            ComplaintFilter(receivedFrom: year.first, receivedTo: year.last, district: district))
        return AnnualReport(year: year, facts: facts, decisions: decisions, complaints: complaints)
    }

    /// The report as CSV (`AnnualReportExport`), one row per figure: the year and its four quarters,
    /// or only `period` when it is a quarter.
    public static func csv(
        _ report: AnnualReport, period: ReportPeriod, delimiter: CSVWriter.Delimiter = .semicolon
    ) -> Data {
        let periods = period.quarter == nil ? [report.year] + report.quarters : [report.figures(period)]
        return AnnualReportExport(delimiter: delimiter).csv(periods)
    }
}
