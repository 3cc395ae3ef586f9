import Foundation
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 18, item 5: Næringsetaten's decisions per case, all or nothing, replaced by a later record.
@Suite struct AgencyDecisionStoreTests {
    @Test(arguments: StoreEngine.all) func decisionsAreStoredWholeOrNotAtAll(engine: StoreEngine) async throws {
        let store = try await engine.store()
        var sagene = Fixtures.hearing(2)
        sagene.district = "Sagene"
        _ = try await store.storeHearings([Fixtures.hearing(1), sagene], source: "t.xml", actor: Fixtures.actor, progress: nil)
        let first = AgencyDecision(
            caseNumber: Fixtures.hearing(1).caseNumber, outcome: .grantedWithConditions, date: Fixtures.day("2026-11-20"),
            conditions: ["Uteserveringen stenger kl. 22.00.", "Vakt i helgene."], recordedAt: Fixtures.oslo("2026-11-21 09:00"),
            recordedBy: "kari")
        let unknown = AgencyDecision(
            caseNumber: try CaseNumber("2026/99999"), outcome: .refused, date: Fixtures.day("2026-11-20"),
            recordedAt: Fixtures.oslo("2026-11-21 09:00"), recordedBy: "kari")
        await #expect(throws: StatementStoreError.caseNotFound("2026/99999")) {
            try await store.recordAgencyDecisions([first, unknown], actor: Fixtures.actor)
        }
        #expect(try await store.agencyDecision(of: first.caseNumber) == nil, "nothing of the refused batch")
        try await store.recordAgencyDecisions([first], actor: Fixtures.actor)
        #expect(try await store.agencyDecision(of: first.caseNumber) == first)
        var replaced = first
        replaced.outcome = .refused
        replaced.conditions = []
        replaced.date = Fixtures.day("2026-11-21")
        var other = replaced
        other.caseNumber = sagene.caseNumber
        try await store.recordAgencyDecisions([replaced, other], actor: Fixtures.actor)
        #expect(try await store.agencyDecision(of: first.caseNumber) == replaced)
        #expect(try await store.agencyDecisions(district: nil).map(\.caseNumber) == [first.caseNumber, sagene.caseNumber])
        #expect(try await store.agencyDecisions(district: "Sagene") == [other])
        let audit = try await store.statementAuditTrail(first.caseNumber).map(\.detail)
        #expect(audit == ["Næringsetatens vedtak: innvilget med vilkår 20. november 2026; 2 vilkår", "Næringsetatens vedtak: avslått 21. november 2026"])
    }

    @Test func agreementFollowsTheRecommendation() {
        func decision(_ outcome: AgencyDecision.Outcome) -> AgencyDecision {
            AgencyDecision(
                caseNumber: Fixtures.hearing(1).caseNumber, outcome: outcome, date: Fixtures.day("2026-11-20"),
                recordedAt: Date(), recordedBy: "kari")
        }
        #expect(decision(.granted).agrees(with: .noRemarks))
        #expect(decision(.grantedWithConditions).agrees(with: .remarks))
        #expect(!decision(.refused).agrees(with: .noRemarks))
        #expect(decision(.grantedWithConditions).agrees(with: .grantWithConditions))
        #expect(!decision(.granted).agrees(with: .grantWithConditions))
        #expect(decision(.grantedWithConditions).agrees(with: .partialRefusal))
        #expect(decision(.refused).agrees(with: .against))
        #expect(!decision(.grantedWithConditions).agrees(with: .against))
        #expect(
            AgencyDecision.problem(
                outcome: .grantedWithConditions, date: Fixtures.day("2026-11-20"), conditions: [],
                sent: Fixtures.day("2026-10-01"), today: Fixtures.day("2026-11-22"))
                == "et vedtak «innvilget med vilkår» må ha minst ett vilkår")
        #expect(
            AgencyDecision.problem(
                outcome: .granted, date: Fixtures.day("2026-11-23"), conditions: [], sent: Fixtures.day("2026-10-01"),
                today: Fixtures.day("2026-11-22")) == "vedtaksdatoen kan ikke være frem i tid")
        #expect(
            AgencyDecision.problem(
                outcome: .granted, date: Fixtures.day("2026-11-20"), conditions: [], sent: Fixtures.day("2026-10-01"),
                today: Fixtures.day("2026-11-22")) == nil)
    }
}
