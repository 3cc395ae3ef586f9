import Foundation
import SkjenkCore

/// A meeting as `--json` prints it: English camelCase keys, dates `YYYY-MM-DD`, outcomes by code
/// (`vedtatt`, `endret`, `tilbake`; null until recorded).
struct MeetingJSON: Encodable {
    struct ItemJSON: Encodable {
        let number: String
        let caseNumber: String
        let outcome: String?
        /// The adopted text (endret) or the reason (tilbake).
        let note: String?
        let recordedAt: Date?
        let recordedBy: String?
    }

    let id: Int64
    let body: String
    let date: String
    let district: String?
    let label: String
    let itemCount: Int
    let recordedCount: Int
    let items: [ItemJSON]

    init(_ meeting: Meeting) {
        id = meeting.id
        body = meeting.body
        date = meeting.date.iso
        district = meeting.district
        label = meeting.label
        itemCount = meeting.items.count
        recordedCount = meeting.items.count - meeting.openItems.count
        items = meeting.items.map {
            ItemJSON(
                number: $0.number, caseNumber: $0.caseNumber.text, outcome: $0.outcome?.code, note: $0.note,
                recordedAt: $0.recordedAt, recordedBy: $0.recordedBy)
        }
    }
}
