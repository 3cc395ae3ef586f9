import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// The letter never contradicts its assessment: hours the law or Oslo's regulation does not allow
/// are never granted, and a partial refusal always has a part to name.
@Suite struct OutcomeConflictTests {
    static func assess(_ hearing: Hearing) throws -> Assessment {
        let policy = try Fixtures.policy()
        return Assessor.assess(hearing, context: Fixtures.statementContext(policy: policy))
    }

    @Test func unlawfulHoursAreNeverGranted() throws {
        // 03.00 inside in a residential zone: past the serving stop at 00.30.
        let assessment = try Self.assess(Fixtures.statementHearing(.new, .serving))
        #expect(!assessment.refusals.isEmpty)
        for outcome in [StatementOutcome.noRemarks, .remarks, .grantWithConditions] {
            guard case .unlawfulPartsGranted(let parts)? = outcome.conflict(with: assessment) else {
                Issue.record("\(outcome) grants hours the regulation does not allow")
                continue
            }
            #expect(parts == assessment.refusals.map(\.part))
        }
        #expect(StatementOutcome.partialRefusal.conflict(with: assessment) == nil)
        #expect(StatementOutcome.against.conflict(with: assessment) == nil)
        // The suggestion never conflicts.
        #expect(StatementOutcome.suggested(by: assessment).conflict(with: assessment) == nil)
    }

    @Test func aPartialRefusalNeedsAPartToRefuse() throws {
        let lawful = try Self.assess(Fixtures.statementHearing(.new, .serving, for: .grantWithConditions))
        #expect(lawful.refusals.isEmpty)
        #expect(StatementOutcome.partialRefusal.conflict(with: lawful) == .nothingToRefuse)
        for outcome in [StatementOutcome.remarks, .grantWithConditions, .against] {
            #expect(outcome.conflict(with: lawful) == nil)
        }
        // The school 80 m away weighs against: «ingen merknader» would contradict the weighing.
        #expect(!lawful.weighing.against.isEmpty)
        #expect(StatementOutcome.noRemarks.conflict(with: lawful) == .somethingWeighsAgainst)
        // A quiet restaurant far from it all: nothing weighs against, and nothing conflicts but the
        // outcomes that need a part to refuse or a condition to propose.
        let quiet = try Self.assess(Fixtures.statementHearing(.new, .serving, for: .noRemarks))
        #expect(quiet.weighing.against.isEmpty && quiet.conditions.isEmpty)
        #expect(StatementOutcome.noRemarks.conflict(with: quiet) == nil)
        #expect(StatementOutcome.grantWithConditions.conflict(with: quiet) == .noConditions)
        #expect(
            OutcomeConflict.nothingToRefuse.description.hasPrefix(
                "vurderingen finner ingen del av søknaden som må avslås"))
    }

    /// A new place has no record to praise: no complaints speaks for a place that has been run.
    @Test func noComplaintsSpeaksOnlyForAPlaceThatHasBeenRun() throws {
        let policy = try Fixtures.policy()
        let context = Fixtures.statementContext(policy: policy, complaints: [])
        let praise = "Bydelen har ikke registrert klager på stedet."
        for (kind, praised) in [(ApplicationType.new, false), (.singleOccasion, false), (.renewal, true), (.change, true)] {
            let assessment = Assessor.assess(Fixtures.statementHearing(kind, .serving), context: context)
            #expect(assessment.weighing.inFavour.contains(praise) == praised, "\(kind)")
        }
    }

    /// What the assessment points to is never refused: every fixture hearing, every kind and permit.
    @Test func theSuggestionNeverConflicts() throws {
        let policy = try Fixtures.policy()
        let contexts = [
            Fixtures.statementContext(policy: policy),
            Fixtures.statementContext(
                policy: policy,
                complaints: (1...6).map {
                    Complaint(
                        id: Int64($0), incidentDate: try! LocalDate(iso: "2026-0\($0 + 1)-05"),
                        categories: [.disorder, .noise], street: "Thereses gate 10")
                }),
        ]
        var checked = 0
        for kind in ApplicationType.allCases {
            for permit in PermitType.allCases {
                for shape in StatementOutcome.allCases {
                    for context in contexts {
                        let assessment = Assessor.assess(
                            Fixtures.statementHearing(kind, permit, for: shape), context: context)
                        let suggested = StatementOutcome.suggested(by: assessment)
                        #expect(suggested.conflict(with: assessment) == nil, "\(kind) \(permit) \(shape): \(suggested)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 100)
    }
}
