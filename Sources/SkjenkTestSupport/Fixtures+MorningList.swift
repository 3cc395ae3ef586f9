import Foundation
import SkjenkCore
import SkjenkStore

/// A district's morning as the tests of the personal list (issue 18, item 4) need it, on
/// 22 November 2026 (`FixedClock`): every kind of entry for its owner, and enough of other people's
/// and of Sagene's to show that none of it leaks.
///
/// St. Hanshaugen: kari and ola (caseworkers), leder1 (manager), bu1 (council member), all with an
/// e-mail address; admin1 without. Sagene: sara (caseworker).
/// - 2026/10005 Bar nummer 5, deadline 7 Nov: kari's draft for the director, submitted (leder1 approves).
/// - 2026/10021 Bar nummer 21, deadline 23 Nov: kari's draft, submitted and returned with `returnComment`.
/// - 2026/10023 Bar nummer 23, deadline 25 Nov: ola's draft (ola's deadline, not kari's).
/// - 2026/10024 Bar nummer 24, deadline 26 Nov: no draft (every caseworker of the district).
/// - 2026/10026 Bar nummer 26, deadline 20 Dec: no draft, outside seven days.
/// - 2026/10010 Bar nummer 10: ola's council draft on the meeting of 19 Nov, item 1/26, no outcome.
/// - 2026/10012 Bar nummer 12: ola's council draft on the meeting of 10 Dec, item 2/26.
/// - Sagene: 2026/10015 Sagene Kro (deadline 24 Nov, no draft), 2026/10016 Sagene Bar on Sagene's
///   meeting of 18 Nov without an outcome, and a complaint of sara's.
/// - Complaint 1: kari's, Pub Bislett, due 21 Nov, from `complainant`.
public enum MorningFixture {
    public static let today = Fixtures.day("2026-11-22")
    public static let district = "St. Hanshaugen"
    public static let returnComment = "Vurder skjenketiden ute på nytt."
    /// Planted complainant details: must never reach an e-mail, another district or the council.
    public static let complainant = Complainant(
        name: "Zacharias Klagemann", phone: "+47 998 87 766", email: "zacharias.klagemann@example.no",
        address: "Hemmeligveien 7")
    public static let sageneComplainant = Complainant(
        name: "Sigrun Sagmoen", phone: "+47 911 22 333", email: "sigrun@example.no", address: "Sagveien 1")
    public static let users: [(name: String, role: Role, district: String, email: String?)] = [
        ("kari", .caseworker, district, "kari@bydel.example.no"),
        ("ola", .caseworker, district, "ola@bydel.example.no"),
        ("leder1", .manager, district, "leder@bydel.example.no"),
        ("bu1", .councilMember, district, "bu1@bydel.example.no"),
        ("admin1", .admin, district, nil),
        ("sara", .caseworker, "Sagene", "sara@sagene.example.no"),
    ]
    static let body = "bydelsutvalget"

    /// The case numbers by hearing index.
    public static func number(_ index: Int) -> CaseNumber { try! CaseNumber("2026/\(10_000 + index)") }

    /// Fills `store` (empty, fresh) with the morning; `passwordHash` for every user.
    public static func seed(_ store: any AppStore, passwordHash: String = "x") async throws {
        let actor = Fixtures.actor
        for user in users {
            _ = try await store.addUser(
                name: user.name, role: user.role, passwordHash: passwordHash,
                profile: user.email.map { OfficerContact(fullName: "Navn \(user.name)", email: $0) },
                district: user.district, actor: actor)
        }
        var hearings = [5, 21, 23, 24, 26, 10, 12].map { Fixtures.hearing($0) }
        hearings[4].deadline = Fixtures.day("2026-12-20")
        var sageneKro = Fixtures.hearing(15)
        sageneKro.district = "Sagene"
        sageneKro.venue.name = "Sagene Kro"
        var sageneBar = Fixtures.hearing(16)
        sageneBar.district = "Sagene"
        sageneBar.venue.name = "Sagene Bar"
        _ = try await store.storeHearings(
            hearings + [sageneKro, sageneBar], source: "morgen.xml", actor: actor, progress: nil)

        let user: (String) -> Actor = { Actor(name: $0, channel: "test") }
        try await draft(5, author: "kari", route: .delegated(signatory: nil), store)
        _ = try await store.applyReview(.submit, to: number(5), actor: user("kari"))
        try await draft(21, author: "kari", route: .delegated(signatory: nil), store)
        _ = try await store.applyReview(.submit, to: number(21), actor: user("kari"))
        _ = try await store.applyReview(.returnToDraft(comment: returnComment), to: number(21), actor: user("leder1"))
        try await draft(23, author: "ola", route: .delegated(signatory: nil), store)
        for index in [10, 12, 16] {
            try await draft(index, author: "ola", route: council, store)
            _ = try await store.applyReview(.submit, to: number(index), actor: user("ola"))
        }
        let held = try await store.addMeeting(
            body: body, date: Fixtures.day("2026-11-19"), district: district, actor: actor)
        _ = try await store.addMeetingItem(meeting: held.id, case: number(10), actor: actor)
        let coming = try await store.addMeeting(
            body: body, date: Fixtures.day("2026-12-10"), district: district, actor: actor)
        _ = try await store.addMeetingItem(meeting: coming.id, case: number(12), actor: actor)
        let sagene = try await store.addMeeting(
            body: body, date: Fixtures.day("2026-11-18"), district: "Sagene", actor: actor)
        _ = try await store.addMeetingItem(meeting: sagene.id, case: number(16), actor: actor)

        var complaint = Fixtures.complaintEntry(
            received: "2026-11-20 10:00", incident: "2026-11-19", due: "2026-11-21", complainant: complainant)
        complaint.district = district
        _ = try await store.logComplaint(complaint, actor: actor)
        var other = Fixtures.complaintEntry(
            received: "2026-11-20 11:00", incident: "2026-11-19", officer: "sara", due: "2026-11-22",
            venue: ComplaintVenue(name: "Sagene Kro", street: "Sagveien 3"), complainant: sageneComplainant)
        other.district = "Sagene"
        _ = try await store.logComplaint(other, actor: actor)
    }

    static let council = DecisionRoute.council(body: body, meetingDate: Fixtures.day("2026-12-10"), itemNumber: "2/26")

    static func draft(_ index: Int, author: String, route: DecisionRoute, _ store: any AppStore) async throws {
        _ = try await store.addDraft(
            StatementDraft(
                caseNumber: number(index), origin: .generated,
                markdown: "# Uttalelse\n\n" + StatementText.routeBeforeApproval(route) + "\n", mapSVG: nil,
                outcome: .grantWithConditions, route: route, hearingVersion: 1,
                assessmentDigest: "0123456789abcdef", author: author, createdAt: Fixtures.oslo("2026-11-20 10:00")),
            actor: Actor(name: author, channel: "test"))
    }
}
