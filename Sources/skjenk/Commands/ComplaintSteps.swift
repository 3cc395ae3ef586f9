import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// `--due DATE` or `--due-in DAYS` for the next step; the policy's `klager.oppfoelging_dager` otherwise.
struct NextDueOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Frist for neste steg.", valueName: "DATE"))
    var due: LocalDate?
    @Option(name: .long, help: ArgumentHelp("Frist for neste steg om så mange dager.", valueName: "DAYS"))
    var dueIn: Int?

    func validate() throws {
        if due != nil && dueIn != nil { throw ValidationError("oppgi enten --due eller --due-in") }
        if let dueIn, dueIn < 0 { throw ValidationError("--due-in kan ikke være negativ") }
    }

    /// The next step's due date, counted from `day`; loads the policy only when it is needed.
    func date(from day: LocalDate, policy: PolicyOptions) throws -> LocalDate {
        if let due { return due }
        return day.adding(days: try dueIn ?? policy.load().followUpDays)
    }
}

extension Skjenk.Complaints {
    /// `skjenk complaints step ID --action CODE`: records what was done.
    struct Step: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Registrer et oppfølgingssteg.",
            discussion: "Tiltak: "
                + FollowUpAction.stepActions.map { "\($0.code) (\($0.label))" }.joined(separator: ", ") + ".")

        @OptionGroup var store: StoreOptions
        @OptionGroup var policyOptions: PolicyOptions
        @OptionGroup var nextDue: NextDueOptions

        @Argument(help: ArgumentHelp("Klagens nummer.", valueName: "ID"))
        var id: Int64
        @Option(name: .long, help: ArgumentHelp("Hva som ble gjort.", valueName: "CODE"))
        var action: FollowUpAction
        @Option(name: .long, help: ArgumentHelp("Notat.", valueName: "TEXT"))
        var note: String?
        @Option(name: .long, help: ArgumentHelp("Hvem som gjorde det (standard: deg).", valueName: "NAME"))
        var by: String?
        @Option(name: .long, help: ArgumentHelp("Når det ble gjort (standard: nå).", valueName: "TIME"))
        var at: OsloInstant?

        func validate() throws {
            guard FollowUpAction.stepActions.contains(action) else {
                throw ValidationError(
                    "--action \(action.code) registreres med egen kommando (add, close eller reopen)")
            }
        }

        func run() async throws {
            let when = at?.date ?? Date()
            let step = FollowUpStep(
                action: action, note: note, by: by ?? Actor.commandLine.name, at: when,
                nextDue: try nextDue.date(from: OsloTime.today(at: when), policy: policyOptions))
            try await record(step, id: id, store: store)
        }
    }

    /// `skjenk complaints close ID --reason CODE`.
    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Avslutt en klage.",
            discussion: "Grunner: " + ClosingReason.allCases.map { "\($0.code) (\($0.label))" }.joined(separator: ", ")
                + ". Ugrunnede klager teller ikke i risikovurderingen.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var replyTemplates: ReplyTemplateOptions
        @OptionGroup var policyOptions: PolicyOptions

        @Argument(help: ArgumentHelp("Klagens nummer.", valueName: "ID"))
        var id: Int64
        @Option(name: .long, help: ArgumentHelp("Hvorfor klagen avsluttes.", valueName: "CODE"))
        var reason: ClosingReason
        @Option(name: .long, help: ArgumentHelp("Notat.", valueName: "TEXT"))
        var note: String?

        func run() async throws {
            let step = FollowUpStep(
                action: .closed, note: note, by: Actor.commandLine.name, at: Date(), closingReason: reason)
            try await record(
                step, id: id, store: store, replies: try replyTemplates.load(),
                policies: FileManager.default.fileExists(atPath: policyOptions.path) ? try? policyOptions.policies() : nil)
        }
    }

    /// `skjenk complaints reopen ID --note TEXT`: reopening is a step of its own, with a reason.
    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Gjenåpne en avsluttet klage (med begrunnelse).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var policyOptions: PolicyOptions
        @OptionGroup var nextDue: NextDueOptions

        @Argument(help: ArgumentHelp("Klagens nummer.", valueName: "ID"))
        var id: Int64
        @Option(name: .long, help: ArgumentHelp("Hvorfor klagen gjenåpnes.", valueName: "TEXT"))
        var note: String

        func run() async throws {
            let now = Date()
            let step = FollowUpStep(
                action: .reopened, note: note, by: Actor.commandLine.name, at: now,
                nextDue: try nextDue.date(from: OsloTime.today(at: now), policy: policyOptions))
            try await record(step, id: id, store: store)
        }
    }

    /// `skjenk complaints link ID ID …`: the same episode, reported more than once.
    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Knytt klager om samme sted og episode sammen.",
            discussion: "En episode meldt av ti naboer teller som én episode med ti meldinger i vurderingen.")

        @OptionGroup var store: StoreOptions

        @Argument(help: ArgumentHelp("Klagenes numre (minst to).", valueName: "ID"))
        var ids: [Int64]

        func validate() throws {
            guard Set(ids).count >= 2 else { throw ValidationError("oppgi minst to ulike klager") }
        }

        func run() async throws {
            let database = try await store.openStore()
            do {
                let episode = try await database.linkEpisode(ids, actor: .commandLine)
                let members = try await database.complaintLog(ComplaintFilter(episode: episode))
                print(
                    "Klage \(NorwegianFormat.list(members.compactMap(\.id).sorted().map(String.init))) "
                        + "er nå én episode (episode \(episode)).")
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure.complaintLog(error)
            }
        }
    }

    /// `skjenk complaints duplicates [ID --episode N --link|--reject]`: the flags waiting for an
    /// officer, and the decision on one.
    struct Duplicates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mulige dubletter: list dem som venter, eller koble eller avvis én.",
            discussion: """
                Uten ID: klagene som er merket som mulig dublett av en åpen episode og venter på vurdering. \
                Med ID, --episode og --link: klagen blir en del av episoden (én episode med flere meldinger i \
                vurderingen). Med --reject: merket fjernes, klagen står for seg selv.
                """)

        @OptionGroup var store: StoreOptions

        @Argument(help: ArgumentHelp("Klagen som er merket.", valueName: "ID"))
        var id: Int64?
        @Option(name: .long, help: ArgumentHelp("Episoden den er merket mot.", valueName: "N"))
        var episode: Int64?
        @Flag(name: .long, help: "Koble klagen til episoden.")
        var link = false
        @Flag(name: .long, help: "Ikke samme episode: fjern merket.")
        var reject = false

        func validate() throws {
            if id == nil {
                guard episode == nil, !link, !reject else {
                    throw ValidationError("oppgi klagens nummer for å koble eller avvise")
                }
                return
            }
            guard episode != nil else { throw ValidationError("oppgi --episode (episoden klagen er merket mot)") }
            guard link != reject else { throw ValidationError("velg enten --link eller --reject") }
        }

        func run() async throws {
            let database = try await store.openStore()
            guard let id, let episode else {
                print(ComplaintReport.pendingDuplicates(try await database.pendingDuplicates()))
                return
            }
            do {
                try await database.decideDuplicate(complaint: id, episode: episode, link: link, actor: .commandLine)
            } catch {
                throw CommandFailure.complaintLog(error)
            }
            print(
                link
                    ? "Klage \(id) er koblet til episode \(episode)."
                    : "Klage \(id) er ikke samme episode som \(episode); merket er fjernet.")
        }
    }

    /// `skjenk complaints unlink ID`.
    struct Unlink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ta en klage ut av episoden den er knyttet til.")

        @OptionGroup var store: StoreOptions

        @Argument(help: ArgumentHelp("Klagens nummer.", valueName: "ID"))
        var id: Int64

        func run() async throws {
            do {
                try await store.openStore().unlinkEpisode(id, actor: .commandLine)
                print("Klage \(id) er tatt ut av episoden.")
            } catch {
                throw CommandFailure.complaintLog(error)
            }
        }
    }

    /// `skjenk complaints venue ID`: links a complaint to a venue later.
    struct Venue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Knytt en klage til et sted (når den ble registrert med bare adresse, eller feil sted).")

        @OptionGroup var store: StoreOptions

        @Argument(help: ArgumentHelp("Klagens nummer.", valueName: "ID"))
        var id: Int64
        @Option(name: .long, help: ArgumentHelp("Stedets navn.", valueName: "NAME"))
        var venue: String?
        @Option(name: .long, help: ArgumentHelp("Organisasjonsnummeret.", valueName: "ORGNR"))
        var orgnr: String?
        @Option(name: .long, help: ArgumentHelp("Adressen.", valueName: "STREET"))
        var address: String?
        @Option(name: .long, help: ArgumentHelp("Postnummer.", valueName: "NNNN"))
        var postalCode: String?

        func validate() throws {
            guard venue != nil || orgnr != nil || address != nil else {
                throw ValidationError("oppgi --venue, --orgnr eller --address")
            }
            _ = try organisationNumber(orgnr)
        }

        func run() async throws {
            let database = try await store.openStore()
            let current = try await database.existingComplaint(id, includingComplainant: false).venue
            // What is given replaces; what is not given is kept (a known address stays when the venue is named).
            let given = ComplaintVenue(
                name: venue ?? current.name,
                organisationNumber: try organisationNumber(orgnr)
                    ?? current.organisationNumber,
                street: address ?? current.street, postalCode: postalCode ?? current.postalCode)
            do {
                let (resolved, notes) = try await ComplaintVenueResolver(registers: database, addresses: database)
                    .resolve(given)
                try await database.updateVenue(resolved, ofComplaint: id, actor: .commandLine)
                print("Klage \(id) gjelder nå \(resolved.label).")
                for note in notes { print("  \(note)") }
            } catch {
                throw CommandFailure.complaintLog(error)
            }
        }
    }
}

/// Adds `step` and prints the complaint's new state; a closing step with its answer from `replies`.
/// The answer is signed with the district as its policy names it (`policies`, when a policy file is
/// there) and the complaint's officer by their profile.
private func record(
    _ step: FollowUpStep, id: Int64, store: StoreOptions, replies: ComplaintReplyComposer? = nil,
    policies: PolicySet? = nil
) async throws {
    let database = try await store.openStore()
    do {
        let entry =
            if let replies {
                try await ComplaintDesk.addStep(
                    step, to: id, store: database, replies: replies,
                    signature: try await replySignature(id, policies: policies, database: database),
                    actor: .commandLine, now: Date())
            } else {
                try await database.addStep(step, toComplaint: id, actor: .commandLine)
            }
        print(ComplaintReport.stepped(entry))
    } catch {
        throw CommandFailure.complaintLog(error)
    }
}

/// Who signs the answer to complaint `id`'s complainant: its district and its officer.
private func replySignature(_ id: Int64, policies: PolicySet?, database: any AppStore) async throws -> ReplySignature {
    let existing = try await database.complaint(id: id, includingComplainant: false)
    return try await StatementWork.replySignature(
        officer: existing?.officer, district: existing?.district,
        policy: try? policies?.policy(forDistrict: existing?.district), database: database)
}
