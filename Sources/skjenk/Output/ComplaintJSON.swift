import Foundation
import SkjenkCore

/// A complaint as the JSON outputs print it. `complainant` is set only by `complaints show` for staff.
struct ComplaintJSON: Encodable {
    struct StepJSON: Encodable {
        let action: String
        let note: String?
        let by: String
        let at: Date
        let nextDue: String?
        let closingReason: String?
    }

    let id: Int64
    let receivedAt: Date
    let incidentDate: String
    let incidentTime: String?
    let incidentEnd: String?
    let incidentPeriod: String?
    let venueName: String?
    let organisationNumber: String?
    let street: String?
    let postalCode: String?
    let categories: [String]
    let description: String?
    let source: String
    let officer: String
    let status: String
    let closingReason: String?
    let episodeId: Int64?
    let nextDue: String?
    let daysOverdue: Int?
    let hasComplainant: Bool
    let purged: Bool
    let steps: [StepJSON]
    var complainant: ComplainantJSON?
    var episodeMembers: [Int64]?

    init(_ entry: ComplaintLogEntry, today: LocalDate) {
        id = entry.id ?? 0
        receivedAt = entry.receivedAt
        incidentDate = entry.incident.start.iso
        incidentTime = entry.incident.time?.description
        incidentEnd = entry.incident.end?.iso
        incidentPeriod = entry.incident.text
        venueName = entry.venue.name
        organisationNumber = entry.venue.organisationNumber?.digits
        street = entry.venue.street
        postalCode = entry.venue.postalCode
        categories = ComplaintCategory.allCases.filter(entry.categories.contains).map(\.code)
        description = entry.description
        source = entry.source.code
        officer = entry.officer
        status = entry.status.code
        closingReason = entry.closingReason?.code
        episodeId = entry.episodeId
        nextDue = entry.nextDue?.iso
        daysOverdue = entry.daysOverdue(on: today)
        hasComplainant = entry.hasComplainant
        purged = entry.purgedAt != nil
        steps = entry.steps.map {
            StepJSON(
                action: $0.action.code, note: $0.note, by: $0.by, at: $0.at, nextDue: $0.nextDue?.iso,
                closingReason: $0.closingReason?.code)
        }
    }
}

/// The complainant's details, for staff.
struct ComplainantJSON: Encodable {
    let name: String?
    let phone: String?
    let email: String?
    let address: String?

    init(_ complainant: Complainant) {
        name = complainant.name
        phone = complainant.phone
        email = complainant.email
        address = complainant.address
    }
}

/// `skjenk followup --json`.
struct FollowUpJSON: Encodable {
    struct Item: Encodable {
        let id: Int64
        let nextDue: String
        let daysOverdue: Int
        let venue: String
        let categories: [String]
        let status: String
    }

    struct Officer: Encodable {
        let officer: String
        let items: [Item]
    }

    let today: String
    let officers: [Officer]
    /// Open hearings due within the horizon or overdue, with who holds the latest draft.
    let deadlines: [PersonalAgendaJSON.Deadline]

    init(_ agenda: FollowUpAgenda, deadlines: [PersonalAgenda.Deadline]) {
        today = agenda.today.iso
        self.deadlines = deadlines.map(PersonalAgendaJSON.Deadline.init)
        officers = agenda.officers.map { list in
            Officer(
                officer: list.officer,
                items: list.items.map {
                    Item(
                        id: $0.entry.id ?? 0, nextDue: $0.entry.nextDue?.iso ?? "", daysOverdue: $0.daysOverdue,
                        venue: $0.entry.venue.label,
                        categories: ComplaintCategory.allCases.filter($0.entry.categories.contains).map(\.code),
                        status: $0.entry.status.code)
                })
        }
    }
}

/// `complaints stats --json`: counts only.
struct StatisticsJSON: Encodable {
    struct Month: Encodable {
        let month: String
        let total: Int
        let byCategory: [String: Int]
    }

    let venue: String?
    let total: Int
    let months: [Month]

    init(_ statistics: ComplaintStatistics, venue: String?) {
        self.venue = venue
        total = statistics.total
        months = statistics.months.map { month in
            Month(
                month: month.month.iso, total: month.total,
                byCategory: Dictionary(uniqueKeysWithValues: month.byCategory.map { ($0.key.code, $0.value) }))
        }
    }
}
