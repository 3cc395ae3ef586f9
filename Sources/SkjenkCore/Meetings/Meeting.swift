import Foundation

/// A meeting of the district council (bydelsutvalget) or one of its committees, where statements
/// routed to that body are decided: a body, a date and numbered items (saksliste).
public struct Meeting: Sendable, Hashable {
    public var id: Int64
    /// The body as the statements name it: "bydelsutvalget" or a committee ("helse- og sosialkomiteen").
    public var body: String
    public var date: LocalDate
    /// The district whose meeting it is; nil in a deployment for one district.
    public var district: String?
    /// The items in their order.
    public var items: [MeetingItem]
    public var createdAt: Date
    public var createdBy: String

    public init(
        id: Int64, body: String, date: LocalDate, district: String?, items: [MeetingItem], createdAt: Date,
        createdBy: String
    ) {
        self.id = id
        self.body = body
        self.date = date
        self.district = district
        self.items = items
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    /// "bydelsutvalget 10. desember 2026".
    public var label: String { "\(body) \(NorwegianFormat.longDate(date))" }

    /// The decision an item of this meeting carries once adopted.
    public func decision(_ item: MeetingItem) -> DecisionRoute {
        .council(body: body, meetingDate: date, itemNumber: item.number)
    }

    /// Items whose outcome is not yet recorded.
    public var openItems: [MeetingItem] { items.filter { $0.outcome == nil } }
}

/// One item of a meeting: a hearing's statement, with the body's decision once recorded.
public struct MeetingItem: Sendable, Hashable {
    /// "32/26": the body's running number in the meeting's year, and the year's last two digits.
    public var number: String
    public var caseNumber: CaseNumber
    public var outcome: MeetingOutcome?
    /// The amended text (adopted with changes) or the reason (returned), as recorded.
    public var note: String?
    public var recordedAt: Date?
    public var recordedBy: String?

    public init(
        number: String, caseNumber: CaseNumber, outcome: MeetingOutcome? = nil, note: String? = nil,
        recordedAt: Date? = nil, recordedBy: String? = nil
    ) {
        self.number = number
        self.caseNumber = caseNumber
        self.outcome = outcome
        self.note = note
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    /// The item number for the `sequence`th item of a body in `year`: "32/26".
    public static func number(sequence: Int, year: Int) -> String {
        let yy = year % 100
        return "\(sequence)/\(yy < 10 ? "0" : "")\(yy)"
    }
}

/// What the body decided on an item.
public enum MeetingOutcome: String, ExchangeCoded {
    /// Adopted as the director proposed.
    case adopted
    /// Adopted with an amended text (the text as adopted becomes the statement).
    case amended
    /// Returned to the administration (sent back for a new draft).
    case returned

    public var code: String {
        switch self {
        case .adopted: "vedtatt"
        case .amended: "endret"
        case .returned: "tilbake"
        }
    }

    public var label: String {
        switch self {
        case .adopted: "vedtatt som foreslått"
        case .amended: "vedtatt med endringer"
        case .returned: "sendt tilbake"
        }
    }
}

/// The secretary's record of one item: the outcome and, for an amended text, the statement as
/// adopted (Markdown), for a returned item why.
public struct MeetingRecord: Sendable, Hashable {
    public var itemNumber: String
    public var outcome: MeetingOutcome
    public var text: String?

    public init(itemNumber: String, outcome: MeetingOutcome, text: String? = nil) {
        self.itemNumber = itemNumber
        self.outcome = outcome
        self.text = text
    }
}

/// Why a meeting, an item or a record is refused. Messages in Norwegian.
public enum MeetingProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case meetingNotFound(Int64)
    case invalidBody
    case caseNotFound(String)
    case otherDistrict(caseNumber: String, district: String)
    case notSubmitted(caseNumber: String, state: String)
    case delegatedDraft(caseNumber: String, body: String)
    case otherBody(caseNumber: String, draftBody: String, body: String)
    case alreadyOnMeeting(caseNumber: String, meeting: String, item: String)
    case itemNotFound(String)
    case alreadyRecorded(String)
    case missingText(String)

    public var description: String {
        switch self {
        case .meetingNotFound(let id): "fant ikke møte nummer \(id)"
        case .invalidBody: "oppgi organet som 2–100 tegn (for eksempel «bydelsutvalget» eller en komité)"
        case .caseNotFound(let number): "fant ingen sak \(number)"
        case .otherDistrict(let number, let district):
            "sak \(number) hører til bydel \(district) og kan ikke settes på dette møtet"
        case .notSubmitted(let number, let state):
            "uttalelsen i sak \(number) er \(state); bare uttalelser som er sendt til behandling settes på et møte"
        case .delegatedDraft(let number, let body):
            "utkastet i sak \(number) er skrevet for bydelsdirektøren; lag et utkast til \(body) først"
        case .otherBody(let number, let draftBody, let body):
            "utkastet i sak \(number) er skrevet for \(draftBody), ikke \(body)"
        case .alreadyOnMeeting(let number, let meeting, let item):
            "sak \(number) står allerede på sakslisten til \(meeting) (sak \(item))"
        case .itemNotFound(let item): "møtet har ingen sak \(item)"
        case .alreadyRecorded(let item): "utfallet av sak \(item) er allerede ført"
        case .missingText(let item):
            "sak \(item): oppgi den vedtatte teksten (vedtatt med endringer) eller hvorfor saken sendes tilbake"
        }
    }
}

/// The rules for putting a statement on a meeting and for recording what the body decided, as a
/// pure function of what the store holds: both engines call them inside their transaction.
public enum MeetingRules {
    /// A body's name, trimmed, 2–100 characters on one line.
    public static func checkedBody(_ body: String) throws(MeetingProblem) -> String {
        let trimmed = body.trimmingCharacters(in: .whitespaces)
        guard (2...100).contains(trimmed.count), !trimmed.contains(where: \.isNewline) else { throw .invalidBody }
        return trimmed
    }

    /// Whether the statement of `caseNumber` (in `district`, reviewed as `review`, its current draft
    /// routed `route`) may be put on `meeting`.
    public static func checkItem(
        _ caseNumber: CaseNumber, district: String, review: ReviewState, route: DecisionRoute?, on meeting: Meeting
    ) throws(MeetingProblem) {
        if let own = meeting.district, own != district {
            throw .otherDistrict(caseNumber: caseNumber.text, district: district)
        }
        guard review == .submitted else { throw .notSubmitted(caseNumber: caseNumber.text, state: review.label) }
        switch route {
        case .council(let body, _, _):
            guard body.lowercased() == meeting.body.lowercased() else {
                throw .otherBody(caseNumber: caseNumber.text, draftBody: body, body: meeting.body)
            }
        case .delegated, nil:
            throw .delegatedDraft(caseNumber: caseNumber.text, body: meeting.body)
        }
    }

    /// The records checked against `meeting`: each names an item without an outcome, and an amended
    /// or returned item has its text. Returns the items with their records, in the meeting's order.
    public static func checkRecords(
        _ records: [MeetingRecord], on meeting: Meeting
    ) throws(MeetingProblem) -> [(item: MeetingItem, record: MeetingRecord)] {
        var result: [(item: MeetingItem, record: MeetingRecord)] = []
        for record in records {
            guard let item = meeting.items.first(where: { $0.number == record.itemNumber }) else {
                throw .itemNotFound(record.itemNumber)
            }
            guard item.outcome == nil else { throw .alreadyRecorded(item.number) }
            if record.outcome != .adopted,
                (record.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            {
                throw .missingText(item.number)
            }
            result.append((item, record))
        }
        return result
    }

    /// The comment a returned statement carries back to its author.
    public static func returnComment(_ meeting: Meeting, _ item: MeetingItem, reason: String) -> String {
        "Sendt tilbake fra \(meeting.label), sak \(item.number): \(reason.trimmingCharacters(in: .whitespacesAndNewlines))"
    }
}
