import Foundation
import Hummingbird
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// The annual report (årsrapport, issue 18, item 7): the year's figures and each quarter's as
/// tables, four bar charts as inline SVG beside them, and the CSV download. For the roles that
/// review (caseworkers, complaint officers, council members, managers), on their own district's
/// hearings and complaints (every district's for a user tied to none).
struct ReportController {
    let services: WebServices

    struct FigureRow: Encodable {
        let label: String
        let isPart: Bool
        let cells: [FigureCell]
    }

    /// A figure with its column's header, which a narrow screen shows beside it.
    struct FigureCell: Encodable {
        let column: String
        let value: String
    }

    struct FigureTable: Encodable {
        let caption: String
        let rows: [FigureRow]
    }

    struct VenueRow: Encodable {
        let venue: String
        let count: Int
    }

    struct Chart: Encodable {
        let svg: String
    }

    struct Content: Encodable {
        let year: Int
        let scope: String
        let headers: [String]
        let tables: [FigureTable]
        let venues: [VenueRow]
        let hasVenues: Bool
        let charts: [Chart]
        let csvHref: String
        let previousYear: Int
        let nextYear: Int
    }

    func register(_ router: Router<WebContext>) {
        router.get("/rapport") { request, context -> Response in
            let session = try Access.require(Access.reviewers, request, context)
            // A year the report cannot cover: this year's report, with the field as typed and why.
            var errors = FormErrors()
            let period: ReportPeriod
            do {
                period = try self.period(request)
            } catch {
                period = try ReportPeriod(year: services.today.year)
                let years = ReportPeriod.years
                errors.add(
                    "aar", "Skriv et år fra \(years.lowerBound) til \(years.upperBound), for eksempel \(period.year).")
                errors.keep(request.queryForm.get("aar"), as: "aar")
            }
            let report = try await ReportDesk.report(period, district: session.user.district, store: services.store)
            return try services.pages.page(
                "rapport", title: "Årsrapport \(period.year)",
                content: Self.content(report, district: session.user.district), session: session,
                path: request.uri.path, errors: errors)
        }
        router.get("/rapport.csv") { request, context -> Response in
            let session = try Access.require(Access.reviewers, request, context)
            let period = try period(request)
            let report = try await ReportDesk.report(period, district: session.user.district, store: services.store)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"arsrapport-\(period.code).csv\"",
                ], body: .init(byteBuffer: ByteBuffer(bytes: ReportDesk.csv(report, period: period))))
        }
    }

    /// The year in `aar` (this year without it); a year the report cannot cover is refused in words.
    func period(_ request: Request) throws -> ReportPeriod {
        guard let text = request.queryForm.get("aar"), !text.isEmpty else {
            return try ReportPeriod(year: services.today.year)
        }
        do {
            return try ReportPeriod(yearText: text)
        } catch {
            throw HTTPError(.badRequest, message: "Årsrapporten: \(error.description).")
        }
    }

    /// A column of the figure tables: "Året" or "2. kvartal".
    static func header(_ figures: ReportFigures) -> String {
        figures.period.quarter.map { "\($0). kvartal" } ?? "Året"
    }

    static func content(_ report: AnnualReport, district: String?) -> Content {
        let columns = [report.year] + report.quarters
        let headers = columns.map(Self.header)
        func row(_ label: String, part: Bool = false, _ value: (ReportFigures) -> String) -> FigureRow {
            FigureRow(
                label: label, isPart: part,
                cells: zip(headers, columns).map { FigureCell(column: $0, value: value($1)) })
        }
        let year = report.year
        let tables = [
            FigureTable(
                caption: "Høringer og svartid",
                rows: [row("Mottatt i alt") { String($0.receivedTotal) }]
                    + ApplicationType.allCases.enumerated().map { index, kind in
                        row(kind.label, part: true) { String($0.received[index].count) }
                    }
                    + [
                        row("Besvart (sendt)") { String($0.answered) },
                        row("Ikke besvart") { String($0.unanswered) },
                        row("Besvart innen fristen") { String($0.answeredOnTime) },
                        row("Andel innen fristen") { ReportText.percent($0.onTimePercent) },
                        row("Median dager brukt") { ReportText.days($0.medianDaysUsed) },
                    ]),
            FigureTable(
                caption: "Tilrådinger i besvarte saker",
                rows: StatementOutcome.allCases.enumerated().map { index, outcome in
                    row(outcome.label) { String($0.outcomes[index].count) }
                }),
            FigureTable(
                caption: "Næringsetatens vedtak",
                rows: [
                    row("Registrert") { String($0.decisions) },
                    row("I besvarte saker") { String($0.decisionsCompared) },
                    row("Som bydelen tilrådde") { String($0.decisionsAgreeing) },
                    row("Andel enig") { ReportText.percent($0.agreementPercent) },
                ]),
            FigureTable(
                caption: "Klager",
                rows: [row("I alt") { String($0.complaints) }]
                    + year.complaintsByCategory.map { tally in
                        row(tally.key.label, part: true) { figures in
                            String(figures.complaintsByCategory.first { $0.key == tally.key }?.count ?? 0)
                        }
                    }),
        ]
        let quarterLabels = report.quarters.map { $0.period.label }
        let charts = [
            BarChart(
                id: "mottatt", title: "Høringer mottatt per kvartal",
                bars: zip(quarterLabels, report.quarters).map { BarChart.Bar(label: $0, count: $1.receivedTotal) }),
            BarChart(
                id: "i-tide", title: "Andel besvart innen fristen per kvartal",
                bars: zip(quarterLabels, report.quarters).map { label, figures in
                    BarChart.Bar(
                        label: label, value: figures.onTimePercent ?? 0, text: ReportText.percent(figures.onTimePercent))
                }, maximum: 100),
            BarChart(
                id: "tilradinger", title: "Tilrådinger i besvarte saker \(year.period.year)",
                bars: year.outcomes.map { BarChart.Bar(label: $0.key.label, count: $0.count) }),
            BarChart(
                id: "klager", title: "Klager per kategori \(year.period.year)",
                bars: year.complaintsByCategory.map { BarChart.Bar(label: $0.key.label, count: $0.count) }),
        ]
        let venues = year.complaintsByVenue.map { VenueRow(venue: $0.key, count: $0.count) }
        let number = year.period.year
        return Content(
            year: number, scope: district.map { "Bydel \($0)" } ?? "Alle bydeler",
            headers: headers, tables: tables,
            venues: venues, hasVenues: !venues.isEmpty, charts: charts.map { Chart(svg: $0.svg()) },
            csvHref: "/rapport.csv?aar=\(number)",
            previousYear: max(ReportPeriod.years.lowerBound, number - 1),
            nextYear: min(ReportPeriod.years.upperBound, number + 1))
    }
}
