import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// A re-sent hearing is compared field by field; the audit trail names each changed part in
/// Norwegian, in the order the hearing lists them.
@Suite struct HearingChangesTests {
    /// One change to a hearing and the label the audit trail must give it.
    struct Change: Sendable, CustomTestStringConvertible {
        let label: String
        let apply: @Sendable (inout Hearing) -> Void
        var testDescription: String { label }
    }

    static let changes: [Change] = [
        Change(label: "saksnummer") { $0.caseNumber = try! CaseNumber("2026/99999") },
        Change(label: "sendt") { $0.sent = try! LocalDate(year: 2026, month: 11, day: 3) },
        Change(label: "frist") { $0.deadline = try! LocalDate(year: 2026, month: 12, day: 31) },
        Change(label: "saksbehandler") { $0.agencyOfficer = AgencyOfficer(name: "Ola Hansen") },
        Change(label: "bydel") { $0.district = "Grünerløkka" },
        Change(label: "søknadstype") { $0.applicationType = .renewal },
        Change(label: "endring") { $0.change = "Utvidet areal" },
        Change(label: "bevillingstype") { $0.permitType = .retailSale },
        Change(label: "søker") { $0.applicant.name = "Bislett Cocktail Drift AS" },
        Change(label: "sted") { $0.venue.address.postalCode = "0359" },
        Change(label: "sone") { $0.zone = .centre },
        Change(label: "styrer") { $0.manager = nil },
        Change(label: "stedfortreder") { $0.deputy = Person(name: "Per Nilsen", birthYear: 1990) },
        Change(label: "alkoholgrupper") { $0.alcoholGroups = [.group1, .group2] },
        Change(label: "skjenketider") { $0.servingPeriods.removeLast() },
        Change(label: "tidligere bevilling") { $0.earlierPermit = nil },
        Change(label: "vedlegg") { $0.attachments.append(Attachment(title: "Plantegning", fileName: "plan.pdf")) },
        Change(label: "merknad") { $0.remark = "Søker ønsker uteservering i bakgården." },
    ]

    @Test func anUnchangedHearingHasNoChanges() {
        #expect(HearingChanges.fields(from: Fixtures.hearing(), to: Fixtures.hearing()).isEmpty)
    }

    @Test(arguments: changes)
    func eachFieldIsNamedWhenItAloneChanges(_ change: Change) {
        let old = Fixtures.hearing()
        var new = old
        change.apply(&new)
        #expect(new != old, "the change must change the hearing")
        #expect(HearingChanges.fields(from: old, to: new) == [change.label])
    }

    @Test func everyFieldChangedIsNamedOnceInTheHearingsOrder() {
        let old = Fixtures.hearing()
        var new = old
        // Applied in reverse, reported in the hearing's order.
        for change in Self.changes.reversed() { change.apply(&new) }
        #expect(HearingChanges.fields(from: old, to: new) == Self.changes.map(\.label))
    }

    @Test func theComparisonGoesBothWays() {
        let old = Fixtures.hearing()
        var new = old
        new.zone = nil
        new.remark = nil
        #expect(HearingChanges.fields(from: old, to: new) == ["sone", "merknad"])
        #expect(HearingChanges.fields(from: new, to: old) == ["sone", "merknad"])
    }

    @Test func aCaseNumberWrittenDifferentlyIsAChangeOfText() throws {
        // 2026/10001 and 2026/010001 name the same case, but the audit trail records the text the agency sent.
        let old = Fixtures.hearing()
        var new = old
        new.caseNumber = try CaseNumber("2026/010001")
        #expect(new.caseNumber == old.caseNumber)
        #expect(HearingChanges.fields(from: old, to: new) == ["saksnummer"])
    }

    @Test func nestedChangesAreNamedByTheirField() throws {
        let old = Fixtures.hearing()
        var new = old
        new.venue.outdoorArea?.facesHomes = true
        new.applicant.organisationNumber = try OrganisationNumber("889640782")
        #expect(HearingChanges.fields(from: old, to: new) == ["søker", "sted"])
    }

    @Test func groupsInAnotherOrderAreTheSameGroups() {
        let old = Fixtures.hearing()
        var new = old
        new.alcoholGroups = [.group3, .group2, .group1]
        #expect(HearingChanges.fields(from: old, to: new).isEmpty)
    }

    @Test func servingPeriodsInAnotherOrderAreAChange() {
        let old = Fixtures.hearing()
        var new = old
        new.servingPeriods.reverse()
        #expect(HearingChanges.fields(from: old, to: new) == ["skjenketider"])
    }
}
