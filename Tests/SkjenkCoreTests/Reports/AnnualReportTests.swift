import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// Issue 18, item 7: the annual report's figures against a fixture whose answers are worked out by
/// hand below (a quarter boundary, an even-count median, a case not answered, a late answer, a
/// decision disagreeing, a complaint received just after midnight on New Year's Day in Oslo).
@Suite struct AnnualReportTests {
    static func fact(
        _ number: String, _ kind: ApplicationType, received: String, deadline: String, outcome: StatementOutcome?,
        state: ReviewState = .sent, sent: String?
    ) -> StatementFact {
        StatementFact(
            caseNumber: try! CaseNumber(number), district: "St. Hanshaugen", applicationType: kind,
            permitType: .serving, received: Fixtures.day(received), deadline: Fixtures.day(deadline), outcome: outcome,
            state: state, sentDate: sent.map(Fixtures.day))
    }

    /// A: received on the first quarter's last day, answered in the second: counts in the first.
    /// B: received on the second quarter's first day, sent after the deadline.
    /// D: approved but not sent (not answered). F: received in 2025, answered in 2026 (not counted).
    static let facts = [
        fact("2026/20001", .new, received: "2026-03-31", deadline: "2026-04-30", outcome: .grantWithConditions,
            sent: "2026-04-20"),  // 20 days, on time
        fact("2026/20002", .renewal, received: "2026-04-01", deadline: "2026-05-01", outcome: .noRemarks,
            sent: "2026-05-11"),  // 40 days, late
        fact("2026/20003", .changeOfOwner, received: "2026-04-15", deadline: "2026-05-15", outcome: .noRemarks,
            sent: "2026-05-10"),  // 25 days, on time (on the deadline would be too)
        fact("2026/20004", .new, received: "2026-05-02", deadline: "2026-06-01", outcome: .against, state: .approved,
            sent: nil),
        fact("2026/20005", .new, received: "2026-11-02", deadline: "2026-12-02", outcome: .against,
            sent: "2026-11-12"),  // 10 days, on time
        fact("2025/20006", .new, received: "2025-12-30", deadline: "2026-01-29", outcome: .noRemarks,
            sent: "2026-01-10"),
    ]

    static func decision(_ number: String, _ outcome: AgencyDecision.Outcome) -> AgencyDecision {
        AgencyDecision(
            caseNumber: try! CaseNumber(number), outcome: outcome, date: Fixtures.day("2026-11-20"),
            conditions: outcome == .grantedWithConditions ? ["Vakt i helgene."] : [], recordedAt: Date(),
            recordedBy: "kari")
    }

    static let decisions = [
        decision("2026/20001", .grantedWithConditions),  // agrees with «vilkår»
        decision("2026/20002", .refused),  // the district had no remarks: disagrees
        decision("2026/20004", .refused),  // not answered: recorded, not compared
        decision("2026/20005", .refused),  // agrees with «går imot»
        decision("2025/20006", .granted),  // a 2025 hearing: not this year's
    ]

    static func complaint(_ received: String, _ categories: Set<ComplaintCategory>, _ venue: String)
        -> ComplaintLogEntry
    {
        Fixtures.complaintEntry(
            received: received, incident: String(received.prefix(10)), categories: categories,
            venue: ComplaintVenue(name: venue), complainant: nil)
    }

    static let complaints = [
        complaint("2026-01-01 00:30", [.noise], "Bar Boble"),  // 31 December in UTC, 1 January in Oslo
        complaint("2026-04-10 12:00", [.noise, .disorder], "Bar Boble"),
        complaint("2026-04-11 12:00", [.litter], "Pub Bislett"),
        complaint("2025-12-31 22:00", [.noise], "Bar Boble"),  // last year
        complaint("2026-07-01 10:00", [.disorder], "Café Ærlig"),
    ]

    let report = AnnualReport(
        year: try! ReportPeriod(year: 2026), facts: facts, decisions: decisions, complaints: complaints)

    @Test func theYearsFiguresAreTheOnesWorkedOutByHand() {
        let year = report.year
        // A, B, C, D, E (F is 2025's): three new, one renewal, one change of owner.
        #expect(year.receivedTotal == 5)
        #expect(year.received.map(\.key) == ApplicationType.allCases)
        #expect(year.received.map(\.count) == [3, 0, 1, 1, 0])
        // Answered: A, B, C, E; on time: A, C, E.
        #expect(year.answered == 4)
        #expect(year.unanswered == 1)
        #expect(year.answeredOnTime == 3)
        #expect(year.onTimePercent == 75.0)
        // Days 20, 40, 25, 10 → sorted 10, 20, 25, 40 → (20 + 25) / 2.
        #expect(year.medianDaysUsed == 22.5)
        // Outcomes of the answered only (D's «går imot» is not one).
        #expect(year.outcomes.map(\.key) == StatementOutcome.allCases)
        #expect(year.outcomes.map(\.count) == [2, 0, 1, 0, 1])
        // Decisions on A, B, D, E; compared A, B, E; agreeing A and E: 2 of 3.
        #expect(year.decisions == 4)
        #expect(year.decisionsCompared == 3)
        #expect(year.decisionsAgreeing == 2)
        #expect(year.agreementPercent == 66.7)
        // Complaints of 2026: four; støy 2, uro 2 (domain order breaks the tie), forsøpling 1.
        #expect(year.complaints == 4)
        #expect(year.complaintsByCategory == [Tally(.noise, 2), Tally(.disorder, 2), Tally(.litter, 1)])
        #expect(year.complaintsByVenue == [Tally("Bar Boble", 2), Tally("Café Ærlig", 1), Tally("Pub Bislett", 1)])
    }

    @Test func eachQuarterCountsTheHearingsReceivedInIt() {
        let (q1, q2, q3, q4) = (report.quarters[0], report.quarters[1], report.quarters[2], report.quarters[3])
        #expect(report.quarters.map(\.period.label) == ["1. kvartal 2026", "2. kvartal 2026", "3. kvartal 2026", "4. kvartal 2026"])
        // A alone (received 31 March, answered in April).
        #expect((q1.receivedTotal, q1.answered, q1.answeredOnTime, q1.onTimePercent) == (1, 1, 1, 100.0))
        #expect(q1.medianDaysUsed == 20)
        #expect((q1.decisions, q1.decisionsCompared, q1.decisionsAgreeing) == (1, 1, 1))
        #expect(q1.complaints == 1)
        // B (late), C, D (not answered); median of 40 and 25.
        #expect(q2.received.map(\.count) == [1, 0, 1, 1, 0])
        #expect((q2.answered, q2.unanswered, q2.answeredOnTime, q2.onTimePercent) == (2, 1, 1, 50.0))
        #expect(q2.medianDaysUsed == 32.5)
        #expect((q2.decisions, q2.decisionsCompared, q2.decisionsAgreeing, q2.agreementPercent) == (2, 1, 0, 0.0))
        #expect(q2.complaintsByCategory == [Tally(.noise, 1), Tally(.disorder, 1), Tally(.litter, 1)])
        // Nothing received: no basis for a percentage or a median.
        #expect(q3.receivedTotal == 0)
        #expect(q3.onTimePercent == nil && q3.medianDaysUsed == nil && q3.agreementPercent == nil)
        #expect(q3.complaintsByVenue == [Tally("Café Ærlig", 1)])
        #expect((q4.receivedTotal, q4.answered, q4.medianDaysUsed, q4.agreementPercent) == (1, 1, 10, 100.0))
        #expect(report.figures(try! ReportPeriod(year: 2026, quarter: 2)) == q2)
    }

    @Test func theVenueListStopsAtTen() {
        let many = (1...12).flatMap { index in
            (0..<(index == 12 ? 3 : 1)).map { _ in Self.complaint("2026-03-0\(index % 9 + 1) 12:00", [.noise], "Sted \(index)") }
        }
        let figures = ReportFigures(period: try! ReportPeriod(year: 2026), facts: [], decisions: [], complaints: many)
        #expect(figures.complaints == 14)
        #expect(figures.complaintsByVenue.count == 10)
        // Most first, then in natural order (Sted 9 before Sted 10): Sted 10 and Sted 11 fall off.
        #expect(figures.complaintsByVenue.prefix(3).map(\.key) == ["Sted 12", "Sted 1", "Sted 2"])
        #expect(figures.complaintsByVenue.last?.key == "Sted 9")
    }

    static let medians: [([Int], Double?)] = [([], nil), ([7], 7), ([3, 1, 2], 2), ([4, 1, 3, 2], 2.5), ([10, 10], 10)]

    @Test(arguments: medians)
    func theMedian(values: [Int], median: Double?) {
        #expect(ReportFigures.median(values) == median)
    }

    @Test func percentagesHaveOneDecimal() {
        #expect(ReportFigures.percent(2, of: 3) == 66.7)
        #expect(ReportFigures.percent(1, of: 3) == 33.3)
        #expect(ReportFigures.percent(1, of: 8) == 12.5)
        #expect(ReportFigures.percent(0, of: 0) == nil)
    }

    @Test func periodsAndTheirRefusals() throws {
        let q1 = try ReportPeriod(year: 2026, quarter: 1)
        #expect((q1.first.iso, q1.last.iso, q1.code) == ("2026-01-01", "2026-03-31", "2026-K1"))
        let q4 = try ReportPeriod(year: 2028, quarter: 4)
        #expect((q4.first.iso, q4.last.iso) == ("2028-10-01", "2028-12-31"))
        #expect(try ReportPeriod(year: 2028).last.iso == "2028-12-31")
        #expect(try ReportPeriod(year: 2028, quarter: 1).quarters.count == 4)
        #expect(throws: ReportPeriod.Problem.year("20x6")) { try ReportPeriod(yearText: "20x6") }
        #expect(throws: ReportPeriod.Problem.year("1999")) { try ReportPeriod(yearText: "1999") }
        #expect(throws: ReportPeriod.Problem.quarter(5)) { try ReportPeriod(year: 2026, quarter: 5) }
        #expect(
            ReportPeriod.Problem.year("20x6").description
                == "«20x6» er ikke et år rapporten kan gjelde (velg et år fra 2000 til 2100)")
        #expect(try ReportPeriod(yearText: " 2026 ").year == 2026)
    }
}
