import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkImport
import SkjenkStore

extension Skjenk.Complaints {
    /// `skjenk complaints import FILE`: the district's spreadsheet, as CSV.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importer klager fra regnearket (CSV).",
            discussion: """
                Kolonnene er beskrevet i README. En fil med feil lagres ikke: hver feil vises med linjenummer. \
                Rader med et nr som er importert før, hoppes over.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var policyOptions: PolicyOptions
        @OptionGroup var district: DistrictOption

        @Argument(help: ArgumentHelp("CSV-fil.", valueName: "FILE"))
        var file: String

        func run() async throws {
            let now = Date()
            let actor = Actor.commandLine
            let sheet = ComplaintSheetReader().read(
                contentsOf: URL(fileURLWithPath: file), displayName: file, now: now, actor: actor.name)
            guard sheet.isAccepted else {
                for diagnostic in sheet.errors { Terminal.error(diagnostic.description) }
                throw CommandFailure(
                    message:
                        "\(file) har \(sheet.errors.count) feil; ingen klager er importert. Rett feilene og prøv igjen."
                )
            }
            let database = try await store.openStore()
            // The policy gives the first due date and the duplicate rule; without a policy file the
            // due dates must be in the sheet and the duplicate rule is the default.
            let needsPolicy = sheet.entries.contains { $0.nextDue == nil }
            let policy =
                needsPolicy || FileManager.default.fileExists(atPath: policyOptions.path)
                ? try policyOptions.load() : nil
            let intake = ComplaintIntake(
                resolver: ComplaintVenueResolver(registers: database, addresses: database),
                firstResponseDays: policy?.firstResponseDays)
            let district = try district.checked()
            var prepared: [ComplaintLogEntry] = []
            do {
                for var entry in sheet.entries {
                    entry.district = district
                    prepared.append(try await intake.prepare(entry).entry)
                }
                let summary = try await database.logComplaints(
                    prepared, source: "regneark", duplicates: policy?.duplicates ?? DuplicateRule(), actor: actor)
                print("\(file): \(summary.added.count) klager importert.")
                if !summary.alreadyLogged.isEmpty {
                    print(
                        "  \(summary.alreadyLogged.count) var importert fra før (nr "
                            + summary.alreadyLogged.joined(separator: ", ") + ") og er hoppet over.")
                }
                // Closed rows matching an earlier complaint: one episode, without an officer's flag.
                for (id, episode) in summary.linked.sorted(by: { $0.key < $1.key }) {
                    print(
                        "  Klage \(id) var avsluttet og er samme episode som en tidligere klage: "
                            + "koblet til episode \(episode).")
                }
            } catch {
                throw CommandFailure.complaintLog(error)
            }
        }
    }

    /// `skjenk complaints purge --older-than DURATION`: the retention rule for personal data.
    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Slett personopplysninger i klager som ble avsluttet for lenge siden.",
            discussion: """
                Sletter klagerens kontaktopplysninger, beskrivelsen og notatene i klager avsluttet før \
                perioden (for eksempel 3y, 18m eller 90d). Den anonyme klagen blir stående for statistikk \
                og risikovurdering.
                """)

        @OptionGroup var store: StoreOptions

        @Option(
            name: .long,
            help: ArgumentHelp("Lagringstid: Ny (år), Nm (måneder) eller Nd (dager).", valueName: "DURATION"))
        var olderThan: RetentionPeriod

        func run() async throws {
            let now = Date()
            let cutoff = olderThan.start(before: now)
            let count = try await store.openStore().purgePersonalData(closedBefore: cutoff, actor: .commandLine)
            print(
                "Personopplysninger slettet i \(count) \(count == 1 ? "klage" : "klager") avsluttet før "
                    + "\(NorwegianFormat.longDate(OsloTime.today(at: cutoff))).")
        }
    }

    /// `skjenk complaints stats`: complaints per month by category, as a table, JSON or an SVG chart.
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Klager per måned og kategori, for et sted eller hele bydelen.",
            discussion: "Bare antall: ingen opplysninger om klagerne eller beskrivelser.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var district: DistrictOption

        @Option(
            name: .long,
            help: ArgumentHelp("Sted: organisasjonsnummer, adresse eller del av navnet.", valueName: "TEXT"))
        var venue: String?
        @Option(name: .long, help: ArgumentHelp("Første måned (standard: 11 måneder før --to).", valueName: "YYYY-MM"))
        var from: String?
        @Option(name: .long, help: ArgumentHelp("Siste måned (standard: denne måneden).", valueName: "YYYY-MM"))
        var to: String?
        @Flag(name: .long, help: "Skriv JSON.")
        var json = false
        @Option(name: .long, help: ArgumentHelp("Skriv stolpediagram som SVG til filen.", valueName: "FILE"))
        var svg: String?

        func validate() throws {
            for (name, value) in [("--from", from), ("--to", to)] {
                if let value, YearMonth(iso: value) == nil {
                    throw ValidationError("\(name) «\(value)» er ikke en måned (ÅÅÅÅ-MM)")
                }
            }
            if let from, let to, let first = YearMonth(iso: from), let last = YearMonth(iso: to), last < first {
                throw ValidationError("--to kan ikke være før --from")
            }
        }

        func run() async throws {
            let last = to.flatMap(YearMonth.init(iso:)) ?? YearMonth(today.date)
            let first = from.flatMap(YearMonth.init(iso:)) ?? last.adding(months: -11)
            guard first.months(until: last) < 120 else {
                throw CommandFailure(message: "velg høyst ti år (120 måneder) om gangen")
            }
            let entries = try await store.openStore().complaintLog(
                ComplaintFilter(venue: venue, district: try district.checked()))
            let statistics = ComplaintStatistics(entries: entries, from: first, to: last)
            let title = "Klager per måned" + (venue.map { ", \($0)" } ?? ", hele bydelen")
            if let svg {
                let chart = ComplaintChart(statistics: statistics, title: title).svg()
                do {
                    try Data(chart.utf8).write(to: URL(fileURLWithPath: svg), options: .atomic)
                } catch {
                    throw CommandFailure(message: "kan ikke skrive \(svg)")
                }
            }
            if json {
                try JSONOutput.print(StatisticsJSON(statistics, venue: venue))
            } else if svg == nil {
                print(ComplaintReport.statistics(statistics, title: title))
            } else {
                print("Diagrammet er skrevet til \(svg!) (\(statistics.total) klager, \(first.label)–\(last.label)).")
            }
        }
    }
}

/// `3y`, `18m`, `90d` (also `3år`, `18mnd`, `90dager`).
struct RetentionPeriod: ExpressibleByArgument {
    enum Unit { case days, months, years }
    let count: Int
    let unit: Unit

    init?(argument: String) {
        let text = argument.lowercased().trimmingCharacters(in: .whitespaces)
        let digits = text.prefix(while: \.isNumber)
        let suffix = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard let count = Int(digits), count > 0, count <= 36_500 else { return nil }
        switch suffix {
        case "d", "dag", "dager": unit = .days
        case "m", "mnd", "måned", "måneder": unit = .months
        case "y", "år", "a": unit = .years
        default: return nil
        }
        self.count = count
    }

    /// The instant `self` before `now`, by the Oslo calendar.
    func start(before now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = OsloTime.zone
        let component: Calendar.Component =
            switch unit {
            case .days: .day
            case .months: .month
            case .years: .year
            }
        return calendar.date(byAdding: component, value: -count, to: now) ?? now
    }
}

extension Skjenk {
    /// `skjenk followup`: the officer's morning list.
    struct Followup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Morgenlisten: klager med steg som forfaller, og høringsfrister; med --user hele listen for én person.",
            discussion: """
                Uten --user: klager med steg som forfaller i dag eller er forfalt, per saksbehandler, og åpne \
                høringer med frist innen --within dager (standard 7) eller over fristen. Med --user: alt som venter \
                på den personen i bydelen sin — klager, høringsfrister (saker med personens siste utkast, og saker \
                uten utkast for saksbehandlere), utkast sendt tilbake med kommentaren, uttalelser som venter på \
                personens godkjenning og møtesaker uten ført utfall.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var district: DistrictOption

        @Option(name: .long, help: ArgumentHelp("Bare klagene til denne saksbehandleren.", valueName: "NAME"))
        var officer: String?
        @Option(name: .long, help: ArgumentHelp("Hele morgenlisten for denne brukeren.", valueName: "NAME"))
        var user: String?
        @Option(
            name: .long,
            help: ArgumentHelp(
                "Høringsfrister så mange dager frem (standard 7); gitt, gjelder den også klagenes steg (ellers i dag).",
                valueName: "DAYS"))
        var within: Int?
        @Flag(name: .long, help: "Skriv JSON.")
        var json = false

        func validate() throws {
            if let within, within < 0 { throw ValidationError("--within kan ikke være negativ") }
            if user != nil, officer != nil { throw ValidationError("bruk enten --user eller --officer, ikke begge") }
        }

        func run() async throws {
            let day = today.date
            let store = try await store.openStore()
            let hearingDays = within ?? MorningList.defaultWithinDays
            if let name = user {
                guard let person = try await store.users().first(where: { $0.name == name }) else {
                    throw CommandFailure(message: "fant ingen bruker «\(name)»")
                }
                if let asked = try district.checked(), asked != person.district {
                    throw CommandFailure(
                        message: "\(name) arbeider for \(person.district.map { "bydel \($0)" } ?? "ingen bestemt bydel"), "
                            + "ikke bydel \(asked)")
                }
                let agenda = try await MorningList.dueItems(
                    for: person, store: store, today: day, withinDays: hearingDays, complaintsWithinDays: within ?? 0)
                if json {
                    try JSONOutput.print(PersonalAgendaJSON(agenda))
                } else {
                    print(AgendaReport.personal(agenda))
                }
                return
            }
            let area = try district.checked()
            let entries = try await store.complaintLog(
                ComplaintFilter(officer: officer, dueBy: day.adding(days: within ?? 0), district: area))
            let agenda = FollowUpAgenda(entries: entries, today: day, withinDays: within ?? 0)
            let deadlines = try await MorningList.deadlines(
                store: store, today: day, withinDays: hearingDays, district: area)
            if json {
                try JSONOutput.print(FollowUpJSON(agenda, deadlines: deadlines))
            } else {
                print(ComplaintReport.agenda(agenda) + "\n\n" + AgendaReport.deadlines(deadlines, today: day, within: hearingDays))
            }
        }
    }
}

extension Skjenk.Complaints {
    /// `skjenk complaints export --format csv`: the log as a spreadsheet, one row per complaint.
    struct Export: AsyncParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv
        }

        enum Separator: String, ExpressibleByArgument, CaseIterable {
            case semikolon, komma

            var delimiter: CSVWriter.Delimiter { self == .komma ? .comma : .semicolon }
        }

        static let configuration = CommandConfiguration(
            abstract: "Eksporter klageloggen som CSV, én rad per klage.",
            discussion: """
                Kolonnene er beskrevet i README: når klagen skiftet status, kategorier, sted, ruting, steg og \
                frister. Opplysninger om klagerne, beskrivelsen og notatene er personopplysninger og tas bare med \
                med --include-personal, og bare for rollen saksbehandler. Hver eksport føres i revisjonssporet.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var role: RoleOption

        @Option(name: .long, help: "Format: csv.")
        var format: Format = .csv
        @Option(
            name: [.short, .long], help: ArgumentHelp("Skriv til filen (standard: standard ut).", valueName: "FILE"))
        var output: String?
        @Option(name: .long, help: "Skilletegn: semikolon (Excel på norsk) eller komma.")
        var separator: Separator = .semikolon
        @Flag(name: .long, help: "Ta med klagernes kontaktopplysninger, beskrivelsen og notatene (saksbehandler).")
        var includePersonal = false
        @Option(name: .long, help: ArgumentHelp("Mottatt fra og med denne datoen.", valueName: "DATE"))
        var from: LocalDate?
        @Option(name: .long, help: ArgumentHelp("Mottatt til og med denne datoen.", valueName: "DATE"))
        var to: LocalDate?
        @OptionGroup var selection: ComplaintSelectionOptions

        func validate() throws {
            if includePersonal, !role.current.mayExportComplainants {
                throw ValidationError(
                    "--include-personal er bare for rollen saksbehandler; som \(role.current.label) kan du "
                        + "eksportere uten personopplysninger")
            }
            if let from, let to, to < from { throw ValidationError("--to kan ikke være før --from") }
        }

        func run() async throws {
            var filter = selection.filter
            filter.receivedFrom = from
            filter.receivedTo = to
            let (data, count) = try await ComplaintDesk.export(
                filter, includingComplainants: includePersonal, role: role.current, delimiter: separator.delimiter,
                store: store.openStore(), actor: .commandLine)
            guard let output else {
                FileHandle.standardOutput.write(data)
                return
            }
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CommandFailure(message: "kan ikke skrive \(output)")
            }
            let personal = includePersonal ? "med personopplysninger" : "uten personopplysninger"
            print("\(count) \(count == 1 ? "klage" : "klager") eksportert til \(output) (\(personal)).")
        }
    }
}
