import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkImport
import SkjenkStore

extension Skjenk {
    /// `skjenk import FILE...`: reads hearing XML files; each accepted file is stored in one
    /// transaction, a file with any error stores nothing.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importer høringer fra XML-filer.",
            discussion:
                "Hver fil lagres i én transaksjon: en fil med feil lagrer ingenting, og alle feil i filen vises "
                + "som FIL:LINJE:KOLONNE: saksnummer N: melding. Avslutter med status 1 når en fil er avvist.")

        @OptionGroup var store: StoreOptions

        @Flag(name: .long, help: "Ukjente elementer gir advarsel i stedet for feil.")
        var lenient = false

        @Argument(help: ArgumentHelp("Høringsfiler (XML).", valueName: "FILE"))
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("oppgi minst én fil") }
        }

        func run() async throws {
            let desk: HearingDesk
            do {
                desk = try HearingDesk()
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            // Opened on the first accepted file: rejected input does not even create a database.
            var database: (any AppStore)?
            var total = HearingStoreSummary()
            var rejected = 0

            for file in files {
                let outcome: HearingDesk.Outcome
                do {
                    outcome = try await desk.importFile(
                        at: URL(fileURLWithPath: file), displayName: file, strict: !lenient,
                        store: {
                            let opened: any AppStore
                            if let database { opened = database } else { opened = try await store.openStore() }
                            database = opened
                            return opened
                        }, actor: .commandLine, progress: Self.progress(file))
                } catch let failure as CommandFailure {
                    throw failure
                } catch {
                    rejected += 1
                    Terminal.error("\(file): kunne ikke lagres, ingenting er lagret: \(error)")
                    continue
                }
                for diagnostic in outcome.diagnostics { Terminal.error(diagnostic.description) }
                guard let summary = outcome.summary, let receipt = outcome.receipt else {
                    rejected += 1
                    Terminal.error(outcome.refusal ?? "\(file): avvist")
                    continue
                }
                total.created += summary.created
                total.updated += summary.updated
                total.unchanged += summary.unchanged
                print(receipt)
            }
            print(
                "Totalt: \(total.created.count) nye, \(total.updated.count) oppdatert, \(total.unchanged.count) uendret; "
                    + "\(rejected) av \(files.count) \(files.count == 1 ? "fil" : "filer") avvist.")
            if rejected > 0 { throw CommandFailure.alreadyReported }
        }

        /// Progress while a large file (more than 300 hearings) is stored.
        private static func progress(_ file: String) -> StoreProgress {
            let interactive = Terminal.errorIsTerminal
            return { done, total in
                guard total > 300 else { return }
                let line = "\(file): lagrer \(done) av \(total) høringer"
                if interactive {
                    FileHandle.standardError.write(Data(("\r" + line + (done == total ? "\n" : "")).utf8))
                } else {
                    Terminal.error(line)
                }
            }
        }
    }
}
