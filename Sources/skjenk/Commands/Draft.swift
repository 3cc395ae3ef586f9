import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore

extension StatementOutcome: ExpressibleByArgument {}
extension StatementFormat: ExpressibleByArgument {}

/// Who decides: `direktor`, `bu` or `komite`, with what each needs.
struct DecisionOptions: ParsableArguments {
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case direktor, bu, komite
    }

    @Option(name: .long, help: ArgumentHelp("Vedtaksvei: direktor (delegert), bu eller komite.", valueName: "ROUTE"))
    var route: Kind?
    @Option(
        name: .long, help: ArgumentHelp("Utvalget (for komite; for bu standard «bydelsutvalget»).", valueName: "NAME"))
    var body: String?
    @Option(name: .long, help: ArgumentHelp("Møtedato (bu/komite).", valueName: "DATE"))
    var meeting: LocalDate?
    @Option(name: .long, help: ArgumentHelp("Saksnummer i møtet, som 45/26 (bu/komite).", valueName: "ITEM"))
    var item: String?
    @Option(name: .long, help: ArgumentHelp("Hvem som signerer (direktor).", valueName: "NAME"))
    var signatory: String?

    func validate() throws {
        switch route {
        case .bu?, .komite?:
            guard meeting != nil, let item, !item.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--route \(route!.rawValue) trenger --meeting DATO og --item SAKSNR")
            }
            if route == .komite && body == nil { throw ValidationError("--route komite trenger --body NAVN") }
        default:
            if meeting != nil || item != nil || body != nil {
                throw ValidationError("--meeting, --item og --body hører til --route bu eller komite")
            }
        }
    }

    /// The route given, or nil when none was.
    var decision: DecisionRoute? {
        switch route {
        case nil: nil
        case .direktor?: .delegated(signatory: signatory)
        case .bu?: .council(body: body ?? "bydelsutvalget", meetingDate: meeting!, itemNumber: item!)
        case .komite?: .council(body: body!, meetingDate: meeting!, itemNumber: item!)
        }
    }
}

extension Skjenk {
    /// `skjenk draft`: composes, stores, edits and exports statement drafts.
    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lag, lagre og skriv ut utkast til høringsuttalelse.",
            discussion: """
                Uten --edit eller --export lages et nytt utkast fra malene og lagres som ny versjon. \
                --edit FIL lagrer en redigert tekst (Markdown) som ny versjon uten å miste den genererte. \
                --export FORMAT --output STI skriver gjeldende versjon (html, docx, md, arkivmelding). \
                --all lager utkast for alle åpne saker og skriver dem til --output-dir.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var policyOptions: PolicyOptions
        @OptionGroup var templateOptions: TemplateOptions
        @OptionGroup var decision: DecisionOptions
        @OptionGroup var today: TodayOption

        @Argument(help: ArgumentHelp("Saksnummer.", valueName: "CASENUMBER"))
        var caseNumber: String?
        @Flag(name: .long, help: "Lag utkast for alle åpne saker.")
        var all = false
        @Option(
            name: .long,
            help: ArgumentHelp("Konklusjon: \(StatementOutcome.codes.joined(separator: ", ")).", valueName: "CODE"))
        var outcome: StatementOutcome?
        @Option(name: .long, help: ArgumentHelp("Bydelens referanse.", valueName: "TEXT"))
        var reference: String?
        @Option(
            name: .long,
            help: ArgumentHelp(
                "Saksbehandleren uttalelsen nevner: et brukernavn med fullt navn (skjenk users profile), eller fullt "
                    + "navn. Standard $SKJENK_OFFICER.", valueName: "NAME"))
        var officer: String?
        @Flag(name: .long, help: "Kort standarduttalelse (én side), uansett søknadstype.")
        var kort = false
        @Flag(name: .long, help: "Full uttalelse, også der policyen gir kort.")
        var full = false
        @Option(
            name: .long, help: ArgumentHelp("Lagre en redigert tekst (Markdown) som ny versjon.", valueName: "FILE"))
        var edit: String?
        @Option(
            name: .long,
            help: ArgumentHelp("Skriv gjeldende versjon: html, docx, md eller arkivmelding.", valueName: "FORMAT"))
        var export: StatementFormat?
        @Option(name: .long, help: ArgumentHelp("Fil (eller mappe for arkivmelding) å skrive til.", valueName: "PATH"))
        var output: String?
        @Option(name: .long, help: ArgumentHelp("Mappe for uttalelsene med --all.", valueName: "DIR"))
        var outputDir: String?
        @Option(name: .long, help: ArgumentHelp("Formater med --all (standard html,docx).", valueName: "LIST"))
        var formats: String = "html,docx"
        @Flag(name: .long, help: "Vis versjonene med forfatter, tid og om de er utdatert.")
        var versions = false

        func validate() throws {
            guard all != (caseNumber != nil) else { throw ValidationError("oppgi enten et saksnummer eller --all") }
            if let caseNumber, (try? CaseNumber(caseNumber)) == nil {
                throw ValidationError("«\(caseNumber)» er ikke et saksnummer (ÅÅÅÅ/N eller ÅÅ/N, ev. med -D)")
            }
            if export != nil && output == nil { throw ValidationError("--export trenger --output STI") }
            if all {
                guard outputDir != nil else { throw ValidationError("--all trenger --output-dir MAPPE") }
                guard edit == nil, export == nil, !versions else {
                    throw ValidationError("--all kan ikke kombineres med --edit, --export eller --versions")
                }
                _ = try allFormats()
            }
            if kort && full { throw ValidationError("velg enten --kort eller --full") }
            if [edit != nil, export != nil, versions].filter({ $0 }).count > 1 {
                throw ValidationError("velg én av --edit, --export og --versions")
            }
        }

        func allFormats() throws -> [StatementFormat] {
            try formats.split(separator: ",").map { code in
                guard let format = StatementFormat(code: code.trimmingCharacters(in: .whitespaces)), format != .archive
                else { throw ValidationError("--formats: «\(code)» er ikke html, docx eller md") }
                return format
            }
        }

        func run() async throws {
            let database = try await store.openStore()
            if all {
                try await draftAll(database)
                return
            }
            let stored = try await StatementWork.storedCase(caseNumber!, in: database)
            if let edit {
                try await storeEdit(edit, stored: stored, database: database)
            } else if let export {
                try await exportCurrent(export, stored: stored, database: database)
            } else if versions {
                try await listVersions(stored: stored, database: database)
            } else {
                let templates = try templateOptions.load()
                let prepared = try await StatementWork.prepare(
                    [stored], policies: try policyOptions.policies(), database: database, today: today.date)
                let draft = try await compose(
                    prepared[0], templates: templates, database: database,
                    officer: try await officerContact(database))
                print(
                    "Utkast versjon \(draft.version) er lagret for sak \(stored.hearing.caseNumber.text): "
                        + "\(draft.outcome.label), \(draft.route.label).")
            }
        }

        /// The officer the letter names (`StatementWork.officerContact`).
        func officerContact(_ database: any AppStore) async throws -> OfficerContact? {
            try await StatementWork.officerContact(officer, database: database)
        }

        /// Composes a new version from the templates and stores it.
        func compose(
            _ prepared: PreparedCase, templates: TemplateSet, database: any AppStore, officer: OfficerContact?
        ) async throws
            -> StatementDraft
        {
            do {
                return try await StatementDesk.compose(
                    prepared, outcome: outcome, route: decision.decision, reference: reference, today: today.date,
                    templates: templates, store: database, actor: .commandLine, officer: officer,
                    length: kort ? .short : (full ? .full : .automatic))
            } catch let error as StatementStoreError {
                throw CommandFailure(message: error.description)
            } catch let conflict as OutcomeConflict {
                throw CommandFailure(
                    message: "sak \(prepared.hearing.caseNumber.text): \(conflict.description); ingen utkast er lagret")
            } catch let problem as TemplateSet.Problem {
                throw CommandFailure(message: "malene kan ikke brukes: \(problem)")
            }
        }

        func draftAll(_ database: any AppStore) async throws {
            let templates = try templateOptions.load()
            let formats = try allFormats()
            let folder = URL(fileURLWithPath: outputDir!)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure(message: "kan ikke lage mappen \(outputDir!)")
            }
            let cases = try await database.cases(status: [.open])
            let prepared = try await StatementWork.prepare(
                cases, policies: try policyOptions.policies(), database: database, today: today.date)
            let officer = try await officerContact(database)
            for item in prepared {
                let draft = try await compose(item, templates: templates, database: database, officer: officer)
                for format in formats {
                    let path = folder.appendingPathComponent(
                        "\(StatementDesk.fileStem(draft.caseNumber)).\(format.fileExtension)"
                    ).path
                    try StatementWork.write(try StatementWork.render(draft, as: format, templates: templates), to: path)
                }
            }
            print(
                "\(prepared.count) utkast er lagret og skrevet til \(outputDir!) "
                    + "(\(formats.map(\.code).joined(separator: ", "))).")
        }

        func storeEdit(_ path: String, stored: StoredCase, database: any AppStore) async throws {
            guard let previous = try await database.drafts(of: stored.hearing.caseNumber).last else {
                throw CommandFailure(
                    message:
                        "saken har ikke noe utkast å redigere; lag et først med «skjenk draft \(stored.hearing.caseNumber.text)»"
                )
            }
            let url = URL(fileURLWithPath: path)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= 2_000_000, let data = try? Data(contentsOf: url) else {
                throw CommandFailure(message: "\(path) finnes ikke, kan ikke leses eller er større enn 2 MB")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandFailure(message: "\(path) er ikke UTF-8")
            }
            guard text.contains(where: { !$0.isWhitespace }) else { throw CommandFailure(message: "\(path) er tom") }
            // The edit stands on the version it was made from: the same case version and assessment.
            let stored = try await StatementDesk.storeEdit(
                text, of: previous.caseNumber, store: database, actor: .commandLine)!
            print("Redigert tekst er lagret som versjon \(stored.version); versjon \(previous.version) er beholdt.")
        }

        func exportCurrent(_ format: StatementFormat, stored: StoredCase, database: any AppStore) async throws {
            let number = stored.hearing.caseNumber
            do {
                if let version = try await StatementDesk.staleVersion(
                    of: stored, policies: try policyOptions.policies(), store: database, today: today.date)
                {
                    Terminal.error(
                        "skjenk: merk: versjon \(version) er utdatert – saken eller vurderingen er endret etter at den ble skrevet"
                    )
                }
                let templates = try templateOptions.load()
                if format == .archive {
                    try await writeArchive(stored, database: database, templates: templates)
                    return
                }
                let file = try await StatementDesk.export(number, as: format, store: database, templates: templates)
                try StatementWork.write(file.data, to: output!)
                print(
                    "Versjon \(file.draft.version) av uttalelsen i sak \(number.text) er skrevet til \(output!) (\(format.label))."
                )
            } catch StatementDeskError.noDraft {
                throw CommandFailure(message: "saken har ikke noe utkast; lag et med «skjenk draft \(number.text)»")
            } catch let error as StatementDeskError {
                throw CommandFailure(message: error.description + " (se «skjenk review \(number.text)»)")
            } catch let problem as TemplateSet.Problem {
                throw CommandFailure(message: "malene kan ikke brukes: \(problem)")
            } catch let problem as PDFConverter.Problem {
                throw CommandFailure(message: problem.description)
            } catch let problem as MapRasterizer.Problem {
                throw CommandFailure(message: problem.description)
            }
        }

        /// The archive package as a folder: the same parts as the web's zip.
        func writeArchive(_ stored: StoredCase, database: any AppStore, templates: TemplateSet) async throws {
            let parts = try await StatementDesk.archive(stored, store: database, templates: templates, created: Date())
            let folder = URL(fileURLWithPath: output!)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure(message: "kan ikke lage mappen \(output!)")
            }
            try StatementWork.write(parts.pdf, to: folder.appendingPathComponent("uttalelse.pdf").path)
            try StatementWork.write(Data(parts.xml.utf8), to: folder.appendingPathComponent("arkivmelding.xml").path)
            for attachment in parts.attachments {
                try StatementWork.write(attachment.file, to: folder.appendingPathComponent(attachment.fileName).path)
            }
            let files = ["arkivmelding.xml", "uttalelse.pdf"] + parts.attachments.map(\.fileName)
            print("Arkivmeldingen (\(NorwegianFormat.list(files)), PDF/A) er skrevet til \(output!).")
        }

        func listVersions(stored: StoredCase, database: any AppStore) async throws {
            let drafts = try await database.drafts(of: stored.hearing.caseNumber)
            guard !drafts.isEmpty else {
                print("Saken har ingen utkast.")
                return
            }
            let prepared = try await StatementWork.prepare(
                [stored], policies: try policyOptions.policies(), database: database, today: today.date)
            let digest = prepared[0].assessment.digest
            var table = TextTable(headers: ["Versjon", "Laget", "Av", "Type", "Konklusjon", "Status"])
            for draft in drafts {
                table.add([
                    String(draft.version), NorwegianFormat.dateTime(draft.createdAt), draft.author, draft.origin.label,
                    draft.outcome.label,
                    draft.isStale(hearingVersion: stored.version, assessmentDigest: digest)
                        ? "utdatert" : "gjeldende grunnlag",
                ])
            }
            let review = try await database.review(of: stored.hearing.caseNumber)
            print(table.render() + "\n\nBehandling: \(review.state.label).")
        }
    }
}
