import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore

extension Skjenk {
    /// `skjenk review CASENUMBER [submit|approve|return|sent]`: the statement's review trail.
    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Behandling av uttalelsen: send til behandling, vedta, send tilbake, merk som sendt.",
            discussion: """
                utkast → til behandling (submit) → vedtatt (approve --route direktor|bu|komite …) → sendt \
                (sent --date). return --comment sender et utkast til behandling tilbake. Uten handling vises \
                status og historikk.
                """)

        enum Step: String, ExpressibleByArgument, CaseIterable {
            case submit, approve, `return`, sent
        }

        @OptionGroup var store: StoreOptions
        @OptionGroup var policyOptions: PolicyOptions
        @OptionGroup var decision: DecisionOptions
        @OptionGroup var today: TodayOption

        @Argument(help: ArgumentHelp("Saksnummer.", valueName: "CASENUMBER"))
        var caseNumber: String
        @Argument(help: ArgumentHelp("submit, approve, return eller sent.", valueName: "STEP"))
        var step: Step?
        @Option(name: .long, help: ArgumentHelp("Hvorfor utkastet sendes tilbake (return).", valueName: "TEXT"))
        var comment: String?
        @Option(name: .long, help: ArgumentHelp("Dato uttalelsen ble sendt (sent; standard i dag).", valueName: "DATE"))
        var date: LocalDate?
        @Option(
            name: .long,
            help: ArgumentHelp(
                "Hvem som vedtar (approve): en bruker med rollen leder (direktør) eller bu (bydelsutvalg, komité); "
                    + "aldri den som skrev eller sendte utkastet.", valueName: "USER"))
        var by: String?

        func validate() throws {
            if (try? CaseNumber(caseNumber)) == nil {
                throw ValidationError("«\(caseNumber)» er ikke et saksnummer (ÅÅÅÅ/N eller ÅÅ/N, ev. med -D)")
            }
            if step == .approve && decision.route == nil {
                throw ValidationError("approve trenger --route direktor, bu eller komite (med --meeting og --item)")
            }
            if step == .return && comment == nil { throw ValidationError("return trenger --comment") }
            if step == .approve && by == nil {
                throw ValidationError("approve trenger --by BRUKER: den som vedtar (leder eller bu), ikke den som skrev")
            }
        }

        func run() async throws {
            let database = try await store.openStore()
            let stored = try await StatementWork.storedCase(caseNumber, in: database)
            let number = stored.hearing.caseNumber
            guard let step else {
                let status = try await database.review(of: number)
                var lines = ["Uttalelsen i sak \(number.text): \(status.state.label)."]
                if let decision = status.decision { lines.append("Vedtak: \(decision.label).") }
                if let sent = status.sentDate { lines.append("Sendt: \(NorwegianFormat.longDate(sent)).") }
                if let comment = status.comment { lines.append("Siste kommentar: \(comment)") }
                let trail = try await database.statementAuditTrail(number)
                if !trail.isEmpty { lines.append("") }
                for event in trail {
                    lines.append(
                        "  \(NorwegianFormat.dateTime(event.at))  \(event.actor) (\(event.channel))  \(event.action)  \(event.detail)"
                    )
                }
                print(lines.joined(separator: "\n"))
                return
            }
            let action: ReviewAction
            switch step {
            case .submit: action = .submit
            case .return: action = .returnToDraft(comment: comment ?? "")
            case .sent: action = .markSent(date ?? today.date)
            case .approve: action = .approve(decision.decision!)
            }
            do {
                // The approver is named: the store holds the four-eyes rule for every channel.
                let actor = step == .approve ? Actor(name: by!, channel: "cli") : .commandLine
                let status = try await StatementDesk.review(
                    action, of: stored, policies: policyOptions.policies, store: database, today: today.date,
                    actor: actor)
                print("Uttalelsen i sak \(number.text) er nå \(status.state.label).")
            } catch let error as StatementDeskError {
                throw CommandFailure(message: error.description)
            } catch let error as StatementStoreError {
                // The store's words are for every channel; the command line adds its own flags.
                switch error {
                case .review(.missingComment): throw CommandFailure(message: error.description + " (--comment)")
                case .review(.noDraft):
                    throw CommandFailure(message: error.description + " med «skjenk draft \(number.text)»")
                default: throw CommandFailure(message: error.description)
                }
            }
        }
    }
}
