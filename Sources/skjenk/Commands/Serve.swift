import ArgumentParser
import Foundation
import Hummingbird
import SkjenkCore
import SkjenkStore
import SkjenkWeb

extension Skjenk {
    /// `skjenk serve`: the web application.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start webapplikasjonen.",
            discussion: "Brukere legges inn med «skjenk users add». Bak TLS: bruk --secure-cookies.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var replyTemplates: ReplyTemplateOptions
        @OptionGroup var policyOptions: PolicyOptions
        @OptionGroup var templateOptions: TemplateOptions

        @Option(name: .long, help: ArgumentHelp("Adressen serveren lytter på.", valueName: "HOST"))
        var host = "127.0.0.1"
        @Option(name: .long, help: ArgumentHelp("Porten.", valueName: "PORT"))
        var port = 8080
        @Option(name: .long, help: ArgumentHelp("Mappe med egne sidemaler (standard: de innebygde).", valueName: "DIR"))
        var webTemplates: String?
        @Flag(name: .long, help: "Merk informasjonskapslene Secure (når serveren står bak HTTPS).")
        var secureCookies = false
        @Flag(
            name: .long,
            help: "Les klientens adresse fra X-Forwarded-For (bare bak en proxy som setter den, som bydelens).")
        var trustProxy = false
        @Option(
            name: .long,
            help: ArgumentHelp("Sekunder en forbindelse kan stå uten å sende noe før serveren lukker den.", valueName: "SEKUNDER"))
        var idleTimeout: Double = 30

        func validate() throws {
            guard (1...65_535).contains(port) else { throw ValidationError("--port skal være 1–65535") }
            guard idleTimeout.isFinite, (1...3_600).contains(idleTimeout) else {
                throw ValidationError("--idle-timeout skal være 1–3600 sekunder")
            }
        }

        func run() async throws {
            _ = try policyOptions.policies()
            let database = try await store.openStore()
            let services: WebServices
            var configuration = WebConfiguration(
                host: host, port: port, statementTemplates: templateOptions.templates.map(URL.init(fileURLWithPath:)),
                webTemplates: webTemplates.map(URL.init(fileURLWithPath:)), policyPath: policyOptions.path,
                secureCookies: secureCookies)
            configuration.trustForwardedFor = trustProxy
            configuration.idleTimeout = idleTimeout
            configuration.replyTemplates = replyTemplates.replyTemplates.map(URL.init(fileURLWithPath:))
            do {
                services = try WebServices(store: database, configuration: configuration)
            } catch {
                throw CommandFailure(message: "malene kan ikke brukes: \(error)")
            }
            Terminal.error("skjenk: lytter på http://\(host):\(port)/")
            try await buildApplication(services: services).runService()
        }
    }
}
