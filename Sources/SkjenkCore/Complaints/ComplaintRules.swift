import Foundation

/// Checks a complaint before it is stored. Messages say what is wrong without repeating the
/// complainant's details: they may end up in a terminal, a log or a screenshot.
public enum ComplaintRules {
    /// Longest description kept (about two pages).
    public static let maxDescription = 4000
    /// Longest short text (names, addresses, officers, period texts).
    public static let maxShortText = 200

    /// Every problem with `entry` received by `now`, in Norwegian; empty when it may be stored.
    public static func problems(_ entry: ComplaintLogEntry, now: Date) -> [String] {
        var problems: [String] = []
        if entry.categories.isEmpty {
            problems.append("oppgi minst én kategori (\(ComplaintCategory.codes.joined(separator: ", ")))")
        }
        let venue = entry.venue
        if venue.name == nil && venue.organisationNumber == nil && venue.street == nil && venue.position == nil {
            problems.append("oppgi stedet: navn, organisasjonsnummer, adresse eller posisjon")
        }
        if let postalCode = venue.postalCode, !(postalCode.count == 4 && postalCode.allSatisfy(\.isASCIIDigit)) {
            problems.append("postnummeret «\(postalCode)» skal ha fire sifre")
        }
        if let street = venue.street, StreetAddress(street) == nil {
            problems.append(
                "adressen «\(clipped(street))» mangler gatenavn og husnummer (for eksempel «Thereses gate 10»)")
        }
        let received = entry.receivedDate
        if entry.receivedAt > now.addingTimeInterval(300) {
            problems.append("mottatt-tidspunktet er frem i tid")
        }
        if received < entry.incident.start {
            problems.append(
                "hendelsen (\(NorwegianFormat.date(entry.incident.start))) kan ikke være etter at klagen ble mottatt "
                    + "(\(NorwegianFormat.date(received)))")
        }
        if let end = entry.incident.end, end < entry.incident.start {
            problems.append(
                "hendelsen kan ikke slutte (\(NorwegianFormat.date(end))) før den begynner "
                    + "(\(NorwegianFormat.date(entry.incident.start)))")
        }
        if entry.officer.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("oppgi ansvarlig saksbehandler")
        }
        for (text, what) in [
            (entry.officer, "saksbehandleren"), (venue.name, "stedsnavnet"), (venue.street, "adressen"),
            (entry.incident.text, "tidsrommet"),
        ] {
            if let text, text.count > maxShortText { problems.append("\(what) er lengre enn \(maxShortText) tegn") }
        }
        if let description = entry.description, description.count > maxDescription {
            problems.append("beskrivelsen er lengre enn \(maxDescription) tegn; legg lange vedlegg i arkivet")
        }
        if let complainant = entry.complainant { problems += complainantProblems(complainant) }
        return problems
    }

    /// What is wrong with the complainant's details, without quoting them.
    public static func complainantProblems(_ complainant: Complainant) -> [String] {
        var problems: [String] = []
        if let email = complainant.email, !isEmail(email) { problems.append("e-postadressen til klageren er ugyldig") }
        if let phone = complainant.phone, !isPhone(phone) {
            problems.append("telefonnummeret til klageren er ugyldig (8–15 sifre, ev. med + og mellomrom)")
        }
        for (text, what) in [(complainant.name, "navnet"), (complainant.address, "adressen")] {
            if let text, text.count > maxShortText {
                problems.append("\(what) til klageren er lengre enn \(maxShortText) tegn")
            }
        }
        return problems
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
    }

    static func isPhone(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.hasPrefix("+") { rest = rest.dropFirst() }
        guard rest.allSatisfy({ $0.isASCIIDigit || $0 == " " || $0 == "-" }) else { return false }
        let digits = rest.filter(\.isASCIIDigit).count
        return (8...15).contains(digits)
    }

    private static func clipped(_ text: String) -> String { text.count > 60 ? text.prefix(60) + "…" : text }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
