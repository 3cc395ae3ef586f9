import Foundation

/// When the incident happened: a day, perhaps a time, or a period told in words
/// ("hver helg siden mars").
public struct IncidentTime: Sendable, Hashable, Codable {
    /// The first (or only) day.
    public var start: LocalDate
    /// The clock time, when known: routing looks at it (music after 23.00 goes to the police).
    public var time: TimeOfDay?
    /// The last day of a period.
    public var end: LocalDate?
    /// The period as the complainant put it.
    public var text: String?

    public init(start: LocalDate, time: TimeOfDay? = nil, end: LocalDate? = nil, text: String? = nil) {
        self.start = start
        self.time = time
        self.end = end
        self.text = text
    }
}

/// The venue a complaint is about: a known venue (organisation number, name) or an address alone
/// when the venue is not known yet.
public struct ComplaintVenue: Sendable, Hashable, Codable {
    public var name: String?
    public var organisationNumber: OrganisationNumber?
    /// Street and number (`Thereses gate 10`).
    public var street: String?
    public var postalCode: String?
    public var position: GeoPoint?

    public init(
        name: String? = nil, organisationNumber: OrganisationNumber? = nil, street: String? = nil,
        postalCode: String? = nil, position: GeoPoint? = nil
    ) {
        self.name = name
        self.organisationNumber = organisationNumber
        self.street = street
        self.postalCode = postalCode
        self.position = position
    }

    /// How a person reads it: "Bar Boble (Thereses gate 10)", or the address alone.
    public var label: String {
        switch (name, street) {
        case (let name?, let street?): "\(name) (\(street))"
        case (let name?, nil): name
        case (nil, let street?): street
        case (nil, nil):
            organisationNumber.map { "org.nr. \($0.formatted)" }
                ?? position.map { String(format: "posisjon %.5f, %.5f", $0.latitude, $0.longitude) } ?? "ukjent sted"
        }
    }

    /// Whether two references are to the same venue: same holder, or same street address.
    public func isSameVenue(as other: ComplaintVenue) -> Bool {
        if let a = organisationNumber, let b = other.organisationNumber, a == b { return true }
        if let a = street, let b = other.street, StreetKey.make(a) == StreetKey.make(b) { return true }
        if let a = name, let b = other.name, a.localizedCaseInsensitiveCompare(b) == .orderedSame { return true }
        return false
    }
}

/// The complainant's contact details: personal data, optional, for staff only, and deleted when
/// the retention period has passed. Never part of a statement, an export or a log line.
public struct Complainant: Sendable, Hashable, Codable {
    public var name: String?
    public var phone: String?
    public var email: String?
    public var address: String?

    public init(name: String? = nil, phone: String? = nil, email: String? = nil, address: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
        self.address = address
    }

    public var isEmpty: Bool { [name, phone, email, address].allSatisfy { $0 == nil } }
}

/// One step in a complaint's follow-up: what was done, by whom, when, and when the next step is due.
public struct FollowUpStep: Sendable, Hashable, Codable {
    public var id: Int64?
    public var action: FollowUpAction
    public var note: String?
    /// The officer who did it.
    public var by: String
    public var at: Date
    /// When the next step is due (none once closed).
    public var nextDue: LocalDate?
    /// Set on a closing step.
    public var closingReason: ClosingReason?

    public init(
        id: Int64? = nil, action: FollowUpAction, note: String? = nil, by: String, at: Date,
        nextDue: LocalDate? = nil, closingReason: ClosingReason? = nil
    ) {
        self.id = id
        self.action = action
        self.note = note
        self.by = by
        self.at = at
        self.nextDue = nextDue
        self.closingReason = closingReason
    }
}

/// A complaint in the district's log (klagelogg): the whole record staff follow up. The
/// assessment reads only its `evidence`.
public struct ComplaintLogEntry: Sendable, Hashable {
    public var id: Int64?
    public var receivedAt: Date
    public var incident: IncidentTime
    public var venue: ComplaintVenue
    public var categories: Set<ComplaintCategory>
    public var description: String?
    public var source: ComplaintSource
    /// The responsible officer (ansvarlig saksbehandler).
    public var officer: String
    public var status: ComplaintStatus
    public var closingReason: ClosingReason?
    /// Complaints about the same episode share the id of the episode's first complaint.
    public var episodeId: Int64?
    /// When the next step is due; nil once closed.
    public var nextDue: LocalDate?
    /// The follow-up steps, oldest first (the first is `registered`).
    public var steps: [FollowUpStep]
    /// The complainant's details, when they were asked for by someone allowed to see them.
    public var complainant: Complainant?
    /// Whether details of the complainant are stored (whether or not they were loaded).
    public var hasComplainant: Bool
    /// When the personal data was removed after the retention period.
    public var purgedAt: Date?
    /// The id in the system it came from (the spreadsheet's number, an Open311 request id).
    public var externalReference: String?
    /// Open episodes this complaint is likely a duplicate of, and what the officer decided.
    public var duplicateFlags: [DuplicateFlag] = []
    /// The district whose log it is in ("St. Hanshaugen", as hearings name it): the district of whoever
    /// logged it (the officer, the API token's user, the Open311 key). Nil in a deployment for one district.
    public var district: String?

    public init(
        id: Int64? = nil, receivedAt: Date, incident: IncidentTime, venue: ComplaintVenue,
        categories: Set<ComplaintCategory>, description: String? = nil, source: ComplaintSource, officer: String,
        status: ComplaintStatus = .received, closingReason: ClosingReason? = nil, episodeId: Int64? = nil,
        nextDue: LocalDate? = nil, steps: [FollowUpStep] = [], complainant: Complainant? = nil,
        hasComplainant: Bool? = nil, purgedAt: Date? = nil, externalReference: String? = nil, district: String? = nil
    ) {
        self.id = id
        self.receivedAt = receivedAt
        self.incident = incident
        self.venue = venue
        self.categories = categories
        self.description = description
        self.source = source
        self.officer = officer
        self.status = status
        self.closingReason = closingReason
        self.episodeId = episodeId
        self.nextDue = nextDue
        self.steps = steps
        self.complainant = complainant
        self.hasComplainant = hasComplainant ?? (complainant.map { !$0.isEmpty } ?? false)
        self.purgedAt = purgedAt
        self.externalReference = externalReference
        self.district = district
    }

    /// The day it was received, in Oslo.
    public var receivedDate: LocalDate { OsloTime.today(at: receivedAt) }

    /// The episode this complaint counts in: its own id unless linked to another.
    public var episode: Int64? { episodeId ?? id }

    /// What the assessment reads: no complainant, no description, no officer.
    public var evidence: Complaint {
        Complaint(
            id: id, incidentDate: incident.start, categories: categories, venueName: venue.name,
            organisationNumber: venue.organisationNumber, street: venue.street, position: venue.position,
            unfounded: closingReason == .unfounded, episodeId: episodeId)
    }

    /// Days past the due date on `today` (0 when due today, negative when not yet due); nil when
    /// closed or without a due date.
    public func daysOverdue(on today: LocalDate) -> Int? {
        guard status.isOpen, let nextDue else { return nil }
        return nextDue.days(until: today)
    }

    public func isOverdue(on today: LocalDate) -> Bool { (daysOverdue(on: today) ?? -1) > 0 }
}
