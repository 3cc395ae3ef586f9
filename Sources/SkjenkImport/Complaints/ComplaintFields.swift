import Foundation
import SkjenkCore

/// A complaint as text fields, from a spreadsheet row or a JSON object, before it is checked.
/// Keys are the canonical names below; each reader maps its own names to them.
struct ComplaintFields {
    static let reference = "nr"
    static let received = "mottatt"
    static let incident = "hendelse"
    static let incidentTime = "klokkeslett"
    static let incidentEnd = "hendelse_til"
    static let period = "tidsrom"
    static let venue = "sted"
    static let organisationNumber = "orgnr"
    static let street = "adresse"
    static let postalCode = "postnr"
    static let categories = "kategori"
    static let description = "beskrivelse"
    static let source = "kilde"
    static let officer = "ansvarlig"
    static let due = "frist"
    static let status = "status"
    static let closingReason = "avslutningsgrunn"
    static let closedAt = "avsluttet"
    static let complainantName = "klager_navn"
    static let complainantPhone = "klager_telefon"
    static let complainantEmail = "klager_epost"
    static let complainantAddress = "klager_adresse"

    /// Fields whose values are personal data: never quoted in a message.
    static let personal: Set<String> = [complainantName, complainantPhone, complainantEmail, complainantAddress]

    var values: [String: String]
    var categoryList: [String]

    /// The complaint, or every problem with the fields (in Norwegian, without personal data).
    /// `now` is the import's time (steps are dated by it); `actor` records them.
    /// Without a `mottatt` field the complaint counts as received at `defaultReceived`, when given.
    func entry(
        now: Date, actor: String, defaultReceived: Date? = nil
    ) -> Result<ComplaintLogEntry, ComplaintFieldProblems> {
        var problems: [String] = []
        func value(_ key: String) -> String? {
            guard let text = values[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                return nil
            }
            return text
        }
        func quoted(_ key: String) -> String { Self.personal.contains(key) ? "" : " «\(value(key) ?? "")»" }
        func date(_ key: String) -> LocalDate? {
            guard let text = value(key) else { return nil }
            guard let date = LocalDate(anyFormat: text) else {
                problems.append("\(key)\(quoted(key)) er ikke en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)")
                return nil
            }
            return date
        }
        func coded<T: ExchangeCoded>(_ key: String, _ type: T.Type) -> T? {
            guard let text = value(key) else { return nil }
            guard let match = Self.match(text, T.self) else {
                problems.append("\(key)\(quoted(key)) er ukjent; bruk en av \(T.codes.joined(separator: ", "))")
                return nil
            }
            return match
        }

        var received: Date?
        if let text = value(Self.received) {
            received = OsloTime.parse(text)
            if received == nil {
                problems.append("\(Self.received) «\(text)» er ikke et tidspunkt (ÅÅÅÅ-MM-DD TT:MM eller DD.MM.ÅÅÅÅ)")
            }
        } else if let defaultReceived {
            received = defaultReceived
        } else {
            problems.append("\(Self.received) mangler (når klagen kom inn)")
        }
        let incident = date(Self.incident)
        if value(Self.incident) == nil { problems.append("\(Self.incident) mangler (datoen hendelsen gjaldt)") }
        var time: TimeOfDay?
        if let text = value(Self.incidentTime) {
            time = try? TimeOfDay(text.replacingOccurrences(of: ".", with: ":"))
            if time == nil { problems.append("\(Self.incidentTime) «\(text)» er ikke et klokkeslett (TT:MM)") }
        }
        var number: OrganisationNumber?
        if let text = value(Self.organisationNumber) {
            number = try? OrganisationNumber(text.replacingOccurrences(of: " ", with: ""))
            if number == nil {
                problems.append("\(Self.organisationNumber) «\(text)» er ikke et gyldig organisasjonsnummer")
            }
        }
        var categories = Set<ComplaintCategory>()
        for text in categoryList.map({ $0.trimmingCharacters(in: .whitespaces) }) where !text.isEmpty {
            if let category = Self.match(text, ComplaintCategory.self) {
                categories.insert(category)
            } else {
                problems.append(
                    "\(Self.categories) «\(text)» er ukjent; bruk en av \(ComplaintCategory.codes.joined(separator: ", "))"
                )
            }
        }
        let source = coded(Self.source, ComplaintSource.self) ?? .resident
        let status = coded(Self.status, ComplaintStatus.self)
        let reason = coded(Self.closingReason, ClosingReason.self)
        let due = date(Self.due)
        let closedDate = date(Self.closedAt)
        if status == .closed && reason == nil {
            problems.append(
                "\(Self.closingReason) mangler for en avsluttet klage (\(ClosingReason.codes.joined(separator: ", ")))")
        }
        if reason != nil && status != .closed {
            problems.append("\(Self.closingReason) er oppgitt, men status er ikke avsluttet")
        }
        let complainant = Complainant(
            name: value(Self.complainantName), phone: value(Self.complainantPhone),
            email: value(Self.complainantEmail), address: value(Self.complainantAddress))

        guard problems.isEmpty, let received, let incident else { return .failure(ComplaintFieldProblems(problems)) }
        let officer = value(Self.officer) ?? actor
        var entry = ComplaintLogEntry(
            receivedAt: received,
            incident: IncidentTime(start: incident, time: time, end: date(Self.incidentEnd), text: value(Self.period)),
            venue: ComplaintVenue(
                name: value(Self.venue), organisationNumber: number, street: value(Self.street),
                postalCode: value(Self.postalCode)),
            categories: categories, description: value(Self.description), source: source, officer: officer,
            nextDue: due, complainant: complainant.isEmpty ? nil : complainant,
            externalReference: value(Self.reference))
        // A status other than "received" from the spreadsheet becomes a step, so the trail says where it came from.
        if let status, status != .received {
            // Registered in the spreadsheet when it came in; closed on the spreadsheet's date, else now.
            entry.steps = [FollowUpStep(action: .registered, by: actor, at: received, nextDue: due)]
            switch status {
            case .closed:
                let closedAt = closedDate.map { OsloTime.instant($0, at: .noon) } ?? now
                entry.steps.append(
                    FollowUpStep(
                        action: .closed, note: "avsluttet før import fra regnearket", by: officer,
                        at: max(closedAt, received), closingReason: reason))
            case .forwarded, .inFollowUp:
                entry.steps.append(
                    FollowUpStep(
                        action: status == .forwarded ? .forwardedElsewhere : .other,
                        note: "status «\(status.label)» fra regnearket", by: officer, at: received, nextDue: due))
            case .received: break
            }
        }
        return .success(entry)
    }

    /// The kind whose code or label `text` is: `stoey`, `støy`, `Støy (musikk)`, `uro/vold`, `uro`.
    static func match<T: ExchangeCoded>(_ text: String, _ type: T.Type) -> T? {
        // "Støy (musikk)" is støy: drop a parenthesis; each part of "uro/vold" names the category.
        let wanted = fold(String(text.split(separator: "(").first ?? ""))
        for value in T.allCases {
            let label = fold(value.label)
            let parts = label.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            if wanted == fold(value.code) || wanted == label || wanted == fold(value.rawValue)
                || (parts.count > 1 && parts.contains(wanted))
            {
                return value
            }
        }
        return nil
    }

    /// Lower-cased, with æ ø å written as the codes write them (ae, oe, aa) and dashes as spaces.
    static func fold(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "oe")
            .replacingOccurrences(of: "å", with: "aa").replacingOccurrences(of: "-", with: " ")
            .trimmingCharacters(in: .whitespaces)
    }
}

/// Every problem with one complaint's fields.
struct ComplaintFieldProblems: Error {
    let messages: [String]

    init(_ messages: [String]) {
        self.messages = messages
    }
}
