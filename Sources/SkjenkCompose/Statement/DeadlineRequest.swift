import Foundation
import SkjenkCore

/// A short letter asking Næringsetaten for a later deadline, when the body that must decide the
/// statement meets after the hearing's deadline (`md/fristutsettelse`). It names the case, the
/// venue and the applicant company as the hearing does, and never anyone else.
public struct DeadlineRequest: Sendable {
    let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    struct View: Encodable {
        let title: String
        let districtName: String
        let agencyOfficer: String
        let hasAgencyOfficer: Bool
        let agencyCaseNumber: String
        let agencyLetterDate: String
        let ourReference: String
        let date: String
        let deadline: String
        let permitKind: String
        let applicationKind: String
        let venueName: String
        let address: String
        let applicant: String
        let body: String
        let hasMeeting: Bool
        let meetingDate: String
        let requestedDeadline: String
        let officer: String
        let officerReach: String
        let hasOfficerReach: Bool
        let districtContact: String
        let hasDistrictContact: Bool
    }

    /// The letter (Markdown) for `hearing`, whose `finding` says why the deadline cannot be met.
    public func markdown(
        _ hearing: Hearing, finding: DeadlineCheck.Finding, district: Policy.District?, officer: OfficerContact?,
        today: LocalDate
    ) throws(TemplateSet.Problem) -> String {
        let districtName = district?.name ?? "Bydel \(hearing.district)"
        var body = "bydelsutvalget"
        var meeting: LocalDate?
        switch finding {
        case .meetingAfterDeadline(_, let date, let name):
            body = name
            meeting = date
        case .noMeetingPlanned(_, let name): body = name
        }
        let contact = district.map { d in
            [d.postalAddress, d.phone.map { "telefon \($0)" }, d.email].compactMap { $0 }.joined(separator: " · ")
        }
        let view = View(
            title: "\(districtName) – anmodning om utsatt høringsfrist, \(hearing.venue.name), "
                + hearing.venue.address.street,
            districtName: districtName, agencyOfficer: hearing.agencyOfficer?.name ?? "",
            hasAgencyOfficer: hearing.agencyOfficer != nil, agencyCaseNumber: hearing.caseNumber.text,
            agencyLetterDate: NorwegianFormat.longDate(hearing.sent),
            ourReference: district?.reference(for: hearing.caseNumber) ?? "(ikke oppgitt)",
            date: NorwegianFormat.longDate(today), deadline: NorwegianFormat.longDate(hearing.deadline),
            permitKind: hearing.permitType.label, applicationKind: hearing.applicationType.label,
            venueName: hearing.venue.name, address: hearing.venue.address.singleLine,
            applicant: "\(hearing.applicant.name) (org.nr. \(hearing.applicant.organisationNumber.formatted))",
            body: body, hasMeeting: meeting != nil, meetingDate: meeting.map(NorwegianFormat.longDate) ?? "",
            requestedDeadline: finding.requestedDeadline.map(NorwegianFormat.longDate) ?? "",
            officer: officer?.nameAndTitle ?? "(ikke oppgitt)", officerReach: officer?.reach ?? "",
            hasOfficerReach: officer?.reach != nil, districtContact: contact ?? "", hasDistrictContact: contact != nil)
        return StatementRenderer.tidy(try templates.render(view, template: "md/fristutsettelse"))
    }
}
