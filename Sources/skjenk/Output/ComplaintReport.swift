import Foundation
import SkjenkCore
import SkjenkStore

/// The complaint log as text for the terminal. Only `detail` with `showComplainant` ever prints
/// a complainant's details.
enum ComplaintReport {
    /// What `complaints add` prints: the complaint, its due date and where it should go.
    static func registered(_ entry: ComplaintLogEntry, notes: [String]) -> String {
        var lines = [
            "Klage \(entry.id ?? 0) er registrert: \(entry.venue.label), \(categories(entry)).",
            "  Ansvarlig: \(entry.officer). Frist for første svar: "
                + (entry.nextDue.map(NorwegianFormat.longDate) ?? "ingen") + ".",
        ]
        let suggestions = ComplaintRouting.suggestions(for: entry.categories, at: entry.incident.time)
        if let first = suggestions.first {
            lines.append("  Foreslått første steg: \(first.action.label) (\(first.action.code)): \(first.reason).")
        }
        for other in suggestions.dropFirst() {
            lines.append("  Også: \(other.action.label) (\(other.action.code)): \(other.reason).")
        }
        for note in notes { lines.append("  Sted: \(note).") }
        if entry.hasComplainant {
            lines.append("  Klagerens kontaktopplysninger er lagret og vises bare for ansatte (complaints show).")
        }
        return lines.joined(separator: "\n")
    }

    /// What a step, a close or a reopening prints.
    static func stepped(_ entry: ComplaintLogEntry) -> String {
        let step = entry.steps.last
        var text = "Klage \(entry.id ?? 0): \(step?.action.label ?? "endret"). Status: \(entry.status.label)"
        if let reason = entry.closingReason, entry.status == .closed { text += " (\(reason.label))" }
        if let due = entry.nextDue { text += ". Neste frist: \(NorwegianFormat.longDate(due))" }
        return text + "."
    }

    static func categories(_ entry: ComplaintLogEntry) -> String {
        ComplaintCategory.allCases.filter(entry.categories.contains).map(\.label).joined(separator: ", ")
    }

    static func due(_ entry: ComplaintLogEntry, today: LocalDate) -> String {
        guard let due = entry.nextDue, let overdue = entry.daysOverdue(on: today) else { return "–" }
        return "\(NorwegianFormat.date(due)) (\(FollowUpAgenda.dueLabel(daysOverdue: overdue)))"
    }

    /// `complaints list`.
    static func table(_ entries: [ComplaintLogEntry], today: LocalDate) -> String {
        var table = TextTable(headers: [
            "Nr", "Mottatt", "Sted", "Kategorier", "Status", "Ansvarlig", "Episode", "Frist",
        ])
        for entry in entries {
            table.add([
                String(entry.id ?? 0), NorwegianFormat.date(entry.receivedDate), clip(entry.venue.label, 40),
                categories(entry), entry.status.label, entry.officer, entry.episodeId.map(String.init) ?? "",
                due(entry, today: today),
            ])
        }
        let overdue = entries.filter { $0.isOverdue(on: today) }.count
        return table.render() + "\n\n\(entries.count) klager" + (overdue > 0 ? ", \(overdue) forfalt." : ".")
    }

    /// `complaints show`.
    static func detail(
        _ entry: ComplaintLogEntry, episode: [ComplaintLogEntry], audit: [AuditEvent], replies: [ComplaintReply],
        today: LocalDate, showComplainant: Bool
    ) -> String {
        var lines = ["Klage \(entry.id ?? 0): \(entry.venue.label)", ""]
        func field(_ label: String, _ value: String?) {
            if let value, !value.isEmpty {
                lines.append("  " + label.padding(toLength: 18, withPad: " ", startingAt: 0) + value)
            }
        }
        field("Mottatt", NorwegianFormat.dateTime(entry.receivedAt))
        var incident = NorwegianFormat.longDate(entry.incident.start)
        if let time = entry.incident.time { incident += " \(NorwegianFormat.time(time))" }
        if let end = entry.incident.end { incident += " til \(NorwegianFormat.longDate(end))" }
        if let text = entry.incident.text { incident += " (\(text))" }
        field("Hendelse", incident)
        field("Sted", entry.venue.name)
        field("Org.nr.", entry.venue.organisationNumber?.formatted)
        field("Adresse", entry.venue.street.map { street in street + (entry.venue.postalCode.map { ", \($0)" } ?? "") })
        field("Posisjon", entry.venue.position == nil ? "ukjent (teller bare ved samme adresse eller org.nr.)" : nil)
        field("Kategorier", categories(entry))
        field("Kilde", entry.source.label)
        field("Ansvarlig", entry.officer)
        field("Status", entry.status.label + (entry.closingReason.map { " (\($0.label))" } ?? ""))
        field("Neste frist", entry.status.isOpen ? due(entry, today: today) : nil)
        if !episode.isEmpty {
            let others = episode.compactMap(\.id).filter { $0 != entry.id }.sorted().map(String.init)
            field("Episode", "\(entry.episodeId ?? 0), sammen med klage \(NorwegianFormat.list(others))")
        }
        for flag in entry.duplicateFlags {
            var line =
                "Mulig dublett av episode \(flag.episode) (klage \(flag.matched); \(flag.reason)): \(flag.state.label)"
            if flag.state == .pending {
                line +=
                    "; koble med «skjenk complaints duplicates \(entry.id ?? 0) --episode \(flag.episode) --link»"
                    + " eller avvis med --reject"
            }
            field("Dublett", line)
        }
        if let description = entry.description {
            lines +=
                ["", "  Beskrivelse:"]
                + description.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "    \($0)" }
        }
        if entry.purgedAt != nil {
            lines += [
                "",
                "  Personopplysninger og fritekst er slettet etter lagringstiden (\(NorwegianFormat.dateTime(entry.purgedAt!))).",
            ]
        } else if entry.hasComplainant {
            lines += ["", "  Klager (personopplysninger):"]
            if showComplainant, let person = entry.complainant {
                for (label, value) in [
                    ("Navn", person.name), ("Telefon", person.phone), ("E-post", person.email),
                    ("Adresse", person.address),
                ] {
                    if let value {
                        lines.append("    \(label.padding(toLength: 9, withPad: " ", startingAt: 0))\(value)")
                    }
                }
            } else {
                lines.append("    skjult: vises bare for ansatte i bydelen")
            }
        }
        lines += ["", "  Oppfølging:"]
        for step in entry.steps {
            var line = "    \(NorwegianFormat.dateTime(step.at))  \(step.action.label)"
            if let reason = step.closingReason { line += " (\(reason.label))" }
            line += ", \(step.by)"
            if let due = step.nextDue { line += "; neste frist \(NorwegianFormat.date(due))" }
            lines.append(line)
            if let note = step.note { lines.append("        \(note)") }
        }
        let suggestions =
            entry.status.isOpen
            ? ComplaintRouting.suggestions(for: entry.categories, at: entry.incident.time) : []
        if !suggestions.isEmpty {
            lines += ["", "  Ruting etter kategori:"]
            for suggestion in suggestions {
                lines.append("    \(suggestion.recipient): \(suggestion.reason) (\(suggestion.action.code))")
            }
        }
        for reply in replies {
            lines += ["", "  Svar til klageren (\(reply.kind.label), \(NorwegianFormat.dateTime(reply.createdAt))):"]
            lines += reply.text.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }
        }
        if !audit.isEmpty {
            lines += ["", "  Revisjonsspor:"]
            for event in audit {
                lines.append(
                    "    \(NorwegianFormat.dateTime(event.at))  \(event.actor) (\(event.channel))  \(event.action)  \(event.detail)"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `complaints duplicates`: the flags waiting for an officer.
    static func pendingDuplicates(_ pending: [PendingDuplicate]) -> String {
        guard !pending.isEmpty else { return "Ingen klager venter på vurdering som mulig dublett." }
        var table = TextTable(headers: ["Klage", "Episode", "Likner klage", "Hvorfor"])
        for item in pending {
            table.add([
                String(item.complaintId), String(item.flag.episode), String(item.flag.matched), item.flag.reason,
            ])
        }
        return table.render()
            + "\n\nKoble med «skjenk complaints duplicates ID --episode N --link», avvis med --reject."
    }

    /// `skjenk followup`: per officer, soonest first.
    static func agenda(_ agenda: FollowUpAgenda) -> String {
        guard !agenda.isEmpty else {
            return "Ingen klager har steg som forfaller \(NorwegianFormat.longDate(agenda.today)) eller tidligere."
        }
        var lines = ["Oppfølging av klager, \(NorwegianFormat.longDate(agenda.today))"]
        for officer in agenda.officers {
            let overdue = officer.items.filter { $0.daysOverdue > 0 }.count
            lines += [
                "",
                "\(officer.officer): \(officer.items.count) å følge opp" + (overdue > 0 ? ", \(overdue) forfalt" : ""),
            ]
            for item in officer.items {
                let entry = item.entry
                let suggestion = ComplaintRouting.suggestions(for: entry.categories, at: entry.incident.time).first
                let next = entry.status == .received ? suggestion.map { "; forslag: \($0.action.label)" } ?? "" : ""
                lines.append(
                    "  \(NorwegianFormat.date(entry.nextDue!))  \(FollowUpAgenda.dueLabel(daysOverdue: item.daysOverdue))"
                        + "  klage \(entry.id ?? 0)  \(clip(entry.venue.label, 40))  \(categories(entry))"
                        + "  (\(entry.status.label)\(next))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `complaints stats` as a table: one row per month, one column per category.
    static func statistics(_ statistics: ComplaintStatistics, title: String) -> String {
        let categories = statistics.categories
        var table = TextTable(headers: ["Måned", "Klager"] + categories.map(\.label))
        for month in statistics.months {
            table.add([month.month.label, String(month.total)] + categories.map { String(month.byCategory[$0] ?? 0) })
        }
        return "\(title)\n\n" + table.render() + "\n\nI alt \(statistics.total) klager."
            + (categories.count > 0 ? " En klage med flere kategorier telles i hver av dem." : "")
    }

    static func clip(_ text: String, _ length: Int) -> String {
        text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }
}
