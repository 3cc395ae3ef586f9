import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkStore

extension Skjenk {
    /// `skjenk users …`: accounts for the web application.
    struct Users: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Brukere av webapplikasjonen.",
            subcommands: [Add.self, List.self, Profile.self, Disable.self, Enable.self])

        /// Full name, title and contact: how a statement names its officer.
        struct ProfileOptions: ParsableArguments {
            @Option(name: .long, help: ArgumentHelp("Fullt navn, slik uttalelsene viser det.", valueName: "NAME"))
            var fullName: String?
            @Option(name: .long, help: ArgumentHelp("Tittel, som rådgiver.", valueName: "TITLE"))
            var title: String?
            @Option(name: .long, help: ArgumentHelp("Telefon.", valueName: "PHONE"))
            var phone: String?
            @Option(name: .long, help: ArgumentHelp("E-post.", valueName: "EMAIL"))
            var email: String?

            func validate() throws {
                if fullName == nil, title != nil || phone != nil || email != nil {
                    throw ValidationError("--title, --phone og --email trenger --full-name")
                }
                if let profile { _ = try profile.validated() }
            }

            var profile: OfficerContact? {
                fullName.map { OfficerContact(fullName: $0, title: title, phone: phone, email: email) }
            }
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Legg inn en bruker. Passordet leses fra terminalen (eller standard inn), aldri fra et flagg."
            )

            @OptionGroup var store: StoreOptions
            @Argument(help: ArgumentHelp("Brukernavn.", valueName: "NAME"))
            var name: String
            @Option(
                name: .long,
                help: ArgumentHelp("Rolle: saksbehandler, klagebehandler, bu, leder eller admin.", valueName: "ROLE"))
            var role: Role
            @Option(
                name: .long,
                help: ArgumentHelp("Bydelen brukeren arbeider for, som høringene skriver den (St. Hanshaugen).",
                    valueName: "DISTRICT"))
            var district: String?
            @OptionGroup var profile: ProfileOptions

            func run() async throws {
                let password = try Password.read(prompt: "Passord for \(name): ")
                if let problem = PasswordRules.problem(password, userName: name) {
                    // Before the second prompt: nobody retypes a password that will be refused.
                    throw CommandFailure(message: problem)
                }
                if Password.isInteractive, try Password.read(prompt: "Gjenta passordet: ") != password {
                    throw CommandFailure(message: "passordene er ikke like; ingen bruker er lagt inn")
                }
                do {
                    let user = try await SkjenkApp.Accounts.addUser(
                        name: name, role: role, password: password, profile: profile.profile, district: district,
                        store: store.openStore(), actor: .commandLine)
                    print(
                        "Brukeren \(user.name) (\(user.role.label)\(user.district.map { ", \($0)" } ?? "")) er lagt inn.")
                } catch let error as UserStoreError {
                    throw CommandFailure(message: error.description)
                } catch let error as StoreError {
                    throw CommandFailure(message: error.description)
                } catch let refusal as SkjenkApp.Accounts.Refusal {
                    throw CommandFailure(message: refusal.description)
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List brukerne.")
            @OptionGroup var store: StoreOptions

            func run() async throws {
                var table = TextTable(headers: ["Bruker", "Navn", "Rolle", "Bydel", "Status", "Lagt inn"])
                for user in try await store.openStore().users() {
                    table.add([
                        user.name, user.profile?.nameAndTitle ?? "–", user.role.label, user.district ?? "–",
                        user.disabled ? "sperret" : "aktiv", NorwegianFormat.dateTime(user.createdAt),
                    ])
                }
                print(table.render())
            }
        }

        /// Blocks or reopens a user, with the store's refusal as the command's message.
        static func setDisabled(_ disabled: Bool, name: String, store: StoreOptions) async throws {
            do {
                try await store.openStore().setDisabled(disabled, name: name, actor: .commandLine)
                print("Brukeren \(name) er \(disabled ? "sperret" : "åpnet").")
            } catch let error as UserStoreError {
                throw CommandFailure(message: error.description)
            }
        }

        struct Profile: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Sett fullt navn, tittel, telefon og e-post for en bruker (det uttalelsene viser).")
            @OptionGroup var store: StoreOptions
            @Argument(help: ArgumentHelp("Brukernavn.", valueName: "NAME"))
            var name: String
            @OptionGroup var profile: ProfileOptions

            func validate() throws {
                if profile.fullName == nil { throw ValidationError("oppgi minst --full-name") }
            }

            func run() async throws {
                do {
                    try await store.openStore().setProfile(profile.profile!, name: name, actor: .commandLine)
                    print("Brukeren \(name) vises som «\(profile.profile!.nameAndTitle)» i uttalelsene.")
                } catch let error as UserStoreError {
                    throw CommandFailure(message: error.description)
                }
            }
        }

        struct Disable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Sperr en bruker (øktene avsluttes).")
            @OptionGroup var store: StoreOptions
            @Argument(help: ArgumentHelp("Brukernavn.", valueName: "NAME"))
            var name: String

            func run() async throws { try await Users.setDisabled(true, name: name, store: store) }
        }

        struct Enable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Åpne en sperret bruker igjen.")
            @OptionGroup var store: StoreOptions
            @Argument(help: ArgumentHelp("Brukernavn.", valueName: "NAME"))
            var name: String

            func run() async throws { try await Users.setDisabled(false, name: name, store: store) }
        }
    }
}

/// Reading a password without echo from a terminal, or a line from standard input otherwise.
enum Password {
    /// Whether the password is typed at a terminal (then it is asked for twice).
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    static func read(prompt: String) throws -> String {
        if isInteractive {
            guard let pointer = getpass(prompt) else { throw CommandFailure(message: "kunne ikke lese passordet") }
            return String(cString: pointer)
        }
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure(message: "passordet mangler på standard inn")
        }
        return line
    }
}

/// `skjenk apikeys`: keys for other systems (Open311 clients).
struct APIKeys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apikeys", abstract: "Nøkler for andre systemer (Open311).",
        subcommands: [Add.self, List.self, Revoke.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Utsted en nøkkel; den vises bare én gang og lagres bare som sjekksum.")
        @OptionGroup var store: StoreOptions
        @Argument(help: ArgumentHelp("Navnet på systemet som får nøkkelen.", valueName: "NAME"))
        var name: String
        @Option(
            name: .long,
            help: ArgumentHelp(
                "Bydelen systemet melder til og leser fra (som høringene skriver den, f.eks. «St. Hanshaugen»).",
                valueName: "DISTRICT"))
        var district: String?

        func run() async throws {
            do {
                let (key, stored) = try await SkjenkApp.Accounts.issueKey(
                    name: name, district: district, store: store.openStore(), actor: .commandLine)
                print(
                    "Nøkkel for \(stored.name)\(stored.district.map { " (bydel \($0))" } ?? "")"
                        + " (ta vare på den; den vises ikke igjen):")
                print(key)
            } catch let error as StoreError {
                throw CommandFailure(message: error.description)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Nøklene, med når de ble utstedt og trukket tilbake.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            for key in try await store.openStore().apiKeys() {
                let state = key.revokedAt.map { "trukket tilbake \(NorwegianFormat.dateTime($0))" } ?? "gyldig"
                print(
                    "\(key.name)\t\(key.district ?? "–")\tutstedt \(NorwegianFormat.dateTime(key.createdAt))\t\(state)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Trekk tilbake en nøkkel.")
        @OptionGroup var store: StoreOptions
        @Argument(help: ArgumentHelp("Navnet på nøkkelen.", valueName: "NAME"))
        var name: String

        func run() async throws {
            do {
                try await store.openStore().revokeAPIKey(name: name, actor: .commandLine)
                print("Nøkkelen \(name) er trukket tilbake.")
            } catch let error as StoreError {
                throw CommandFailure(message: error.description)
            }
        }
    }
}
