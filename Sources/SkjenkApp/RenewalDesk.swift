import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// Oslo renews every permit at the same time every fourth year: the renewals with nothing against
/// them get short standard statements in one action, put to the director or a meeting together.
public enum RenewalDesk {
    /// What one bulk action did: the statements drafted and sent for review, those put on the
    /// meeting's agenda, and the cases it could not take, each with why.
    public struct Outcome: Sendable {
        public var drafted: [CaseNumber] = []
        public var onAgenda: [(CaseNumber, String)] = []
        public var refused: [(CaseNumber, String)] = []
    }

    /// The open renewals of `district` (every district's when nil) with nothing against them — the
    /// assessment points to «ingen merknader» — and no statement beyond a draft yet, soonest deadline first.
    public static func candidates(
        store: any AppStore, policies: PolicySet, district: String?, today: LocalDate
    ) async throws -> [PreparedCase] {
        var cases: [StoredCase] = []
        for stored in try await store.cases(status: [.open])
        where stored.hearing.applicationType == .renewal && (district == nil || stored.hearing.district == district) {
            let review = try await store.review(of: stored.hearing.caseNumber)
            guard review.state == .draft else { continue }
            cases.append(stored)
        }
        let prepared = try await StatementDesk.prepare(cases, policies: policies, store: store, today: today)
        return prepared.filter { StatementOutcome.suggested(by: $0.assessment) == .noRemarks }
            .sorted { ($0.hearing.deadline, $0.hearing.caseNumber.key) < ($1.hearing.deadline, $1.hearing.caseNumber.key) }
    }

    /// Drafts the short standard statement («ingen merknader») for each of `cases` and sends it for
    /// review: to the director, or — with `meeting` — for that meeting's body, each put on its agenda.
    /// A case that cannot be taken is reported and the rest go on.
    public static func draftAll(
        _ cases: [PreparedCase], meeting: Meeting?, today: LocalDate, templates: TemplateSet, store: any AppStore,
        actor: Actor, officer: OfficerContact?
    ) async throws -> Outcome {
        var outcome = Outcome()
        var sequence = 0
        if let meeting {
            let startOfYear = try LocalDate(year: meeting.date.year, month: 1, day: 1)
            sequence = try await store.meetings(district: nil, from: startOfYear).filter {
                $0.district == meeting.district && $0.body.lowercased() == meeting.body.lowercased()
                    && $0.date.year == meeting.date.year
            }.reduce(0) { $0 + $1.items.count }
        }
        for prepared in cases {
            let number = prepared.hearing.caseNumber
            do {
                var route = DecisionRoute.delegated(signatory: nil)
                if let meeting {
                    route = .council(
                        body: meeting.body, meetingDate: meeting.date,
                        itemNumber: MeetingItem.number(sequence: sequence + 1, year: meeting.date.year))
                }
                _ = try await StatementDesk.compose(
                    prepared, outcome: .noRemarks, route: route, reference: nil, today: today, templates: templates,
                    store: store, actor: actor, officer: officer, length: .short)
                _ = try await store.applyReview(.submit, to: number, actor: actor)
                outcome.drafted.append(number)
                if let meeting {
                    let item = try await store.addMeetingItem(meeting: meeting.id, case: number, actor: actor)
                    sequence += 1
                    outcome.onAgenda.append((number, item.number))
                }
            } catch let error as StatementStoreError {
                outcome.refused.append((number, error.description))
            } catch let error as MeetingProblem {
                outcome.refused.append((number, error.description))
            }
        }
        return outcome
    }
}
