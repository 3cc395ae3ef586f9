import Foundation
import SkjenkCore

/// The meeting document (saksframlegg) for a meeting of the council or a committee, as Markdown:
/// the agenda, then per item the hearing's facts, the director's proposal and the draft statement
/// as its attachment, routed to this meeting and item. Holds no personal data beyond the applicant
/// company: the facts are the statement's own (`StatementComposer.applicationFacts`), never a
/// complainant's.
public enum MeetingDocument {
    /// One item of the agenda with what the document says about it.
    public struct Entry: Sendable {
        public let item: MeetingItem
        /// The hearing as it stands.
        public let hearing: Hearing
        /// The statement's current version; nil when the case has none.
        public let draft: StatementDraft?

        public init(item: MeetingItem, hearing: Hearing, draft: StatementDraft?) {
            self.item = item
            self.hearing = hearing
            self.draft = draft
        }
    }

    /// How many levels the draft's headings go down to sit under its item ("# Tittel" becomes "#### Tittel").
    static let attachmentDepth = 3

    /// "Saksframlegg – Bydelsutvalget 10. desember 2026".
    public static func title(_ meeting: Meeting) -> String {
        "Saksframlegg – \(NorwegianFormat.capitalized(meeting.body)) \(NorwegianFormat.longDate(meeting.date))"
    }

    /// "Sak 1/26: Høringsuttalelse – søknad om skjenkebevilling, Kafé Lyse, Thereses gate 10": the agenda line.
    public static func agendaLine(_ entry: Entry) -> String {
        let h = entry.hearing
        return "Sak \(entry.item.number): Høringsuttalelse – søknad om \(h.permitType.label), \(h.venue.name), "
            + h.venue.address.street
    }

    /// "Sak 1/26: Høringsuttalelse til søknad om skjenkebevilling – Kafé Lyse": the item's heading.
    public static func itemHeading(_ entry: Entry) -> String {
        "Sak \(entry.item.number): Høringsuttalelse til søknad om \(entry.hearing.permitType.label) – "
            + entry.hearing.venue.name
    }

    /// The director's proposal for the body's decision on an item with a draft.
    public static func proposal(_ meeting: Meeting, caseNumber: CaseNumber, outcome: StatementOutcome) -> String {
        "\(NorwegianFormat.capitalized(meeting.body)) gir høringsuttalelse til søknaden i sak \(caseNumber.text) "
            + "slik den står i vedlegget: \(outcome.label)."
    }

    /// The whole document. `entries` in the meeting's order (those of `meeting.items`).
    public static func markdown(_ meeting: Meeting, entries: [Entry]) -> String {
        var out = "# \(title(meeting))\n\n"
        if let district = meeting.district { out += "Oslo kommune, Bydel \(district)\n\n" }
        out += "| | |\n|---|---|\n"
        out += "| Organ | \(NorwegianFormat.capitalized(meeting.body)) |\n"
        out += "| Møtedato | \(NorwegianFormat.longDate(meeting.date)) |\n\n"
        out += "## Saksliste\n\n"
        guard !entries.isEmpty else {
            return out + "Sakslisten er tom: ingen saker er satt opp til dette møtet.\n"
        }
        for entry in entries { out += "- \(agendaLine(entry))\n" }
        for entry in entries { out += "\n" + section(entry, meeting: meeting) }
        return out
    }

    /// One item: heading, facts, proposal and attachment.
    static func section(_ entry: Entry, meeting: Meeting) -> String {
        let h = entry.hearing
        var out = "## \(itemHeading(entry))\n\n"
        let facts =
            [StatementView.Fact(label: "Næringsetatens saksnummer", value: h.caseNumber.text)]
            + StatementComposer.applicationFacts(h)
            + [StatementView.Fact(label: "Høringsfrist", value: NorwegianFormat.longDate(h.deadline))]
        for fact in facts { out += "- \(fact.label): \(fact.value)\n" }
        let serving = h.permitType == .serving
        let hoursWord = serving ? "skjenketider" : "salgstider"
        let periods = StatementComposer.requestedPeriods(h)
        if periods.isEmpty {
            out += "\nSøknaden oppgir ingen \(hoursWord).\n"
        } else {
            out += "\nOmsøkte \(hoursWord):\n\n"
            for period in periods { out += "- \(period.area), \(period.groups), \(period.days): \(period.hours)\n" }
            if serving {
                out += "\nSeneste omsøkte skjenketid: \(StatementComposer.closing(h.servingPeriods)).\n"
            }
        }
        if let outcome = entry.item.outcome {
            var line = "\nUtfall i møtet: \(outcome.label)"
            if let at = entry.item.recordedAt { line += " (ført \(NorwegianFormat.dateTime(at)))" }
            out += line + ".\n"
        }

        out += "\n### Bydelsdirektørens forslag til vedtak\n\n"
        guard let draft = entry.draft else {
            return out
                + "Saken har ikke noe utkast til høringsuttalelse. Bydelsdirektøren har derfor ikke lagt fram "
                + "forslag til vedtak.\n"
        }
        out += proposal(meeting, caseNumber: h.caseNumber, outcome: draft.outcome) + "\n"
        let decision = meeting.decision(entry.item)
        switch entry.item.outcome {
        case .adopted?, .amended?:
            // Decided here: the statement as adopted (an amended item's text is the current version).
            out += "\n### Vedlegg: høringsuttalelsen slik den ble vedtatt\n\n"
            out += demoted(
                StatementText.finalised(draft.markdown, route: draft.route, decided: decision), by: attachmentDepth)
        case .returned?, nil:
            out += "\n### Vedlegg: utkast til høringsuttalelse\n\n"
            // The draft may have planned another meeting or item than the one it is put on.
            out += demoted(StatementText.rerouted(draft.markdown, from: draft.route, to: decision), by: attachmentDepth)
        }
        return out.hasSuffix("\n") ? out : out + "\n"
    }

    /// `markdown` with every heading `levels` deeper (at most six, what Markdown has).
    public static func demoted(_ markdown: String, by levels: Int) -> String {
        markdown.components(separatedBy: "\n").map { line in
            let hashes = line.prefix(while: { $0 == "#" }).count
            guard hashes > 0, line.dropFirst(hashes).hasPrefix(" ") else { return line }
            let level = min(hashes + levels, 6)
            return String(repeating: "#", count: level) + line.dropFirst(hashes)
        }.joined(separator: "\n")
    }
}
