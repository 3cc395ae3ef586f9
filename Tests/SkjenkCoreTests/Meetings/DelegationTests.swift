import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// Issue 18, item 2: the council's delegation decides who gives a statement; item 3: a council case
/// whose deadline comes before the body's next meeting is flagged.
@Suite struct DelegationTests {
    static let delegation = Delegation(
        body: "bydelsutvalget", applicationTypes: [.changeOfOwner, .singleOccasion, .renewal], withoutRemarks: true,
        summer: (DayOfYear("06-20")!, DayOfYear("08-10")!), decision: "BU-sak 12/24")

    @Test(arguments: [
        // kind, outcome, day, director?
        (ApplicationType.changeOfOwner, StatementOutcome.against, "2026-11-27", true),
        (.singleOccasion, .grantWithConditions, "2026-11-27", true),
        (.renewal, .partialRefusal, "2026-11-27", true),
        (.new, .noRemarks, "2026-11-27", true),
        (.new, .remarks, "2026-11-27", false),
        (.new, .grantWithConditions, "2026-11-27", false),
        (.change, .partialRefusal, "2026-11-27", false),
        (.new, .against, "2026-06-20", true),
        (.new, .against, "2026-08-10", true),
        (.new, .against, "2026-08-11", false),
        (.change, .grantWithConditions, "2026-06-19", false),
    ])
    func theDelegationChoosesTheDecisionMaker(
        kind: ApplicationType, outcome: StatementOutcome, day: String, director: Bool
    ) {
        let suggestion = Self.delegation.route(for: kind, outcome: outcome, on: Fixtures.day(day))
        switch suggestion {
        case .director(let reason):
            #expect(director, "\(kind) \(outcome) \(day): \(reason)")
            #expect(reason.contains("(BU-sak 12/24)"))
        case .council(let body, let reason):
            #expect(!director, "\(kind) \(outcome) \(day): \(reason)")
            #expect(body == "bydelsutvalget")
            #expect(reason.hasSuffix("saken avgjøres av bydelsutvalget."))
        }
    }

    @Test func theReasonSaysWhy() {
        let owner = Self.delegation.route(for: .changeOfOwner, outcome: .remarks, on: Fixtures.day("2026-11-27"))
        #expect(owner.reason == "Eierskifte er delegert til bydelsdirektøren (BU-sak 12/24).")
        let summer = Self.delegation.route(for: .new, outcome: .against, on: Fixtures.day("2026-07-01"))
        #expect(summer.reason == "Sommerfullmakten (20. juni–10. august) gir bydelsdirektøren myndighet (BU-sak 12/24).")
        let council = Self.delegation.route(for: .new, outcome: .grantWithConditions, on: Fixtures.day("2026-11-27"))
        #expect(
            council.reason
                == "Ny bevilling med konklusjonen «\(StatementOutcome.grantWithConditions.label)» er ikke delegert; "
                + "saken avgjøres av bydelsutvalget.")
    }

    @Test func aSummerPeriodMayRunOverTheNewYear() {
        let winter = Delegation(
            body: "bydelsutvalget", applicationTypes: [], withoutRemarks: false,
            summer: (DayOfYear("12-15")!, DayOfYear("01-10")!))
        #expect(winter.isSummer(Fixtures.day("2026-12-24")))
        #expect(winter.isSummer(Fixtures.day("2027-01-10")))
        #expect(!winter.isSummer(Fixtures.day("2027-01-11")))
        #expect(!winter.isSummer(Fixtures.day("2026-12-14")))
        #expect(DayOfYear("02-30") == nil && DayOfYear("13-01") == nil && DayOfYear("6-20") == nil)
        #expect(DayOfYear("02-29") != nil)
    }

    @Test func aDeadlineBeforeTheNextMeetingIsFlagged() {
        let today = Fixtures.day("2026-11-27")
        let meetings = [Fixtures.day("2026-11-05"), Fixtures.day("2026-12-10"), Fixtures.day("2027-01-14")]
        // The next meeting is 10 December: a deadline on or after it holds.
        #expect(DeadlineCheck.check(deadline: Fixtures.day("2026-12-10"), body: "bydelsutvalget", meetings: meetings, today: today) == nil)
        let early = DeadlineCheck.check(
            deadline: Fixtures.day("2026-12-04"), body: "bydelsutvalget", meetings: meetings, today: today)
        #expect(
            early
                == .meetingAfterDeadline(
                    deadline: Fixtures.day("2026-12-04"), meeting: Fixtures.day("2026-12-10"), body: "bydelsutvalget"))
        #expect(early?.requestedDeadline == Fixtures.day("2026-12-17"))
        #expect(
            early?.message
                == "Fristen 4. desember 2026 er før neste møte i bydelsutvalget (10. desember 2026); "
                + "be Næringsetaten om utsatt frist.")
        // No meeting ahead at all (the one in November is past).
        let none = DeadlineCheck.check(
            deadline: Fixtures.day("2026-12-04"), body: "bydelsutvalget", meetings: [Fixtures.day("2026-11-05")],
            today: today)
        #expect(none == .noMeetingPlanned(deadline: Fixtures.day("2026-12-04"), body: "bydelsutvalget"))
        #expect(none?.requestedDeadline == nil)
    }
}
