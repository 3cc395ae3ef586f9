import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkImport
import SkjenkStore

extension Skjenk {
    /// `skjenk complaints …`: the complaint log.
    struct Complaints: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Klageloggen: klager på steder, oppfølging og statistikk.",
            discussion: "Opplysninger om klageren vises bare i «complaints show» for ansatte (--role).",
            subcommands: [
                Add.self, List.self, Show.self, Step.self, Close.self, Reopen.self, Link.self, Unlink.self,
                Duplicates.self,
                Venue.self, Import.self, Export.self, Purge.self, Stats.self,
            ])
    }
}

extension Skjenk.Complaints {
    /// `skjenk complaints add`: logs one complaint from flags or from a JSON file.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Registrer en klage.",
            discussion: """
                Oppgi feltene som flagg, eller alt i en JSON-fil med --from (se README). Første svar \
                forfaller etter policyens klager.forste_svar_dager, om ikke --due er gitt.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var policyOptions: PolicyOptions
        @OptionGroup var replyTemplates: ReplyTemplateOptions
        @OptionGroup var district: DistrictOption

        @Option(
            name: .long, help: ArgumentHelp("Les klagen (eller en liste av klager) fra JSON-fil.", valueName: "FILE"))
        var from: String?
        @Option(name: .long, help: ArgumentHelp("Når klagen kom inn (standard: nå).", valueName: "TIME"))
        var received: OsloInstant?
        @Option(name: .long, help: ArgumentHelp("Dato for hendelsen (første dag).", valueName: "DATE"))
        var incident: LocalDate?
        @Option(name: .long, help: ArgumentHelp("Klokkeslett for hendelsen.", valueName: "HH:MM"))
        var incidentTime: String?
        @Option(name: .long, help: ArgumentHelp("Siste dag, når hendelsen er en periode.", valueName: "DATE"))
        var incidentEnd: LocalDate?
        @Option(name: .long, help: ArgumentHelp("Tidsrommet med ord («hver helg siden mars»).", valueName: "TEXT"))
        var period: String?
        @Option(name: .long, help: ArgumentHelp("Stedets navn.", valueName: "NAME"))
        var venue: String?
        @Option(name: .long, help: ArgumentHelp("Organisasjonsnummeret til stedet.", valueName: "ORGNR"))
        var orgnr: String?
        @Option(name: .long, help: ArgumentHelp("Adressen («Thereses gate 10»).", valueName: "STREET"))
        var address: String?
        @Option(name: .long, help: ArgumentHelp("Postnummer.", valueName: "NNNN"))
        var postalCode: String?
        @Option(
            name: .long,
            help: ArgumentHelp(
                "Kategori (kan gjentas): \(ComplaintCategory.codes.joined(separator: ", ")).", valueName: "CODE"))
        var category: [ComplaintCategory] = []
        @Option(name: .long, help: ArgumentHelp("Hva klagen gjelder.", valueName: "TEXT"))
        var description: String?
        @Option(
            name: .long,
            help: ArgumentHelp("Kilde: \(ComplaintSource.codes.joined(separator: ", ")).", valueName: "CODE"))
        var source: ComplaintSource = .resident
        @Option(name: .long, help: ArgumentHelp("Ansvarlig saksbehandler (standard: deg).", valueName: "NAME"))
        var officer: String?
        @Option(name: .long, help: ArgumentHelp("Frist for første svar (overstyrer policyen).", valueName: "DATE"))
        var due: LocalDate?
        @Option(name: .long, help: ArgumentHelp("Klagerens navn (personopplysning).", valueName: "NAME"))
        var complainantName: String?
        @Option(name: .long, help: ArgumentHelp("Klagerens telefon (personopplysning).", valueName: "PHONE"))
        var complainantPhone: String?
        @Option(name: .long, help: ArgumentHelp("Klagerens e-post (personopplysning).", valueName: "EMAIL"))
        var complainantEmail: String?
        @Option(name: .long, help: ArgumentHelp("Klagerens adresse (personopplysning).", valueName: "ADDRESS"))
        var complainantAddress: String?
        @Flag(name: .long, help: "Skriv JSON (for skript).")
        var json = false

        func validate() throws {
            let fieldFlags: [Any?] = [
                received, incident, incidentTime, incidentEnd, period, venue, orgnr, address, postalCode,
                description, officer, due, complainantName, complainantPhone, complainantEmail, complainantAddress,
            ]
            if from != nil {
                guard fieldFlags.allSatisfy({ $0 == nil }), category.isEmpty else {
                    throw ValidationError("--from kan ikke kombineres med feltene som flagg")
                }
                return
            }
            guard incident != nil else { throw ValidationError("oppgi --incident (datoen hendelsen gjaldt)") }
            guard !category.isEmpty else {
                throw ValidationError("oppgi minst én --category (\(ComplaintCategory.codes.joined(separator: ", ")))")
            }
            guard venue != nil || orgnr != nil || address != nil else {
                throw ValidationError("oppgi stedet: --venue, --orgnr eller --address")
            }
            if let incidentTime, (try? TimeOfDay(incidentTime)) == nil {
                throw ValidationError("--incident-time «\(incidentTime)» er ikke et klokkeslett (TT:MM)")
            }
            _ = try organisationNumber(orgnr)
        }

        func run() async throws {
            let now = Date()
            let actor = Actor.commandLine
            var entries: [ComplaintLogEntry]
            if let from {
                let file = ComplaintJSONReader().read(
                    contentsOf: URL(fileURLWithPath: from), now: now, actor: actor.name)
                guard file.isAccepted else {
                    for diagnostic in file.errors { Terminal.error(diagnostic.description) }
                    throw CommandFailure(message: "\(from) har feil; ingen klage er registrert")
                }
                entries = file.entries
            } else {
                let complainant = Complainant(
                    name: complainantName, phone: complainantPhone, email: complainantEmail,
                    address: complainantAddress)
                entries = [
                    ComplaintLogEntry(
                        receivedAt: received?.date ?? now,
                        incident: IncidentTime(
                            start: incident!, time: try incidentTime.map { try TimeOfDay($0) }, end: incidentEnd,
                            text: period),
                        venue: ComplaintVenue(
                            name: venue,
                            organisationNumber: try organisationNumber(orgnr), street: address, postalCode: postalCode),
                        categories: Set(category), description: description, source: source,
                        officer: officer ?? actor.name, nextDue: due,
                        complainant: complainant.isEmpty ? nil : complainant)
                ]
            }
            let district = try district.checked()
            for index in entries.indices { entries[index].district = district }
            let database = try await store.openStore()
            // The policy gives the first due date and the duplicate rule; without a policy file the
            // due date must be given and the duplicate rule is the default.
            let needsPolicy = entries.contains { $0.nextDue == nil }
            let policy =
                needsPolicy || FileManager.default.fileExists(atPath: policyOptions.path)
                ? try policyOptions.load() : nil
            let intake = ComplaintIntake(
                resolver: ComplaintVenueResolver(registers: database, addresses: database),
                firstResponseDays: policy?.firstResponseDays,
                duplicates: (database, policy?.duplicates ?? DuplicateRule()))
            var prepared: [(ComplaintLogEntry, [String])] = []
            for entry in entries {
                do {
                    prepared.append(try await intake.prepare(entry))
                } catch {
                    throw CommandFailure.complaintLog(error)
                }
            }
            var ids: [Int64] = []
            do {
                if from == nil {
                    ids = [
                        try await ComplaintDesk.log(
                            prepared[0].0, store: database, replies: try replyTemplates.load(),
                            signature: try await StatementWork.replySignature(
                                officer: prepared[0].0.officer, district: prepared[0].0.district, policy: policy,
                                database: database),
                            actor: actor, now: now)
                    ]
                } else {
                    let summary = try await database.logComplaints(
                        prepared.map(\.0), source: "json", duplicates: policy?.duplicates ?? DuplicateRule(),
                        actor: actor)
                    ids = summary.added
                    for reference in summary.alreadyLogged {
                        Terminal.error(
                            "skjenk: klage nr. \(reference) fra JSON er registrert fra før; ikke lagt inn på nytt")
                    }
                }
            } catch {
                throw CommandFailure.complaintLog(error)
            }
            var logged: [ComplaintLogEntry] = []
            for id in ids { logged.append(try await database.existingComplaint(id, includingComplainant: false)) }
            if json {
                try JSONOutput.print(logged.map { ComplaintJSON($0, today: OsloTime.today(at: now)) })
                return
            }
            let notes = Dictionary(
                prepared.map { ($0.0.externalReference ?? "", $0.1) }, uniquingKeysWith: { first, _ in first })
            for entry in logged {
                print(ComplaintReport.registered(entry, notes: notes[entry.externalReference ?? ""] ?? []))
            }
        }
    }

    /// `skjenk complaints list`: the log, filtered.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List klager (åpne, om ikke --all eller --status er gitt).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var today: TodayOption

        @OptionGroup var selection: ComplaintSelectionOptions
        @Option(name: .long, help: ArgumentHelp("Ansvarlig saksbehandler.", valueName: "NAME"))
        var officer: String?
        @Flag(name: .long, help: "Bare klager der neste steg har passert fristen.")
        var overdue = false
        @Option(
            name: .long,
            help: ArgumentHelp("Bare klager med frist innen så mange dager (forfalte med).", valueName: "DAYS"))
        var dueWithin: Int?
        @Flag(name: .long, help: "Ta med avsluttede klager.")
        var all = false
        @Flag(name: .long, help: "Skriv JSON (for skript; uten opplysninger om klagerne).")
        var json = false

        func validate() throws {
            if let dueWithin, dueWithin < 0 { throw ValidationError("--due-within kan ikke være negativ") }
        }

        func run() async throws {
            let day = today.date
            var filter = selection.filter
            filter.officer = officer
            if filter.statuses == nil, !all { filter.statuses = Set(ComplaintStatus.allCases.filter(\.isOpen)) }
            if overdue { filter.overdueOn = day }
            if let dueWithin { filter.dueBy = day.adding(days: dueWithin) }
            let entries = try await store.openStore().complaintLog(filter)
            if json {
                try JSONOutput.print(entries.map { ComplaintJSON($0, today: day) })
                return
            }
            guard !entries.isEmpty else {
                print("Ingen klager passer.")
                return
            }
            print(ComplaintReport.table(entries, today: day))
        }
    }

    /// `skjenk complaints show ID`: one complaint with its trail; the complainant for staff.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vis én klage med oppfølging og revisjonsspor.",
            discussion: "Klagerens kontaktopplysninger vises bare for ansatte (saksbehandler, klagebehandler).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var role: RoleOption

        @Argument(help: ArgumentHelp("Klagens nummer.", valueName: "ID"))
        var id: Int64
        @Flag(name: .long, help: "Skriv JSON.")
        var json = false

        func run() async throws {
            let database = try await store.openStore()
            let staff = role.current.mayReadComplainants
            let entry = try await database.existingComplaint(id, includingComplainant: staff)
            let episode =
                entry.episodeId == nil ? [] : try await database.complaintLog(ComplaintFilter(episode: entry.episodeId))
            let audit = try await database.complaintAuditTrail(id)
            let replies = try await database.replies(ofComplaint: id)
            if json {
                var output = ComplaintJSON(entry, today: today.date)
                output.complainant = staff ? entry.complainant.map(ComplainantJSON.init) : nil
                output.episodeMembers = episode.compactMap(\.id).sorted()
                try JSONOutput.print(output)
                return
            }
            print(
                ComplaintReport.detail(
                    entry, episode: episode, audit: audit, replies: replies, today: today.date,
                    showComplainant: staff))
        }
    }
}
