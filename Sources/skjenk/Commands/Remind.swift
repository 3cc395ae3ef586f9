import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkMail

extension Skjenk {
    /// `skjenk remind`: the morning list by e-mail, one message per person per day.
    struct Remind: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send dagens påminnelse på e-post til hver bruker som har noe som venter.",
            discussion: """
                Hver aktive bruker med e-postadresse i profilen og noe på morgenlisten får én melding om dagen: \\
                antall og saksnummer, stedsnavn, møtesaker og klagenummer (K-12, kategori, sted), aldri \\
                opplysninger om klagere eller hva klagen gjelder. Sendte påminnelser føres i databasen, så en ny \\
                kjøring samme dag sender ingenting. E-posttjeneren: SKJENK_SMTP_HOST, SKJENK_SMTP_PORT (587), \\
                SKJENK_SMTP_STARTTLS (true), SKJENK_SMTP_USER, SKJENK_SMTP_PASSWORD og SKJENK_SMTP_FROM, eller \\
                valgene under (passordet bare i miljøet).
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var today: TodayOption

        @Option(
            name: .long,
            help: ArgumentHelp("Høringsfrister så mange dager frem (standard 7).", valueName: "DAYS"))
        var within = MorningList.defaultWithinDays
        @Flag(name: .long, help: "Vis hvem som ville fått melding, uten å sende eller føre noe.")
        var dryRun = false
        @Option(name: .long, help: ArgumentHelp("E-posttjeneren (SKJENK_SMTP_HOST).", valueName: "HOST"))
        var smtpHost: String?
        @Option(name: .long, help: ArgumentHelp("Porten (SKJENK_SMTP_PORT, standard 587).", valueName: "PORT"))
        var smtpPort: Int?
        @Option(
            name: .long,
            help: ArgumentHelp("STARTTLS: true eller false (SKJENK_SMTP_STARTTLS, standard true).", valueName: "BOOL"))
        var smtpStarttls: String?
        @Option(name: .long, help: ArgumentHelp("Brukernavnet hos e-posttjeneren (SKJENK_SMTP_USER).", valueName: "USER"))
        var smtpUser: String?
        @Option(name: .long, help: ArgumentHelp("Avsenderadressen (SKJENK_SMTP_FROM).", valueName: "ADDRESS"))
        var smtpFrom: String?

        func validate() throws {
            if within < 0 { throw ValidationError("--within kan ikke være negativ") }
        }

        /// The environment with the options laid over it; the password comes from the environment only.
        func settings() throws -> SMTPConfiguration {
            var environment = ProcessInfo.processInfo.environment
            environment["SKJENK_SMTP_HOST"] = smtpHost ?? environment["SKJENK_SMTP_HOST"]
            environment["SKJENK_SMTP_PORT"] = smtpPort.map(String.init) ?? environment["SKJENK_SMTP_PORT"]
            environment["SKJENK_SMTP_STARTTLS"] = smtpStarttls ?? environment["SKJENK_SMTP_STARTTLS"]
            environment["SKJENK_SMTP_USER"] = smtpUser ?? environment["SKJENK_SMTP_USER"]
            environment["SKJENK_SMTP_FROM"] = smtpFrom ?? environment["SKJENK_SMTP_FROM"]
            if dryRun, environment["SKJENK_SMTP_FROM"].map({ $0.isEmpty }) ?? true {
                environment["SKJENK_SMTP_FROM"] = "skjenk@localhost"
            }
            if dryRun, environment["SKJENK_SMTP_HOST"].map({ $0.isEmpty }) ?? true {
                environment["SKJENK_SMTP_HOST"] = "localhost"
            }
            do {
                return try SMTPConfiguration.fromEnvironment(environment)
            } catch {
                throw CommandFailure(message: "e-post: \(error.description)")
            }
        }

        func run() async throws {
            let configuration = try settings()
            let day = today.date
            let reports = try await ReminderDesk.sendReminders(
                store: try await store.openStore(), transport: SMTPClient(configuration: configuration),
                from: configuration.from, today: day, withinDays: within, now: Date(), dryRun: dryRun)
            if reports.isEmpty {
                print("Ingen har noe som venter \(NorwegianFormat.longDate(day)) (eller mangler e-postadresse).")
                return
            }
            var failed = 0
            for report in reports {
                let what = "\(report.user) <\(report.address)>: \(report.items) på listen"
                switch report.outcome {
                case .sent: print("Sendt til \(what)")
                case .wouldSend: print("Ville sendt til \(what)")
                case .alreadySent: print("Allerede sendt i dag: \(report.user)")
                case .failed(let reason):
                    failed += 1
                    Terminal.error("Ikke sendt til \(report.user): \(reason)")
                }
            }
            if failed > 0 { throw CommandFailure(message: "\(failed) påminnelser ble ikke sendt; kjør igjen senere") }
        }
    }
}
