import Foundation
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Synchronization
import Testing

@Suite struct HearingStoreTests {
    @Test(arguments: StoreEngine.all) func storesAndReadsBackTheWholeHearing(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let hearing = Fixtures.hearing(3)
        let summary = try await store.storeHearings([hearing], source: "a.xml", actor: Fixtures.actor, progress: nil)
        #expect(summary.created == [hearing.caseNumber])
        let stored = try #require(try await store.storedCase(hearing.caseNumber))
        #expect(stored.hearing == hearing)
        #expect(stored.version == 1)
        #expect(stored.status == .open)
        #expect(stored.createdAt == FixedClock().now)
    }

    @Test(arguments: StoreEngine.all) func reimportOfAChangedHearingKeepsTheEarlierVersion(engine: StoreEngine) async throws {
        // Given a stored hearing
        let store = try await engine.store()
        let original = Fixtures.hearing(1)
        _ = try await store.storeHearings([original], source: "first.xml", actor: Fixtures.actor, progress: nil)

        // When the agency re-sends it with a later deadline and a new document number
        var changed = original
        changed.caseNumber = try CaseNumber("26/10001-2")
        changed.deadline = try LocalDate(iso: "2026-12-15")
        let summary = try await store.storeHearings(
            [changed], source: "second.xml", actor: Fixtures.actor, progress: nil)

        // Then the case is updated and both versions are kept, with their sources
        #expect(summary.updated == [changed.caseNumber])
        let stored = try #require(try await store.storedCase(original.caseNumber))
        #expect(stored.version == 2)
        #expect(stored.hearing.deadline.iso == "2026-12-15")
        let versions = try await store.versions(of: changed.caseNumber)
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.map(\.source) == ["first.xml", "second.xml"])
        #expect(versions[0].hearing == original)
        #expect(versions[1].hearing == changed)
        let audit = try await store.auditTrail(for: original.caseNumber, limit: 10)
        #expect(audit.map(\.action) == ["hearing.updated", "hearing.created"])
        #expect(audit[0].detail.contains("frist"))
        #expect(audit[0].detail.contains("saksnummer"))
        #expect(audit[0].actor == "testbruker")
    }

    @Test(arguments: StoreEngine.all) func identicalReimportChangesNothing(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let hearing = Fixtures.hearing(2)
        _ = try await store.storeHearings([hearing], source: "a.xml", actor: Fixtures.actor, progress: nil)
        let again = try await store.storeHearings([hearing], source: "a.xml", actor: Fixtures.actor, progress: nil)
        #expect(again.unchanged == [hearing.caseNumber])
        #expect(try await store.versions(of: hearing.caseNumber).count == 1)
        #expect(try await store.auditTrail(for: nil, limit: 10).count == 1)
    }

    @Test(arguments: StoreEngine.all) func openCasesAreSortedByDeadline(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let hearings = [5, 1, 3].map { Fixtures.hearing($0) }
        _ = try await store.storeHearings(hearings, source: "a.xml", actor: Fixtures.actor, progress: nil)
        let deadlines = try await store.cases(status: [.open]).map(\.hearing.deadline)
        #expect(deadlines == deadlines.sorted())
        #expect(deadlines.count == 3)
    }

    @Test(arguments: StoreEngine.all) func theDeskShowsTheRiskLevelOfTheCurrentVersionOnly(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let first = Fixtures.hearing(1)
        let second = Fixtures.hearing(2)
        _ = try await store.storeHearings([first, second], source: "a.xml", actor: Fixtures.actor, progress: nil)
        let today = try LocalDate(iso: "2026-11-10")
        func levels() async throws -> [String: RiskLevel?] {
            let list = try await store.caseList(CaseListQuery(statuses: nil, limit: 10, today: today))
            return Dictionary(uniqueKeysWithValues: list.cases.map { ($0.caseNumber.text, $0.riskLevel) })
        }
        // Not assessed yet: no level.
        #expect(try await levels().values.allSatisfy { $0 == nil })
        try await store.recordRiskLevels([
            RiskRecord(caseNumber: first.caseNumber, hearingVersion: 1, level: .high),
            RiskRecord(caseNumber: second.caseNumber, hearingVersion: 1, level: .low),
            // A level for a version the case does not have is not kept.
            RiskRecord(caseNumber: second.caseNumber, hearingVersion: 7, level: .medium),
        ])
        var shown = try await levels()
        #expect(shown[first.caseNumber.text] == .some(.high))
        #expect(shown[second.caseNumber.text] == .some(.low))
        // A new version of the hearing is not assessed until it is assessed again.
        var changed = first
        changed.venue.name = "Nytt navn"
        _ = try await store.storeHearings([changed], source: "b.xml", actor: Fixtures.actor, progress: nil)
        shown = try await levels()
        #expect(shown[first.caseNumber.text] == .some(nil))
        #expect(shown[second.caseNumber.text] == .some(.low))
        try await store.recordRiskLevels([RiskRecord(caseNumber: first.caseNumber, hearingVersion: 2, level: .medium)])
        #expect(try await levels()[first.caseNumber.text] == .some(.medium))
    }

    @Test(arguments: StoreEngine.all) func aCaseListIsReadInPagesWithTheCountsOfTheWholeList(engine: StoreEngine) async throws {
        // Given 120 open cases, some past their deadline on 10 November
        let store = try await engine.store()
        let hearings = (1...120).map { Fixtures.hearing($0) }
        _ = try await store.storeHearings(hearings, source: "a.xml", actor: Fixtures.actor, progress: nil)
        let today = try LocalDate(iso: "2026-11-10")

        // When the list is read 50 at a time
        var pages: [CaseList] = []
        for offset in stride(from: 0, to: 150, by: 50) {
            pages.append(
                try await store.caseList(CaseListQuery(statuses: [.open], offset: offset, limit: 50, today: today)))
        }

        // Then the pages together are the whole list in deadline order, and every page counts it all
        let whole = try await store.cases(status: [.open])
        #expect(pages.map(\.cases.count) == [50, 50, 20])
        #expect(pages.flatMap(\.cases).map(\.caseNumber) == whole.map(\.hearing.caseNumber))
        #expect(pages.allSatisfy { $0.total == 120 })
        let overdue = hearings.filter { $0.deadline < today }.count
        #expect(overdue > 0 && overdue < 120)
        #expect(pages.allSatisfy { $0.overdue == overdue })
        let first = try #require(pages.first?.cases.first)
        let firstHearing = try #require(whole.first?.hearing)
        #expect(first.venueName == firstHearing.venue.name)
        #expect(first.address == firstHearing.venue.address)
        #expect(first.applicantName == firstHearing.applicant.name)
        #expect(first.deadline == firstHearing.deadline)
        #expect(first.applicationType == firstHearing.applicationType)
    }

    @Test(arguments: StoreEngine.all) func aCaseListSearchIgnoresCaseInEveryAlphabet(engine: StoreEngine) async throws {
        let store = try await engine.store()
        var oelstue = Fixtures.hearing(7)
        oelstue.venue.name = "Bærums Ølstue"
        _ = try await store.storeHearings(
            [Fixtures.hearing(1), oelstue, Fixtures.hearing(8)], source: "a.xml", actor: Fixtures.actor, progress: nil)
        let today = try LocalDate(iso: "2026-11-01")
        func found(_ text: String) async throws -> [String] {
            try await store.caseList(CaseListQuery(statuses: nil, text: text, limit: 10, today: today)).cases
                .map(\.venueName)
        }
        #expect(try await found("ØLSTUE") == ["Bærums Ølstue"])
        #expect(try await found("bærums øl") == ["Bærums Ølstue"])
        #expect(try await found("olstue") == [])
        // Case number and applicant match too; LIKE's wildcards are plain text
        #expect(try await found("2026/10008") == ["Bar nummer 8"])
        #expect(try await found("cocktail 1 as") == ["Bar nummer 1"])
        #expect(try await found("%") == [])
        #expect(
            try await store.caseList(CaseListQuery(statuses: nil, text: "ølstue", limit: 10, today: today)).total == 1)
    }

    @Test(arguments: StoreEngine.all) func aBatchWithAnInvalidHearingStoresNothing(engine: StoreEngine) async throws {
        // Given a store with one case
        let store = try await engine.store()
        _ = try await store.storeHearings([Fixtures.hearing(1)], source: "a.xml", actor: Fixtures.actor, progress: nil)
        let before = try await store.cases(status: nil)

        // When a batch holds a new case, an update and, last, a hearing that breaks a rule
        var updated = Fixtures.hearing(1)
        updated.remark = "Ny merknad"
        var invalid = Fixtures.hearing(4)
        invalid.deadline = try LocalDate(iso: "2026-10-01")
        await #expect(throws: StoreError.self) {
            try await store.storeHearings(
                [Fixtures.hearing(2), updated, invalid], source: "b.xml",
                actor: Fixtures.actor, progress: nil)
        }

        // Then nothing of the batch is stored
        #expect(try await store.cases(status: nil) == before)
        #expect(try await store.versions(of: updated.caseNumber).count == 1)
        #expect(try await store.auditTrail(for: nil, limit: 10).count == 1)
    }

    @Test(arguments: StoreEngine.all) func progressIsReported(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let reports = ProgressLog()
        _ = try await store.storeHearings(
            (1...2_500).map { Fixtures.hearing($0) }, source: "big.xml",
            actor: Fixtures.actor, progress: { done, total in reports.add(done, total) })
        #expect(reports.values == [1_000, 2_000, 2_500].map { [$0, 2_500] })
    }
}

/// Collects progress callbacks from the store.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [[Int]] = []

    func add(_ done: Int, _ total: Int) {
        lock.withLock { reports.append([done, total]) }
    }

    var values: [[Int]] { lock.withLock { reports } }
}

@Suite struct AuditSearchTests {
    /// A clock the test moves forward.
    final class Clock: Sendable {
        let time = Mutex(Date(timeIntervalSince1970: 1_795_338_000))
        var function: @Sendable () -> Date { { self.time.withLock { $0 } } }
        func set(_ text: String) { time.withLock { $0 = OsloTime.parse(text)! } }
    }

    @Test(arguments: StoreEngine.all) func findsEventsByWhoWhatAndDayInOslo(engine: StoreEngine) async throws {
        // Given imports on three days by two users, and 2,500 later events
        let clock = Clock()
        let store = try await engine.store(now: clock.function)
        clock.set("2026-11-01 23:30")  // 22:30 UTC: still 1 November in Oslo
        _ = try await store.storeHearings(
            [Fixtures.hearing(1)], source: "a.xml", actor: Actor(name: "Åse", channel: "cli"), progress: nil)
        clock.set("2026-11-02 00:30")
        _ = try await store.storeHearings(
            [Fixtures.hearing(2)], source: "b.xml", actor: Actor(name: "per", channel: "web"), progress: nil)
        clock.set("2026-11-03 12:00")
        _ = try await store.storeHearings(
            (3...2_502).map { Fixtures.hearing($0) }, source: "c.xml", actor: Actor(name: "per", channel: "web"),
            progress: nil)
        func search(_ search: AuditSearch) async throws -> [String] {
            try await store.searchAudit(search).map { "\($0.actor) \($0.entityId ?? "")" }
        }

        // Then a name matches ignoring case in any alphabet, also behind thousands of newer events
        #expect(try await search(AuditSearch(who: "åSE", limit: 10)) == ["Åse 2026/10001"])
        // What matches the action, the id or the detail
        #expect(try await search(AuditSearch(what: "2026/10002", limit: 10)) == ["per 2026/10002"])
        #expect(try await search(AuditSearch(what: "hearing.created", limit: 3)).count == 3)
        // Days are Oslo days: [from, until)
        let first = OsloTime.parse("2026-11-01")!
        let second = OsloTime.parse("2026-11-02")!
        #expect(
            try await search(AuditSearch(from: first, until: second, limit: 10)) == ["Åse 2026/10001"])
        #expect(
            try await search(AuditSearch(from: second, until: OsloTime.parse("2026-11-03")!, limit: 10))
                == ["per 2026/10002"])
        // Newest first, at most `limit`
        let newest = try await store.searchAudit(AuditSearch(limit: 5))
        #expect(newest.count == 5)
        #expect(newest.first?.entityId == "2026/12502")
        #expect(try await search(AuditSearch(who: "nobody", limit: 10)) == [])
    }
}
