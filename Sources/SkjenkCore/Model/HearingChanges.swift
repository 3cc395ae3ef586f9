import Foundation

/// Which parts of a hearing changed between two versions, named in Norwegian for the audit trail.
public enum HearingChanges {
    public static func fields(from old: Hearing, to new: Hearing) -> [String] {
        var changed: [String] = []
        func check<T: Equatable>(_ label: String, _ path: KeyPath<Hearing, T>) {
            if old[keyPath: path] != new[keyPath: path] { changed.append(label) }
        }
        check("saksnummer", \.caseNumber.text)
        check("sendt", \.sent)
        check("frist", \.deadline)
        check("saksbehandler", \.agencyOfficer)
        check("bydel", \.district)
        check("søknadstype", \.applicationType)
        check("endring", \.change)
        check("bevillingstype", \.permitType)
        check("søker", \.applicant)
        check("sted", \.venue)
        check("sone", \.zone)
        check("styrer", \.manager)
        check("stedfortreder", \.deputy)
        check("alkoholgrupper", \.alcoholGroups)
        check("skjenketider", \.servingPeriods)
        check("tidligere bevilling", \.earlierPermit)
        check("vedlegg", \.attachments)
        check("merknad", \.remark)
        return changed
    }
}
