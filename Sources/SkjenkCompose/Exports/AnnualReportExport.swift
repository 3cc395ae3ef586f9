import Foundation
import SkjenkCore

/// The annual report as a table, one row per figure: `periode` (`2026`, `2026-K1`), `tall` (which
/// figure), `del` (the kind, outcome, category or venue a breakdown row counts; empty for a total)
/// and `verdi`. Percentages and the median have one decimal, with a decimal comma when the
/// delimiter is a semicolon (as Excel reads it in Norway); a figure without a basis (no answered
/// statement to take a percentage of) is empty.
public struct AnnualReportExport: Sendable {
    public static let header = ["periode", "tall", "del", "verdi"]

    public let delimiter: CSVWriter.Delimiter

    public init(delimiter: CSVWriter.Delimiter = .semicolon) {
        self.delimiter = delimiter
    }

    /// The rows of each period's figures, in the order given.
    public func rows(_ periods: [ReportFigures]) -> [[String]] {
        periods.flatMap(rows)
    }

    /// The file: the header and every period's rows.
    public func csv(_ periods: [ReportFigures]) -> Data {
        CSVWriter(delimiter: delimiter).write(header: Self.header, rows: rows(periods))
    }

    func rows(_ figures: ReportFigures) -> [[String]] {
        let period = figures.period.code
        func row(_ figure: String, _ value: String, part: String = "") -> [String] {
            [period, figure, part, value]
        }
        var rows = [row("mottatt", String(figures.receivedTotal))]
        rows += figures.received.map { row("mottatt", String($0.count), part: $0.key.label) }
        rows += [
            row("besvart", String(figures.answered)),
            row("ubesvart", String(figures.unanswered)),
            row("besvart_i_tide", String(figures.answeredOnTime)),
            row("besvart_i_tide_prosent", decimal(figures.onTimePercent)),
            row("median_dager_brukt", decimal(figures.medianDaysUsed)),
        ]
        rows += figures.outcomes.map { row("tilraading", String($0.count), part: $0.key.label) }
        rows += [
            row("vedtak_registrert", String(figures.decisions)),
            row("vedtak_sammenlignet", String(figures.decisionsCompared)),
            row("vedtak_enig", String(figures.decisionsAgreeing)),
            row("vedtak_enig_prosent", decimal(figures.agreementPercent)),
            row("klager", String(figures.complaints)),
        ]
        rows += figures.complaintsByCategory.map { row("klager_kategori", String($0.count), part: $0.key.label) }
        rows += figures.complaintsByVenue.map { row("klager_sted", String($0.count), part: $0.key) }
        return rows
    }

    /// One decimal (none for a whole number), a comma or a full stop by the delimiter; empty for nil.
    func decimal(_ value: Double?) -> String {
        guard let value else { return "" }
        let text = ReportText.decimal(value)
        return delimiter == .semicolon ? text : text.replacingOccurrences(of: ",", with: ".")
    }
}
