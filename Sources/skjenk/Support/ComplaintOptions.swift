import ArgumentParser
import Foundation
import SkjenkCore
import SkjenkStore

/// A kind is given on the command line by its Norwegian code (`stoey`, `avsluttet`), and help and
/// errors list the codes.
extension ExpressibleByArgument where Self: ExchangeCoded {
    public init?(argument: String) {
        self.init(code: argument)
    }

    public static var allValueStrings: [String] { codes }
}

extension Role: ExpressibleByArgument {}
extension ComplaintCategory: ExpressibleByArgument {}
extension ComplaintStatus: ExpressibleByArgument {}
extension ComplaintSource: ExpressibleByArgument {}
extension ClosingReason: ExpressibleByArgument {}
extension FollowUpAction: ExpressibleByArgument {}

/// `--orgnr`: checked in `validate()` so the message is Norwegian.
func organisationNumber(_ text: String?, option: String = "--orgnr") throws -> OrganisationNumber? {
    guard let text else { return nil }
    do {
        return try OrganisationNumber(text)
    } catch {
        throw ValidationError("\(option) «\(text)» er ikke et gyldig organisasjonsnummer")
    }
}

/// `--district`: the district whose complaint log a command works in, on a service for several
/// districts (the name as hearings write it); every district's, or none, when not given.
struct DistrictOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Bydelens klagelogg, på en tjeneste for flere bydeler (som høringene skriver den, «St. Hanshaugen»).",
            valueName: "DISTRICT"))
    var district: String?

    func validate() throws {
        _ = try checked()
    }

    /// The district as stored (a leading «Bydel» dropped), or the refusal in Norwegian.
    func checked() throws -> String? {
        do {
            return try StoreRules.checkedDistrict(district)
        } catch let error as StoreError {
            throw ValidationError("--district: \(error.description)")
        }
    }
}

/// `--venue`, `--status`, `--category`, `--district`: which complaints a listing or an export takes.
struct ComplaintSelectionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Sted: organisasjonsnummer, adresse eller del av navnet.", valueName: "TEXT"))
    var venue: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Status (kan gjentas): \(ComplaintStatus.codes.joined(separator: ", ")).", valueName: "CODE"))
    var status: [ComplaintStatus] = []
    @Option(name: .long, help: ArgumentHelp("Kategori.", valueName: "CODE"))
    var category: ComplaintCategory?
    @OptionGroup var district: DistrictOption

    /// The filter these options give; the statuses only when some were named.
    var filter: ComplaintFilter {
        ComplaintFilter(
            venue: venue, statuses: status.isEmpty ? nil : Set(status), category: category,
            district: try? district.checked())
    }
}

/// `--role`: whose eyes the output is for. Complainants' details are shown to staff only.
struct RoleOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Rolle: saksbehandler, klagebehandler eller bu (standard: $SKJENK_ROLE eller saksbehandler).",
            valueName: "ROLE"))
    var role: Role?

    var current: Role {
        if let role { return role }
        if let env = ProcessInfo.processInfo.environment["SKJENK_ROLE"], let role = Role(code: env) { return role }
        return .caseworker
    }
}

/// A time given on the command line: `2026-11-20T14:30`, `2026-11-20 14:30`, `20.11.2026`, in Oslo.
struct OsloInstant: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        guard let date = OsloTime.parse(argument) else { return nil }
        self.date = date
    }
}

extension CommandFailure {
    /// The failure for an error from the complaint log, in Norwegian.
    static func complaintLog(_ error: any Error) -> CommandFailure {
        if let error = error as? ComplaintLogError { return CommandFailure(message: error.description) }
        return CommandFailure(message: "\(error)")
    }
}

extension ComplaintStore {
    /// The complaint, or a failure naming the missing id.
    func existingComplaint(_ id: Int64, includingComplainant: Bool) async throws -> ComplaintLogEntry {
        guard let entry = try await complaint(id: id, includingComplainant: includingComplainant) else {
            throw CommandFailure(message: ComplaintLogError.notFound(id).description)
        }
        return entry
    }
}

extension Actor {
    /// The OS user on the command line.
    static var commandLine: Actor { Actor(name: Terminal.userName, channel: "cli") }
}
