import ArgumentParser
import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// `--templates DIR`: a district's own templates instead of the bundled ones.
struct TemplateOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Mappe med egne maler (standard: de innebygde; se Templates/README.md).", valueName: "DIR"))
    var templates: String?

    func load() throws -> TemplateSet {
        do {
            if let templates { return try TemplateSet(folder: URL(fileURLWithPath: templates)) }
            return try TemplateSet.bundledStatement()
        } catch {
            throw CommandFailure(message: "malene kan ikke brukes: \(error)")
        }
    }
}

/// A case made ready for its statement: the current hearing (placed by its address when needed),
/// its assessment and its map.
struct PreparedCase {
    let stored: StoredCase
    let hearing: Hearing
    let assessment: Assessment
    let mapSVG: String?
    let policy: Policy
}

/// Assessing cases for their statements, the same way `skjenk assess` does.
enum StatementWork {
    static func prepare(
        _ cases: [StoredCase], policy: Policy, database: SQLiteStore, today: LocalDate
    )
        async throws -> [PreparedCase]
    {
        let (hearings, context) = try await AssessmentInputs.load(
            cases.map(\.hearing), policy: policy, database: database, today: today)
        let assessments = Assessor.assessAll(hearings, context: context)
        return zip(cases, zip(hearings, assessments)).map { stored, pair in
            PreparedCase(
                stored: stored, hearing: pair.0, assessment: pair.1,
                mapSVG: StatementMap.gather(hearing: pair.0, context: context)?.svg(), policy: policy)
        }
    }

    /// The stored case, or a failure naming the number.
    static func storedCase(_ text: String, in database: SQLiteStore) async throws -> StoredCase {
        let number = try CaseNumber(text)
        guard let stored = try await database.storedCase(number) else {
            throw CommandFailure(message: "fant ingen sak med saksnummer \(number.text)")
        }
        return stored
    }

    /// "2026-05231": a case number as a file name.
    static func fileStem(_ number: CaseNumber) -> String { number.key.replacingOccurrences(of: "/", with: "-") }

    /// The bytes of `draft` in `format` (not the archive message, which is a package).
    static func render(_ draft: StatementDraft, as format: StatementFormat, templates: TemplateSet) throws -> Data {
        switch format {
        case .markdown: return Data(draft.markdown.utf8)
        case .html:
            do {
                return Data(
                    try StatementRenderer(templates: templates).html(markdown: draft.markdown, mapSVG: draft.mapSVG)
                        .utf8)
            } catch {
                throw CommandFailure(message: "malene kan ikke brukes: \(error)")
            }
        case .docx:
            let document = StatementDocument(markdown: draft.markdown)
            return try DocxWriter.docx(
                document, title: StatementRenderer.title(document), author: draft.author, created: draft.createdAt)
        case .archive:
            throw CommandFailure(
                message: "arkivmeldingen skrives som en pakke; bruk --export arkivmelding --output MAPPE")
        }
    }

    static func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(message: "kan ikke skrive \(path)")
        }
    }
}
