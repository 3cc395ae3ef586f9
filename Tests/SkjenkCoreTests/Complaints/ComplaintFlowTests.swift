import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// The status flow: received → under follow-up / forwarded → closed, reopening with a reason.
@Suite struct ComplaintFlowTests {
    /// A complaint as logged: received, with its `registered` step due 4 December.
    func registered() throws -> ComplaintLogEntry {
        var entry = Fixtures.complaintEntry()
        entry.id = 7
        return try ComplaintFlow.apply(
            FollowUpStep(action: .registered, by: "kari", at: entry.receivedAt, nextDue: Fixtures.day("2026-12-04")),
            to: entry)
    }

    func step(
        _ action: FollowUpAction, on day: String = "2026-11-25 09:00", due: String? = "2026-12-09",
        reason: ClosingReason? = nil, note: String? = nil
    ) -> FollowUpStep {
        FollowUpStep(
            action: action, note: note, by: "kari", at: Fixtures.oslo(day), nextDue: due.map(Fixtures.day),
            closingReason: reason)
    }

    @Test(arguments: [
        (FollowUpAction.contactedVenue, ComplaintStatus.inFollowUp),
        (.controlTip, .forwarded),
        (.forwardedToPolice, .forwarded),
        (.environmentalHealth, .forwarded),
        (.noiseMeasured, .inFollowUp),
        (.repliedToComplainant, .inFollowUp),
        (.forwardedElsewhere, .forwarded),
        (.other, .inFollowUp),
    ])
    func eachStepSetsItsStatusAndDueDate(action: FollowUpAction, status: ComplaintStatus) throws {
        let entry = try ComplaintFlow.apply(step(action), to: registered())
        #expect(entry.status == status)
        #expect(entry.nextDue == Fixtures.day("2026-12-09"))
        #expect(entry.steps.map(\.action) == [.registered, action])
    }

    @Test func aRegisteredComplaintIsReceivedAndDueItsFirstResponse() throws {
        let entry = try registered()
        #expect(entry.status == .received)
        #expect(entry.nextDue == Fixtures.day("2026-12-04"))
        #expect(throws: ComplaintFlow.Problem.registeredTwice) {
            try ComplaintFlow.apply(step(.registered), to: entry)
        }
    }

    @Test func closingNeedsAReasonAndEndsTheDueDate() throws {
        #expect(throws: ComplaintFlow.Problem.missingClosingReason) {
            try ComplaintFlow.apply(step(.closed, due: nil), to: registered())
        }
        let closed = try ComplaintFlow.apply(step(.closed, due: "2026-12-09", reason: .unfounded), to: registered())
        #expect(closed.status == .closed)
        #expect(closed.closingReason == .unfounded)
        #expect(closed.nextDue == nil)
        #expect(closed.evidence.unfounded)
        #expect(closed.daysOverdue(on: Fixtures.day("2027-01-01")) == nil)
    }

    @Test(arguments: FollowUpAction.stepActions + [.closed])
    func noStepAfterClose(action: FollowUpAction) throws {
        let closed = try ComplaintFlow.apply(step(.closed, due: nil, reason: .resolved), to: registered())
        #expect(throws: ComplaintFlow.Problem.closed(id: 7)) {
            try ComplaintFlow.apply(step(action, reason: .resolved), to: closed)
        }
    }

    @Test func reopeningIsAStepWithAReasonAndClearsTheClosingReason() throws {
        let closed = try ComplaintFlow.apply(step(.closed, due: nil, reason: .unfounded), to: registered())
        #expect(throws: ComplaintFlow.Problem.missingReason) {
            try ComplaintFlow.apply(step(.reopened, note: "  "), to: closed)
        }
        #expect(throws: ComplaintFlow.Problem.notClosed(id: 7)) {
            try ComplaintFlow.apply(step(.reopened, note: "ny klage"), to: registered())
        }
        let reopened = try ComplaintFlow.apply(step(.reopened, note: "Naboen meldte ny episode"), to: closed)
        #expect(reopened.status == .inFollowUp)
        #expect(reopened.closingReason == nil)
        #expect(!reopened.evidence.unfounded)
        #expect(reopened.steps.map(\.action) == [.registered, .closed, .reopened])
        // And it takes steps again.
        #expect(try ComplaintFlow.apply(step(.contactedVenue), to: reopened).status == .inFollowUp)
    }

    @Test func aDueDateBeforeTheStepOrAStepBeforeReceiptIsRefused() throws {
        #expect(
            throws: ComplaintFlow.Problem.dueBeforeStep(
                due: Fixtures.day("2026-11-24"), step: Fixtures.day("2026-11-25"))
        ) {
            try ComplaintFlow.apply(step(.contactedVenue, due: "2026-11-24"), to: registered())
        }
        #expect(throws: ComplaintFlow.Problem.missingDueDate) {
            try ComplaintFlow.apply(step(.contactedVenue, due: nil), to: registered())
        }
        #expect(throws: ComplaintFlow.Problem.stepBeforeReceived) {
            try ComplaintFlow.apply(step(.contactedVenue, on: "2026-11-19 12:00"), to: registered())
        }
    }

    @Test func statusChangesAreReadFromTheSteps() throws {
        var entry = try registered()
        for next in [
            step(.contactedVenue, on: "2026-11-21 09:00"), step(.noiseMeasured, on: "2026-11-22 22:00"),
            step(.controlTip, on: "2026-11-23 10:00"), step(.closed, on: "2026-11-24 10:00", reason: .resolved),
            step(.reopened, on: "2026-11-25 08:00", note: "Ny episode"),
        ] {
            entry = try ComplaintFlow.apply(next, to: entry)
        }
        let changes = ComplaintFlow.statusChanges(of: entry)
        // The noise measurement leaves it in follow-up: not a change.
        #expect(changes.map(\.status) == [.received, .inFollowUp, .forwarded, .closed, .inFollowUp])
        #expect(
            changes.map(\.at) == [
                entry.receivedAt, Fixtures.oslo("2026-11-21 09:00"), Fixtures.oslo("2026-11-23 10:00"),
                Fixtures.oslo("2026-11-24 10:00"), Fixtures.oslo("2026-11-25 08:00"),
            ])
        // Registered a day after it came in: received still counts from receipt.
        var late = Fixtures.complaintEntry()
        late = try ComplaintFlow.apply(
            FollowUpStep(
                action: .registered, by: "kari", at: late.receivedAt.addingTimeInterval(86_400),
                nextDue: Fixtures.day("2026-12-04")), to: late)
        #expect(ComplaintFlow.statusChanges(of: late) == [StatusChange(status: .received, at: late.receivedAt)])
    }
}
