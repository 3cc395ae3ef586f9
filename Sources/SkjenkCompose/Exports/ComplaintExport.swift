import Foundation
import SkjenkCore

/// The complaint log as a table, one row per complaint: when it changed status, what it is about,
/// the venue, where it belongs (routing), its steps and due dates. Times are Oslo time
/// (`2026-11-20 14:30`), dates ISO (`2026-11-20`), so a spreadsheet sorts them.
///
/// Without `includingPersonal` the table has no complainant details and none of the free text
/// that may name a person (the description and the officers' notes): that is the default
/// everywhere. With it, those columns are added at the end.
public struct ComplaintExport: Sendable {
    public let includingPersonal: Bool

    public init(includingPersonal: Bool = false) {
        self.includingPersonal = includingPersonal
    }

    /// The columns that carry personal data, present only with `includingPersonal`.
    public static let personalColumns = [
        "klager_navn", "klager_telefon", "klager_epost", "klager_adresse", "beskrivelse", "notater",
    ]

    public static let columns: [String] =
        [
            "nr", "ekstern_referanse", "mottatt", "hendelse", "klokkeslett", "hendelse_til", "kategorier", "kilde",
            "sted", "orgnr", "adresse", "postnr", "posisjon", "episode", "mulig_dublett_av", "ruting", "ansvarlig",
            "status", "avslutningsgrunn", "neste_frist",
        ] + statusColumns + ["antall_steg", "steg", "frister"]

    /// When the complaint entered each status: `status_mottatt`, `status_under_oppfoelging`, …
    static let statusColumns: [String] = ComplaintStatus.allCases.map { status in
        "status_" + status.code.replacingOccurrences(of: "-", with: "_")
    }

    public var header: [String] { Self.columns + (includingPersonal ? Self.personalColumns : []) }

    /// One row per complaint, in the order given. The complainant columns are filled only when the
    /// entries were read with their complainants and `includingPersonal` is set.
    public func rows(_ entries: [ComplaintLogEntry]) -> [[String]] {
        entries.map(row)
    }

    /// The file: semicolon-separated unless another delimiter is asked for.
    public func csv(_ entries: [ComplaintLogEntry], delimiter: CSVWriter.Delimiter = .semicolon) -> Data {
        CSVWriter(delimiter: delimiter).write(header: header, rows: rows(entries))
    }

    func row(_ entry: ComplaintLogEntry) -> [String] {
        let venue = entry.venue
        let categories = ComplaintCategory.allCases.filter(entry.categories.contains).map(\.label)
        let position = venue.position.map { String(format: "%.6f %.6f", $0.latitude, $0.longitude) }
        let pending = entry.duplicateFlags.filter { $0.state == .pending }.map { String($0.episode) }
        let routing = ComplaintRouting.suggestions(for: entry.categories, at: entry.incident.time).map(\.recipient)
        var row: [String] = [
            entry.id.map(String.init) ?? "", entry.externalReference ?? "", Self.stamp(entry.receivedAt),
            entry.incident.start.iso, entry.incident.time?.description ?? "", entry.incident.end?.iso ?? "",
            categories.joined(separator: ", "), entry.source.label,
        ]
        row += [
            venue.name ?? "", venue.organisationNumber?.digits ?? "", venue.street ?? "", venue.postalCode ?? "",
            position ?? "",
        ]
        row += [
            entry.episodeId.map(String.init) ?? "", pending.joined(separator: ", "), routing.joined(separator: ", "),
            entry.officer, entry.status.label, entry.closingReason?.label ?? "", entry.nextDue?.iso ?? "",
        ]
        let changes = ComplaintFlow.statusChanges(of: entry)
        for status in ComplaintStatus.allCases {
            let times: [String] = changes.filter { $0.status == status }.map { Self.stamp($0.at) }
            row.append(times.joined(separator: "; "))
        }
        row.append(String(entry.steps.count))
        row.append(entry.steps.map(Self.describe).joined(separator: " | "))
        var dues: [String] = []
        for due in entry.steps.compactMap(\.nextDue?.iso) where due != dues.last { dues.append(due) }
        row.append(dues.joined(separator: "; "))
        if includingPersonal {
            let person = entry.complainant
            row += [person?.name ?? "", person?.phone ?? "", person?.email ?? "", person?.address ?? ""]
            row.append(entry.description ?? "")
            let notes: [String] = entry.steps.compactMap { step in
                step.note.map { "\(Self.stamp(step.at)): \($0)" }
            }
            row.append(notes.joined(separator: " | "))
        }
        return row
    }

    /// `2026-11-20 14:30 kontaktet stedet (Kari Saksbehandler)`, with the reason on a closing step.
    static func describe(_ step: FollowUpStep) -> String {
        let reason = step.closingReason.map { ": \($0.label)" } ?? ""
        return "\(stamp(step.at)) \(step.action.label) (\(step.by))\(reason)"
    }

    /// `2026-11-20 14:30`, Oslo time.
    static func stamp(_ instant: Date) -> String {
        "\(OsloTime.today(at: instant).iso) \(OsloTime.clock(at: instant).description)"
    }
}
