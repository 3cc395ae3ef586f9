import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkImport
import SkjenkStore

extension AgencyDecision.Outcome: ExpressibleByArgument {}

/// `skjenk decisions`: Næringsetaten's final decisions, beside the district's recommendations.
struct Decisions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decisions", abstract: "Næringsetatens vedtak i sakene.",
        subcommands: [Set.self, Import.self, List.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Før Næringsetatens vedtak i én sak.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var today: TodayOption
        @Argument(help: ArgumentHelp("Saksnummeret.", valueName: "CASENUMBER"))
        var caseNumber: String
        @Option(
            name: .long,
            help: ArgumentHelp(
                "Vedtaket: \(AgencyDecision.Outcome.codes.joined(separator: ", ")).", valueName: "CODE"))
        var outcome: AgencyDecision.Outcome
        @Option(name: .long, help: ArgumentHelp("Vedtaksdatoen.", valueName: "DATE"))
        var date: LocalDate
        @Option(name: .long, help: ArgumentHelp("Et vilkår i vedtaket (kan gjentas).", valueName: "TEXT"))
        var condition: [String] = []

        func run() async throws {
            let number: CaseNumber
            do { number = try CaseNumber(caseNumber) } catch {
                throw CommandFailure(message: "«\(caseNumber)» er ikke et saksnummer")
            }
            do {
                let decision = try await DecisionDesk.record(
                    number, outcome: outcome, date: date, conditions: condition, store: store.openStore(),
                    actor: .commandLine, today: today.date)
                print("Sak \(number.text): Næringsetatens vedtak er ført (\(decision.label)).")
            } catch let refused as DecisionRefused {
                throw CommandFailure(message: refused.description)
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Les Næringsetatens vedtak fra CSV (saksnummer, vedtak, dato, vilkaar); alt eller ingenting.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var today: TodayOption
        @Argument(help: ArgumentHelp("CSV-filen.", valueName: "FILE"))
        var file: String

        func run() async throws {
            let read = AgencyDecisionReader().read(contentsOf: URL(fileURLWithPath: file), displayName: file)
            let (recorded, errors) = try await DecisionDesk.importFile(
                read, store: store.openStore(), actor: .commandLine, today: today.date)
            guard errors.isEmpty else {
                for error in errors { Terminal.error(error.description) }
                throw CommandFailure(
                    message: "\(file) har \(errors.count) feil; ingen vedtak er ført. Rett feilene og prøv igjen.")
            }
            print("\(file): \(recorded) vedtak ført.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "De førte vedtakene, med bydelens konklusjon.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var district: DistrictOption
        @Flag(name: .long, help: "Skriv JSON.")
        var json = false

        struct Row: Encodable {
            let caseNumber: String
            let decision: String
            let date: String
            let conditions: [String]
            let recommendation: String?
            let agrees: Bool?
        }

        func run() async throws {
            let database = try await store.openStore()
            var rows: [Row] = []
            for decision in try await database.agencyDecisions(district: try district.checked()) {
                let outcome = try await database.drafts(of: decision.caseNumber).last?.outcome
                rows.append(
                    Row(
                        caseNumber: decision.caseNumber.text, decision: decision.outcome.code, date: decision.date.iso,
                        conditions: decision.conditions, recommendation: outcome?.code,
                        agrees: outcome.map { decision.agrees(with: $0) }))
            }
            if json { return try JSONOutput.print(rows) }
            guard !rows.isEmpty else { return print("Ingen vedtak er ført.") }
            var table = TextTable(headers: ["Sak", "Vedtak", "Dato", "Bydelens konklusjon", "Samsvar"])
            for row in rows {
                table.add([
                    row.caseNumber, row.decision, row.date, row.recommendation ?? "–",
                    row.agrees.map { $0 ? "ja" : "nei" } ?? "–",
                ])
            }
            print(table.render())
        }
    }
}
