import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore

extension MeetingOutcome: ExpressibleByArgument {}

extension Skjenk {
    /// `skjenk meetings …`: meetings of the council and its committees, their agendas, the meeting
    /// document and the record of what the body decided.
    struct Meetings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Møter i bydelsutvalget og komiteene: saksliste, saksframlegg og vedtak.",
            discussion: """
                create lager et møte, add setter innsendte uttalelser på sakslisten, document skriver \
                saksframlegget, record fører hva organet vedtok (vedtatt, endret eller tilbake).
                """,
            subcommands: [Create.self, List.self, Add.self, Show.self, Document.self, Record.self])

        /// A meeting's id as the commands take it, or a failure naming it.
        static func meeting(_ id: Int64, in database: any AppStore) async throws -> Meeting {
            guard let meeting = try await database.meeting(id: id) else {
                throw CommandFailure(message: MeetingProblem.meetingNotFound(id).description)
            }
            return meeting
        }

        /// The store's refusals as the user reads them; other errors as they are.
        static func failure(_ error: any Error) -> any Error {
            switch error {
            case let problem as MeetingProblem: CommandFailure(message: problem.description)
            case let refusal as StatementStoreError: CommandFailure(message: refusal.description)
            case let refusal as StoreError: CommandFailure(message: refusal.description)
            case let refusal as MeetingDeskError: CommandFailure(message: refusal.description)
            default: error
            }
        }

        /// "Sak 1/26: 26/5110-1 Kafé Lyse, Thereses gate 10 – vedtatt som foreslått".
        static func itemLine(_ item: MeetingItem, database: any AppStore) async throws -> String {
            // The case number as the hearing gives it, whichever of its forms the user typed.
            guard let hearing = try await database.storedCase(item.caseNumber)?.hearing else {
                return "Sak \(item.number): \(item.caseNumber.text)"
            }
            return "Sak \(item.number): \(hearing.caseNumber.text) \(hearing.venue.name), \(hearing.venue.address.street)"
        }
    }
}

extension Skjenk.Meetings {
    /// `skjenk meetings create --body NAME --date DATE [--district NAME]`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lag et møte i bydelsutvalget eller en komité.")

        @OptionGroup var store: StoreOptions
        @Option(
            name: .long,
            help: ArgumentHelp("Organet: «bydelsutvalget» eller komiteens navn.", valueName: "NAME"))
        var body: String
        @Option(name: .long, help: ArgumentHelp("Møtedato (ÅÅÅÅ-MM-DD).", valueName: "DATE"))
        var date: LocalDate
        @Option(
            name: .long,
            help: ArgumentHelp(
                "Bydelen møtet hører til, på en tjeneste for flere bydeler (som høringene skriver den).",
                valueName: "DISTRICT"))
        var district: String?
        @Flag(name: .long, help: "Skriv JSON (for skript).")
        var json = false

        func run() async throws {
            let database = try await store.openStore()
            do {
                let meeting = try await database.addMeeting(
                    body: body, date: date, district: district, actor: .commandLine)
                if json {
                    try JSONOutput.print(MeetingJSON(meeting))
                } else {
                    print("Møte \(meeting.id) er opprettet: \(Skjenk.Meetings.label(meeting)).")
                }
            } catch {
                throw Skjenk.Meetings.failure(error)
            }
        }
    }

    /// "bydelsutvalget 10. desember 2026, Bydel St. Hanshaugen".
    static func label(_ meeting: Meeting) -> String {
        meeting.label + (meeting.district.map { ", Bydel \($0)" } ?? "")
    }

    /// `skjenk meetings list`: the meetings, soonest first.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List møtene, med antall saker og hvor mange som er ført.")

        @OptionGroup var store: StoreOptions
        @Option(name: .long, help: ArgumentHelp("Bare møtene i denne bydelen.", valueName: "DISTRICT"))
        var district: String?
        @Option(name: .long, help: ArgumentHelp("Bare møter på eller etter denne datoen.", valueName: "DATE"))
        var from: LocalDate?
        @Flag(name: .long, help: "Skriv JSON (for skript).")
        var json = false

        func run() async throws {
            let database = try await store.openStore()
            let meetings: [Meeting]
            do {
                meetings = try await database.meetings(
                    district: try StoreRules.checkedDistrict(district), from: from)
            } catch {
                throw Skjenk.Meetings.failure(error)
            }
            if json {
                try JSONOutput.print(meetings.map(MeetingJSON.init))
                return
            }
            guard !meetings.isEmpty else {
                print("Ingen møter.")
                return
            }
            var table = TextTable(headers: ["Id", "Dato", "Organ", "Bydel", "Saker", "Ført"])
            for meeting in meetings {
                table.add([
                    String(meeting.id), meeting.date.iso, meeting.body, meeting.district ?? "–",
                    String(meeting.items.count), String(meeting.items.count - meeting.openItems.count),
                ])
            }
            print(table.render())
        }
    }

    /// `skjenk meetings add MEETING_ID CASENUMBER...`: submitted statements onto the agenda.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sett innsendte uttalelser på sakslisten.",
            discussion: """
                Hver sak får organets neste saksnummer i møteåret. Stopper ved første sak som ikke kan settes \
                opp; sakene før den står på sakslisten.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: ArgumentHelp("Møtets id (skjenk meetings list).", valueName: "MEETING_ID"))
        var meetingID: Int64
        @Argument(help: ArgumentHelp("Saksnumrene, i den rekkefølgen de skal stå.", valueName: "CASENUMBER"))
        var caseNumbers: [String]

        func validate() throws {
            guard !caseNumbers.isEmpty else { throw ValidationError("oppgi minst ett saksnummer") }
            for text in caseNumbers where (try? CaseNumber(text)) == nil {
                throw ValidationError("«\(text)» er ikke et saksnummer (ÅÅÅÅ/N eller ÅÅ/N, ev. med -D)")
            }
        }

        func run() async throws {
            let database = try await store.openStore()
            let meeting = try await Skjenk.Meetings.meeting(meetingID, in: database)
            let numbers = try caseNumbers.map { try CaseNumber($0) }
            let result = await MeetingDesk.addItems(numbers, to: meeting.id, store: database, actor: .commandLine)
            for item in result.added { print(try await Skjenk.Meetings.itemLine(item, database: database)) }
            guard let refusal = result.refusal else { return }
            let reason = (Skjenk.Meetings.failure(refusal) as? CommandFailure)?.message ?? "\(refusal)"
            let added =
                result.added.isEmpty
                ? "ingen sak er satt opp"
                : "sakene over (\(NorwegianFormat.list(result.added.map(\.number)))) er satt opp, de andre ikke"
            throw CommandFailure(message: "\(reason); \(added)")
        }
    }

    /// `skjenk meetings show MEETING_ID`: the agenda with the outcomes recorded.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Vis sakslisten med utfall.")

        @OptionGroup var store: StoreOptions
        @Argument(help: ArgumentHelp("Møtets id.", valueName: "MEETING_ID"))
        var meetingID: Int64
        @Flag(name: .long, help: "Skriv JSON (for skript).")
        var json = false

        func run() async throws {
            let database = try await store.openStore()
            let meeting = try await Skjenk.Meetings.meeting(meetingID, in: database)
            if json {
                try JSONOutput.print(MeetingJSON(meeting))
                return
            }
            var lines = ["Møte \(meeting.id): \(Skjenk.Meetings.label(meeting))."]
            if meeting.items.isEmpty { lines.append("Sakslisten er tom.") }
            for item in meeting.items {
                let review = try await database.review(of: item.caseNumber)
                var line = try await Skjenk.Meetings.itemLine(item, database: database)
                line += " – " + (item.outcome?.label ?? "ikke behandlet") + " (uttalelsen er \(review.state.label))"
                lines.append(line)
                if item.outcome == .returned, let note = item.note { lines.append("    Begrunnelse: \(note)") }
            }
            print(lines.joined(separator: "\n"))
        }
    }

    /// `skjenk meetings document MEETING_ID --format html|docx|md --output PATH`: the saksframlegg.
    struct Document: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Skriv saksframlegget: sakslisten, fakta, forslag til vedtak og utkastene som vedlegg.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var templateOptions: TemplateOptions
        @Argument(help: ArgumentHelp("Møtets id.", valueName: "MEETING_ID"))
        var meetingID: Int64
        @Option(name: .long, help: ArgumentHelp("html, docx eller md.", valueName: "FORMAT"))
        var format: StatementFormat
        @Option(
            name: .long,
            help: ArgumentHelp(
                "Filen å skrive (standard: saksframlegg-ORGAN-DATO.FORMAT i arbeidsmappen).", valueName: "PATH"))
        var output: String?

        func validate() throws {
            if format == .archive { throw ValidationError("--format: saksframlegget skrives som html, docx eller md") }
        }

        func run() async throws {
            let database = try await store.openStore()
            let meeting = try await Skjenk.Meetings.meeting(meetingID, in: database)
            let templates = try templateOptions.load()
            let file: MeetingDesk.File
            do {
                file = try await MeetingDesk.document(meeting, as: format, store: database, templates: templates)
            } catch let problem as TemplateSet.Problem {
                throw CommandFailure(message: "malene kan ikke brukes: \(problem)")
            } catch {
                throw Skjenk.Meetings.failure(error)
            }
            let path = output ?? file.fileName
            try StatementWork.write(file.data, to: path)
            print("Saksframlegget til \(meeting.label) er skrevet til \(path) (\(format.label)).")
        }
    }
}
