import ArgumentParser
import Foundation
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
            let reader: HearingXMLReader
            do {
                reader = try HearingXMLReader()
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            // Opened on the first accepted file: rejected input does not even create a database.
            var database: (any AppStore)?
            let actor = Actor.commandLine
            var total = HearingStoreSummary()
            var rejected = 0

            for file in files {
                let result = reader.read(contentsOf: URL(fileURLWithPath: file), displayName: file, strict: !lenient)
                for diagnostic in result.diagnostics { Terminal.error(diagnostic.description) }
                guard result.isAccepted else {
                    rejected += 1
                    Terminal.error(
                        "\(file): avvist, ingenting er lagret "
                            + "(\(result.diagnostics.count { $0.severity == .error }) feil)")
                    continue
                }
                let showProgress = result.hearings.count > 300
                let summary: HearingStoreSummary
                do {
                    let target = try database ?? store.openStore()
                    database = target
                    summary = try await target.storeHearings(
                        result.hearings.map(\.hearing), source: (file as NSString).lastPathComponent, actor: actor,
                        progress: showProgress ? Self.progress(file) : nil)
                } catch let failure as CommandFailure {
                    throw failure
                } catch {
                    rejected += 1
                    Terminal.error("\(file): kunne ikke lagres, ingenting er lagret: \(error)")
                    continue
                }
                total.created += summary.created
                total.updated += summary.updated
                total.unchanged += summary.unchanged
                print(
                    "\(file): \(summary.created.count) nye, \(summary.updated.count) oppdatert, "
                        + "\(summary.unchanged.count) uendret")
            }
            print(
                "Totalt: \(total.created.count) nye, \(total.updated.count) oppdatert, \(total.unchanged.count) uendret; "
                    + "\(rejected) av \(files.count) \(files.count == 1 ? "fil" : "filer") avvist.")
            if rejected > 0 { throw CommandFailure.alreadyReported }
        }

        private static func progress(_ file: String) -> StoreProgress {
            let interactive = Terminal.errorIsTerminal
            return { done, total in
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
