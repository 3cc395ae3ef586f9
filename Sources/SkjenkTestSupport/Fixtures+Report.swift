import Foundation
import SkjenkCore
import SkjenkStore

extension Fixtures {
    /// What `storeReportYear` stores, worked out by hand for 2026 (the district alone):
    /// three hearings, two of them answered (one late), two decisions (one disagreeing), two complaints.
    ///
    /// - 1st hearing (ny): letter 31 March (1st quarter), deadline 30 April; two drafts, the latest
    ///   «vilkår»; sent 20 April: on time, 20 days. Decision «innvilget med vilkår»: agrees.
    /// - 2nd (fornyelse): letter 1 April (2nd quarter), deadline 1 May; «ingen merknader», sent
    ///   6 May: late, 35 days. Decision «avslag»: disagrees.
    /// - 3rd (ny): letter 10 June, deadline 10 July; «går imot», submitted, not sent: not answered.
    /// - Complaints: 3 February (støy) and 5 May (støy and forsøpling), both about Bar Boble.
    ///
    /// So: received 3 (ny 2, fornyelse 1), answered 2, on time 1 (50 %), median days (20 + 35) / 2 =
    /// 27.5, outcomes «vilkår» 1 and «ingen merknader» 1, decisions 2 compared, 1 agreeing (50 %),
    /// complaints 2 (støy 2, forsøpling 1; Bar Boble 2).
    public static func storeReportYear(
        in store: any AppStore, district: String = "St. Hanshaugen", firstIndex: Int = 200
    ) async throws -> [CaseNumber] {
        let approver = Actor(name: "sekretaer.\(firstIndex)", channel: "test")
        _ = try await store.addUser(
            name: approver.name, role: .councilMember, passwordHash: "x", profile: nil, district: district,
            actor: actor)
        let plan: [(ApplicationType, String, String, [StatementOutcome], sent: String?, submitted: Bool)] = [
            (.new, "2026-03-31", "2026-04-30", [.remarks, .grantWithConditions], "2026-04-20", true),
            (.renewal, "2026-04-01", "2026-05-01", [.noRemarks], "2026-05-06", true),
            (.new, "2026-06-10", "2026-07-10", [.against], nil, true),
        ]
        var numbers: [CaseNumber] = []
        for (offset, step) in plan.enumerated() {
            var hearing = Fixtures.hearing(firstIndex + offset, applicationType: step.0)
            hearing.district = district
            hearing.sent = day(step.1)
            hearing.deadline = day(step.2)
            _ = try await store.storeHearings([hearing], source: "rapport.xml", actor: actor, progress: nil)
            let route = DecisionRoute.council(
                body: "bydelsutvalget", meetingDate: day("2026-12-03"), itemNumber: "\(offset + 1)/26")
            var last: StatementDraft?
            for outcome in step.3 {
                last = try await store.addDraft(
                    StatementDraft(
                        caseNumber: hearing.caseNumber, origin: .generated, markdown: "# Uttalelse\n", mapSVG: nil,
                        outcome: outcome, route: route, hearingVersion: 1, assessmentDigest: "0123456789abcdef",
                        author: "ola", createdAt: oslo("2026-11-01 10:00")), actor: actor)
            }
            if step.submitted { _ = try await store.applyReview(.submit, to: hearing.caseNumber, actor: actor) }
            if let sent = step.sent, let last {
                _ = try await store.applyReview(.approve(last.route), to: hearing.caseNumber, actor: approver)
                _ = try await store.applyReview(.markSent(day(sent)), to: hearing.caseNumber, actor: actor)
            }
            numbers.append(hearing.caseNumber)
        }
        try await store.recordAgencyDecisions(
            [
                AgencyDecision(
                    caseNumber: numbers[0], outcome: .grantedWithConditions, date: day("2026-05-20"),
                    conditions: ["Uteserveringen stenger kl. 22.00."], recordedAt: oslo("2026-05-21 09:00"),
                    recordedBy: "kari"),
                AgencyDecision(
                    caseNumber: numbers[1], outcome: .refused, date: day("2026-06-01"),
                    recordedAt: oslo("2026-06-02 09:00"), recordedBy: "kari"),
            ], actor: actor)
        for (received, categories) in [
            ("2026-02-03 18:00", Set<ComplaintCategory>([.noise])), ("2026-05-05 23:10", [.noise, .litter]),
        ] {
            var entry = complaintEntry(
                received: received, incident: String(received.prefix(10)), categories: categories,
                venue: ComplaintVenue(name: "Bar Boble", street: "Thereses gate 10"), complainant: nil)
            entry.district = district
            _ = try await store.logComplaint(entry, actor: actor)
        }
        return numbers
    }
}
