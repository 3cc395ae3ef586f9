import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkStore

/// `skjenk renewals`: the renewals with nothing against them, and short statements for all of them
/// in one action, to the director or a meeting.
struct Renewals: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renewals", abstract: "Fornyelser uten merknader: korte uttalelser for alle i én handling.",
        discussion: """
            Uten --draft vises de åpne fornyelsene der vurderingen ikke finner noe som taler mot søknaden.
            Med --draft får hver kort standarduttalelse («ingen merknader») og sendes til behandling: til
            bydelsdirektøren, eller med --meeting ID satt på møtets saksliste.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var templateOptions: TemplateOptions
    @OptionGroup var today: TodayOption
    @OptionGroup var district: DistrictOption
    @Flag(name: .long, help: "Lag de korte uttalelsene og send dem til behandling.")
    var draft = false
    @Option(name: .long, help: ArgumentHelp("Møtet uttalelsene settes på (med --draft).", valueName: "ID"))
    var meeting: Int64?
    @Option(name: .long, help: ArgumentHelp("Saksbehandleren brevene nevner (bruker eller fullt navn).", valueName: "NAME"))
    var officer: String?

    func validate() throws {
        if meeting != nil && !draft { throw ValidationError("--meeting brukes sammen med --draft") }
    }

    func run() async throws {
        let database = try await store.openStore()
        let candidates = try await RenewalDesk.candidates(
            store: database, policies: try policyOptions.policies(), district: try district.checked(),
            today: today.date)
        guard draft else {
            guard !candidates.isEmpty else { return print("Ingen fornyelser venter på kort uttalelse.") }
            var table = TextTable(headers: ["Sak", "Sted", "Frist"])
            for prepared in candidates {
                table.add([
                    prepared.hearing.caseNumber.text, prepared.hearing.venue.name,
                    NorwegianFormat.date(prepared.hearing.deadline),
                ])
            }
            let count = candidates.count == 1 ? "Én fornyelse" : "\(candidates.count) fornyelser"
            return print(table.render() + "\n\n\(count) uten merknader.")
        }
        var chosenMeeting: Meeting?
        if let meeting {
            guard let found = try await database.meeting(id: meeting) else {
                throw CommandFailure(message: "fant ikke møte nummer \(meeting)")
            }
            chosenMeeting = found
        }
        let outcome = try await RenewalDesk.draftAll(
            candidates, meeting: chosenMeeting, today: today.date, templates: try templateOptions.load(),
            store: database, actor: .commandLine,
            officer: try await StatementWork.officerContact(officer, database: database))
        for number in outcome.drafted {
            let item = outcome.onAgenda.first { $0.0 == number }?.1
            print("\(number.text): kort uttalelse sendt til behandling" + (item.map { ", sak \($0) i møtet" } ?? ""))
        }
        for (number, reason) in outcome.refused { Terminal.error("skjenk: \(number.text): ikke laget – \(reason)") }
        print("Fornyelser med kort uttalelse: \(outcome.drafted.count) av \(candidates.count).")
        if !outcome.refused.isEmpty { throw CommandFailure(message: "") }
    }
}
