import Foundation
import SkjenkCompose
import SkjenkCore

/// `skjenk stats` as text: tables with one column per period (the year and its quarters, or the
/// one quarter asked for), and the venues with most complaints in the period.
enum ReportTables {
    static func render(_ report: AnnualReport, period: ReportPeriod, district: String?) -> String {
        let columns = period.quarter == nil ? [report.year] + report.quarters : [report.figures(period)]
        let headers = columns.map { $0.period.quarter.map { "K\($0)" } ?? String($0.period.year) }
        func table(_ title: String, _ rows: [(String, (ReportFigures) -> String)]) -> String {
            var table = TextTable(headers: [title] + headers)
            for (label, value) in rows { table.add([label] + columns.map(value)) }
            return table.render()
        }
        typealias Row = (String, (ReportFigures) -> String)
        let main = report.figures(period)
        var hearings: [Row] = [("Mottatt i alt", { String($0.receivedTotal) })]
        for (index, kind) in ApplicationType.allCases.enumerated() {
            hearings.append(("  \(kind.label)", { String($0.received[index].count) }))
        }
        hearings += [
            ("Besvart (sendt)", { String($0.answered) }),
            ("Ikke besvart", { String($0.unanswered) }),
            ("Besvart innen fristen", { String($0.answeredOnTime) }),
            ("Andel innen fristen", { ReportText.percent($0.onTimePercent) }),
            ("Median dager brukt", { ReportText.days($0.medianDaysUsed) }),
        ]
        var outcomes: [Row] = []
        for (index, outcome) in StatementOutcome.allCases.enumerated() {
            outcomes.append((outcome.label, { String($0.outcomes[index].count) }))
        }
        let decisions: [Row] = [
            ("Registrert", { String($0.decisions) }),
            ("I besvarte saker", { String($0.decisionsCompared) }),
            ("Som bydelen tilrådde", { String($0.decisionsAgreeing) }),
            ("Andel enig", { ReportText.percent($0.agreementPercent) }),
        ]
        var complaints: [Row] = [("I alt", { String($0.complaints) })]
        for tally in main.complaintsByCategory {
            complaints.append(
                ("  \(tally.key.label)", { String($0.complaintsByCategory.first { $0.key == tally.key }?.count ?? 0) }))
        }
        var sections = [
            "Årsrapport \(period.label), \(district.map { "bydel \($0)" } ?? "alle bydeler")",
            table("Høringer", hearings), table("Tilrådinger i besvarte saker", outcomes),
            table("Næringsetatens vedtak", decisions), table("Klager", complaints),
        ]
        if !main.complaintsByVenue.isEmpty {
            var venues = TextTable(headers: ["Steder med flest klager (\(period.label))", "Klager"])
            for tally in main.complaintsByVenue { venues.add([tally.key, String(tally.count)]) }
            sections.append(venues.render())
        }
        return sections.joined(separator: "\n\n")
            + "\n\nHøringene telles etter Næringsetatens brevdato, klagene etter mottaksdagen. "
            + "En klage med flere kategorier telles i hver av dem."
    }
}
