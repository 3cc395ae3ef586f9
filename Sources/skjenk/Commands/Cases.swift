import ArgumentParser
import Foundation
import SkjenkCore
import SkjenkStore

extension Skjenk {
    /// `skjenk cases …`: reading stored cases.
    struct Cases: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vis høringssaker.", subcommands: [List.self, Show.self])
    }
}

/// `--today`, for reading deadlines as of another day than today.
struct TodayOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Regn dager igjen fra denne datoen (ÅÅÅÅ-MM-DD) i stedet for i dag.",
            valueName: "DATE"))
    var today: LocalDate?

    var date: LocalDate { today ?? OsloTime.today(at: Date()) }
}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard let date = try? LocalDate(iso: argument) else { return nil }
        self = date
    }
}

extension Skjenk.Cases {
    /// `skjenk cases list`: open cases, soonest deadline first, with days left and overdue marked.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List åpne saker etter frist.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var today: TodayOption

        @Flag(name: .long, help: "Ta med besvarte og trukne saker.")
        var all = false

        @Flag(name: .long, help: "Skriv JSON (for skript).")
        var json = false

        func run() async throws {
            let database = try await store.openStore()
            let cases = try await database.cases(status: all ? nil : [.open])
            let day = today.date
            if json {
                try JSONOutput.print(cases.map { CaseJSON($0, today: day, detail: false) })
                return
            }
            guard !cases.isEmpty else {
                print(all ? "Ingen saker." : "Ingen åpne saker.")
                return
            }
            var table = TextTable(headers: ["Frist", "Status", "Saksnummer", "Søknad", "Sted", "Adresse"])
            for stored in cases {
                let hearing = stored.hearing
                let deadline = DeadlineStatus(deadline: hearing.deadline, today: day)
                let status =
                    stored.status == .open
                    ? (deadline.isOverdue ? "FORFALT: " : "") + deadline.label
                    : stored.status.label
                table.add([
                    NorwegianFormat.date(hearing.deadline), status, hearing.caseNumber.text,
                    "\(hearing.applicationType.label), \(hearing.permitType.code)",
                    hearing.venue.name, hearing.venue.address.street,
                ])
            }
            print(table.render())
            let overdue = cases.count { $0.status == .open && $0.hearing.deadline < day }
            print(
                "\(cases.count) \(cases.count == 1 ? "sak" : "saker")"
                    + (overdue > 0 ? ", \(overdue) over fristen" : "") + ".")
        }
    }

    /// `skjenk cases show CASENUMBER`: one case with its history.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Vis én sak med historikk.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var today: TodayOption

        @Flag(name: .long, help: "Skriv JSON (for skript).")
        var json = false

        @Argument(help: ArgumentHelp("Saksnummer, som 2026/04711 eller 26/4711-2.", valueName: "CASENUMBER"))
        var caseNumber: String

        func validate() throws {
            do {
                _ = try CaseNumber(caseNumber)
            } catch {
                throw ValidationError("«\(caseNumber)» er ikke et saksnummer (ÅÅÅÅ/N eller ÅÅ/N, ev. med -D)")
            }
        }

        func run() async throws {
            let number = try CaseNumber(caseNumber)
            let database = try await store.openStore()
            guard let stored = try await database.storedCase(number) else {
                throw CommandFailure(message: "fant ingen sak med saksnummer \(number.text)")
            }
            let versions = try await database.versions(of: number)
            let audit = try await database.auditTrail(for: number, limit: 50)
            if json {
                var output = CaseJSON(stored, today: today.date, detail: true)
                output.versions = versions.map(VersionJSON.init)
                try JSONOutput.print(output)
            } else {
                print(CaseReport(stored: stored, versions: versions, audit: audit, today: today.date).render())
            }
        }
    }
}
