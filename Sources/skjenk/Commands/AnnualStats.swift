import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkStore

/// `skjenk stats`: the district's annual report (issue 18, item 7) as tables, JSON or CSV.
struct AnnualStats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Årsrapport: høringer, svartid, tilrådinger, vedtak og klager for et år.",
        discussion: """
            Høringene telles etter Næringsetatens brevdato, klagene etter mottaksdagen. «Besvart» betyr at \
            uttalelsen er sendt; innen fristen betyr sendt senest på høringsfristen.
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Året rapporten gjelder.", valueName: "YYYY"))
    var year: String
    @Option(name: .long, help: ArgumentHelp("Bare ett kvartal (1–4).", valueName: "1-4"))
    var quarter: Int?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Bare denne bydelens høringer og klager (som høringene skriver den, «St. Hanshaugen»); alle uten.",
            valueName: "DISTRICT"))
    var district: String?
    @Flag(name: .long, help: "Skriv JSON.")
    var json = false
    @Flag(name: .long, help: "Skriv CSV med semikolon, én rad per tall.")
    var csv = false

    func validate() throws {
        _ = try period()
        _ = try checkedDistrict()
        if json && csv { throw ValidationError("velg enten --json eller --csv") }
    }

    func period() throws -> ReportPeriod {
        do {
            return try ReportPeriod(yearText: year, quarter: quarter)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func checkedDistrict() throws -> String? {
        do {
            return try StoreRules.checkedDistrict(district)
        } catch let error as StoreError {
            throw ValidationError("--district: \(error.description)")
        }
    }

    func run() async throws {
        let period = try period()
        let district = try checkedDistrict()
        let report = try await ReportDesk.report(period, district: district, store: store.openStore())
        if json {
            try JSONOutput.print(ReportJSON(report, period: period, district: district))
        } else if csv {
            FileHandle.standardOutput.write(ReportDesk.csv(report, period: period))
        } else {
            print(ReportTables.render(report, period: period, district: district))
        }
    }
}
