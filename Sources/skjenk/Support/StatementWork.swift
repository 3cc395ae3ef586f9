import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// `--templates DIR`: a district's own templates instead of the bundled ones.
/// `--reply-templates DIR`: a district's own answers to complainants (a copy of `Templates/replies`).
struct ReplyTemplateOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Mappe med egne maler for svar til klagere (standard: de innebygde; se Templates/README.md).",
            valueName: "DIR"))
    var replyTemplates: String?

    func load() throws -> ComplaintReplyComposer {
        do {
            if let replyTemplates {
                return ComplaintReplyComposer(templates: try TemplateSet(folder: URL(fileURLWithPath: replyTemplates)))
            }
            return try ComplaintReplyComposer.bundled()
        } catch {
            throw CommandFailure(message: "svarmalene kan ikke brukes: \(error)")
        }
    }
}

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

/// Assessing cases for their statements, the same way `skjenk assess` does.
enum StatementWork {
    static func prepare(
        _ cases: [StoredCase], policies: PolicySet, database: any AppStore, today: LocalDate
    )
        async throws -> [PreparedCase]
    {
        try await StatementDesk.prepare(cases, policies: policies, store: database, today: today)
    }

    /// The stored case, or a failure naming the number.
    static func storedCase(_ text: String, in database: any AppStore) async throws -> StoredCase {
        let number = try CaseNumber(text)
        guard let stored = try await database.storedCase(number) else {
            throw CommandFailure(message: "fant ingen sak med saksnummer \(number.text)")
        }
        return stored
    }

    /// Who signs an answer to a complainant: the district as `policy` names it, and `officer` (a user
    /// name) by their profile when they have one.
    static func replySignature(
        officer: String?, district: String?, policy: Policy?, database: any AppStore
    ) async throws -> ReplySignature {
        var profile: OfficerContact?
        if let officer {
            profile = try await database.users().first { $0.name.lowercased() == officer.lowercased() }?.profile
        }
        return ComplaintDesk.signature(policy: policy, district: district, officer: profile)
    }

    /// The officer the letter names: a user's profile by login name, or a full name as given; a
    /// login without a full name is refused, and without any the letter says "(ikke oppgitt)".
    static func officerContact(_ officer: String?, database: any AppStore) async throws -> OfficerContact? {
        guard let given = (officer ?? ProcessInfo.processInfo.environment["SKJENK_OFFICER"])?
            .trimmingCharacters(in: .whitespaces), !given.isEmpty
        else {
            Terminal.error(
                "skjenk: merk: uttalelsen nevner ingen saksbehandler («Saksbehandler: (ikke oppgitt)»); "
                    + "oppgi --officer BRUKER eller fullt navn")
            return nil
        }
        if let user = try await database.users().first(where: { $0.name == given }) {
            guard let profile = user.profile else {
                throw CommandFailure(
                    message: "brukeren «\(given)» har ikke fullt navn; sett det med «skjenk users profile \(given) "
                        + "--full-name NAVN --title TITTEL»")
            }
            return profile
        }
        guard given.contains(" ") else {
            throw CommandFailure(message: "fant ingen bruker «\(given)»; oppgi brukernavnet eller fullt navn")
        }
        do {
            return try OfficerContact(fullName: given).validated()
        } catch {
            throw CommandFailure(message: "--officer: \(error)")
        }
    }

    /// The bytes of `draft` in `format`, or a failure the user can act on.
    static func render(
        _ draft: StatementDraft, as format: StatementFormat, templates: TemplateSet, approved: Bool = false
    ) throws -> Data {
        do {
            return try StatementDesk.render(draft, as: format, templates: templates, approved: approved)
        } catch is StatementDesk.ArchivePackageRequired {
            throw CommandFailure(
                message: "arkivmeldingen skrives som en pakke; bruk --export arkivmelding --output MAPPE")
        } catch let problem as TemplateSet.Problem {
            throw CommandFailure(message: "malene kan ikke brukes: \(problem)")
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
