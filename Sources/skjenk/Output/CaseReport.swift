import Foundation
import SkjenkCore
import SkjenkStore

/// `cases show` as text: the facts of the hearing in Norwegian, then its versions and audit trail.
struct CaseReport {
    let stored: StoredCase
    let versions: [CaseVersion]
    let audit: [AuditEvent]
    let today: LocalDate

    func render() -> String {
        let h = stored.hearing
        let deadline = DeadlineStatus(deadline: h.deadline, today: today)
        var lines: [String] = []
        func line(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append(label.padding(toLength: 18, withPad: " ", startingAt: 0) + value)
        }
        lines.append("Sak \(h.caseNumber.text): \(h.venue.name)")
        line("Status", stored.status.label + (stored.status == .open ? " (\(deadline.label))" : ""))
        line("Sendt", NorwegianFormat.longDate(h.sent))
        line("Frist", NorwegianFormat.longDate(h.deadline))
        line("Bydel", h.district)
        line("Søknad", "\(h.applicationType.label), \(h.permitType.label)")
        line("Endring", h.change)
        line("Søker", "\(h.applicant.name), org.nr. \(h.applicant.organisationNumber.formatted)")
        line("Adresse", h.venue.address.singleLine)
        if let position = h.venue.position {
            let p = position.geographic
            line(
                "Posisjon",
                String(format: "%.6f° N, %.6f° Ø (srid %d)", p.latitude, p.longitude, position.srid.rawValue))
        } else {
            line("Posisjon", "ikke oppgitt")
        }
        line("Sone", h.zone?.label)
        line("Konsept", h.venue.concept)
        line("Målgruppe", h.venue.targetGroup)
        line("Aldersgrense", h.venue.ageLimit.map { "\($0) år" })
        if let capacity = h.venue.capacity {
            line(
                "Kapasitet",
                [capacity.indoor.map { "\($0) inne" }, capacity.outdoor.map { "\($0) ute" }]
                    .compactMap { $0 }.joined(separator: ", "))
        }
        if let outdoor = h.venue.outdoorArea {
            var text = outdoor.placement.label
            if let m2 = outdoor.squareMetres { text += ", \(NorwegianFormat.decimal(m2)) m²" }
            if outdoor.facesHomes == true { text += ", boliger mot arealet" }
            line("Uteservering", text)
        }
        line("Alkoholgrupper", NorwegianFormat.list(h.alcoholGroups.sorted().map { String($0.rawValue) }))
        for (index, period) in h.servingPeriods.enumerated() {
            line(index == 0 ? "Skjenketider" : "", "\(period.area.label) \(NorwegianFormat.period(period))")
        }
        line("Tidligere bevilling", h.earlierPermit.map { $0 ? "ja" : "nei" })
        line("Styrer", h.manager.map(Self.person))
        line("Stedfortreder", h.deputy.map(Self.person))
        line("Saksbehandler NE", h.agencyOfficer.map { [$0.name, $0.email].compactMap { $0 }.joined(separator: ", ") })
        for (index, attachment) in h.attachments.enumerated() {
            line(index == 0 ? "Vedlegg" : "", "\(attachment.title) (\(attachment.fileName))")
        }
        line("Merknad", h.remark)

        lines.append("")
        lines.append("Versjoner:")
        for version in versions {
            lines.append(
                "  \(version.version)  \(Self.timestamp(version.importedAt))  \(version.source)  "
                    + "(\(version.importedBy))")
        }
        if !audit.isEmpty {
            lines.append("")
            lines.append("Logg:")
            for event in audit {
                lines.append("  \(Self.timestamp(event.at))  \(event.actor) (\(event.channel))  \(event.detail)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func person(_ person: Person) -> String {
        person.name + (person.birthYear.map { " (f. \($0))" } ?? "")
    }

    private static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = OsloTime.zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%02d.%02d.%04d %02d.%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
