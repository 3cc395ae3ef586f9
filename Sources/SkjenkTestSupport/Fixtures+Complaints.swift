import Foundation
import SkjenkCore

extension Fixtures {
    /// An instant written in Oslo time (`2026-11-20 14:30`).
    public static func oslo(_ text: String) -> Date {
        guard let date = OsloTime.parse(text) else { preconditionFailure("not a time: \(text)") }
        return date
    }

    /// A day (`2026-11-20`).
    public static func day(_ text: String) -> LocalDate {
        try! LocalDate(iso: text)
    }

    /// A noise complaint about Pub Bislett (Pilestredet 63, org.nr. 974760673) received on
    /// `received`, with a complainant, for tests to vary.
    public static func complaintEntry(
        received: String = "2026-11-20 14:30", incident: String = "2026-11-19",
        categories: Set<ComplaintCategory> = [.noise],
        officer: String = "kari", due: String? = "2026-12-04", venue: ComplaintVenue? = nil,
        complainant: Complainant? = Complainant(
            name: "Kari Klagesen", phone: "+47 912 34 567", email: "kari.klagesen@example.no",
            address: "Pilestredet 61")
    ) -> ComplaintLogEntry {
        ComplaintLogEntry(
            receivedAt: oslo(received), incident: IncidentTime(start: day(incident)),
            venue: venue
                ?? ComplaintVenue(
                    name: "Pub Bislett", organisationNumber: try! OrganisationNumber("974760673"),
                    street: "Pilestredet 63", postalCode: "0350",
                    position: GeoPoint(latitude: 59.9240, longitude: 10.7338)),
            categories: categories, description: "Høy musikk fra bakgården til langt på natt.", source: .resident,
            officer: officer, nextDue: due.map(day), complainant: complainant)
    }
}
