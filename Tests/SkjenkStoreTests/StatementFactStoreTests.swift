import Foundation
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 18, item 7: the annual report's facts in one query, on every engine: each hearing whose
/// letter is dated in the period, with its latest draft's outcome, its review state and sent date.
@Suite struct StatementFactStoreTests {
    @Test(arguments: StoreEngine.all) func factsCarryTheLatestDraftAndTheReview(engine: StoreEngine) async throws {
        // Given the fixture's three hearings in St. Hanshaugen, one in Sagene and one from 2025
        let store = try await engine.store()
        let numbers = try await Fixtures.storeReportYear(in: store)
        var sagene = Fixtures.hearing(300, applicationType: .changeOfOwner)
        sagene.district = "Sagene"
        sagene.sent = Fixtures.day("2026-08-01")
        sagene.deadline = Fixtures.day("2026-09-01")
        var older = Fixtures.hearing(301)
        older.sent = Fixtures.day("2025-12-31")
        _ = try await store.storeHearings([sagene, older], source: "t.xml", actor: Fixtures.actor, progress: nil)
        let year = Fixtures.day("2026-01-01")...Fixtures.day("2026-12-31")

        // When the district's year is read
        let facts = try await store.statementFacts(district: "St. Hanshaugen", received: year)

        // Then: by letter date, the latest draft's outcome (not the first), state and sent date
        #expect(facts.map(\.caseNumber) == numbers)
        #expect(facts.map(\.applicationType) == [.new, .renewal, .new])
        #expect(facts.map(\.received.iso) == ["2026-03-31", "2026-04-01", "2026-06-10"])
        #expect(facts.map(\.deadline.iso) == ["2026-04-30", "2026-05-01", "2026-07-10"])
        #expect(facts.map(\.outcome) == [.grantWithConditions, .noRemarks, .against])
        #expect(facts.map(\.state) == [.sent, .sent, .submitted])
        #expect(facts.map(\.sentDate?.iso) == ["2026-04-20", "2026-05-06", nil])
        #expect(facts.map(\.district) == ["St. Hanshaugen", "St. Hanshaugen", "St. Hanshaugen"])
        #expect(facts.map(\.daysUsed) == [20, 35, nil])

        // Every district's: Sagene's hearing without a draft or review, and not the 2025 one
        let all = try await store.statementFacts(district: nil, received: year)
        #expect(all.map(\.caseNumber) == numbers + [sagene.caseNumber])
        let last = try #require(all.last)
        #expect((last.outcome, last.state, last.sentDate, last.permitType) == (nil, .draft, nil, .serving))
        // The range's ends are included
        let edges = try await store.statementFacts(
            district: nil, received: Fixtures.day("2026-03-31")...Fixtures.day("2026-04-01"))
        #expect(edges.map(\.caseNumber) == Array(numbers.prefix(2)))
        #expect(try await store.statementFacts(district: "Sagene", received: year).map(\.caseNumber) == [sagene.caseNumber])
    }
}
