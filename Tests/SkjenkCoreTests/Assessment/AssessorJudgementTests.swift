import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// The district's cut-offs within the factors (policy `vurdering`): the defaults give what the
/// assessor has always given, and a district that chooses otherwise gets its own.
@Suite struct AssessorJudgementTests {
    static let venue = GeoPoint(latitude: 59.9290, longitude: 10.7505)

    /// The sample policy with `change` applied to its judgement.
    func policy(_ change: (inout Policy.Judgement) -> Void = { _ in }) throws -> Policy {
        var policy = try Fixtures.policy()
        change(&policy.judgement)
        return policy
    }

    /// A restaurant in the residential zone (closed 01.00 inside, serving stop 00.30), groups 1
    /// and 2 from 12.00, with `change` applied.
    func hearing(_ change: (inout Hearing) throws -> Void = { _ in }) rethrows -> Hearing {
        var h = AssessorTests().base()
        try change(&h)
        return h
    }

    func period(_ area: ServingArea, _ groups: Set<AlcoholGroup>, _ from: String, _ to: String) -> ServingPeriod {
        try! ServingPeriod(area: area, groups: groups, from: TimeOfDay(from), to: TimeOfDay(to))
    }

    func score(
        _ key: FactorKey, _ hearing: Hearing, policy: Policy, sites: [Site] = [], complaints: [Complaint]? = nil
    ) throws -> (score: Int, assessment: Assessment) {
        let assessment = Assessor.assess(
            hearing,
            context: AssessmentContext(
                policy: policy, sites: sites, venues: [], complaints: complaints,
                today: try LocalDate(iso: "2026-11-22")))
        let factor = try #require(assessment.factors.first { $0.key == key }, "no factor \(key)")
        return (factor.score, assessment)
    }

    @Test func theDefaultsAreTheValuesTheAssessorHasUsed() {
        let judgement = Policy.Judgement()
        #expect(judgement.conceptSignsMedium == 2 && judgement.conceptSignsHigh == 4)
        #expect(judgement.servingStopExcessMinutes == 60)
        #expect(judgement.closedSiteReduction == 2)
        #expect(judgement.repeatedEpisodes == 2)
    }

    /// `vurdering.stengt_sted_trekk`: a kindergarten 40 m away (high: 3) is closed from 17.00,
    /// and serving starts at 18.00.
    @Test(arguments: [(2, 1), (0, 3), (3, 0)])
    func aClosedSiteWeighsLessByThePolicysSteps(reduction: Int, expected: Int) throws {
        let p = Fixtures.offset(Self.venue, north: 40)
        let kindergarten = Site(
            category: .kindergarten, name: "Barnehagen",
            position: try .wgs84(latitude: p.latitude, longitude: p.longitude),
            source: "test")
        let h = hearing { $0.servingPeriods = [period(.indoor, [.group1, .group2], "18:00", "00:30")] }
        let result = try score(
            .children, h, policy: policy { $0.closedSiteReduction = reduction }, sites: [kindergarten])
        #expect(result.score == expected)
    }

    /// `vurdering.konsept_tegn_middels` and `_hoy`: a cocktail bar serving group 3 shows two signs.
    @Test(arguments: [(2, 4, 2), (3, 4, 1), (1, 2, 3)])
    func conceptSignsAreCountedAgainstThePolicysCutOffs(medium: Int, high: Int, expected: Int) throws {
        let bar = hearing {
            $0.venue.concept = "Cocktailbar"
            $0.venue.ageLimit = 23
            $0.alcoholGroups = [.group1, .group2, .group3]
            $0.servingPeriods.append(period(.indoor, [.group3], "13:00", "00:30"))
        }
        let judged = try policy {
            $0.conceptSignsMedium = medium
            $0.conceptSignsHigh = high
        }
        let result = try score(.concept, bar, policy: judged)
        #expect(result.score == expected)
        #expect(result.assessment.factors.first { $0.key == .concept }?.evidence.count == 2)
    }

    /// `vurdering.overskridelse_skjenkestopp_minutter`: serving past the 00.30 stop by more than
    /// the policy's minutes weighs medium, otherwise low; both are refused.
    @Test(arguments: [("01:30", 60, 1), ("01:31", 60, 2), ("01:30", 59, 2), ("02:30", 120, 1)])
    func servingPastTheStopWeighsByHowFar(until: String, minutes: Int, expected: Int) throws {
        let late = hearing { $0.servingPeriods = [period(.indoor, [.group1, .group2], "12:00", until)] }
        let result = try score(.hours, late, policy: policy { $0.servingStopExcessMinutes = minutes })
        #expect(result.score == expected)
        #expect(result.assessment.refusals.map(\.rule) == [.servingStop])
    }

    /// `vurdering.gjentatte_episoder`: episodes of one kind at the venue that call for a condition.
    @Test(arguments: [
        (ComplaintCategory.noise, 2, Condition.Subject?.some(.noise)),
        (.noise, 3, nil),
        (.disorder, 2, .guards),
        (.disorder, 3, nil),
    ])
    func repeatedEpisodesCallForACondition(
        category: ComplaintCategory, repeated: Int, expected: Condition.Subject?
    ) throws {
        let place = hearing { $0.venue.address.street = "Pilestredet 63" }
        let complaints = ["2026-03-01", "2026-04-01"].enumerated().map { index, date in
            Complaint(
                id: Int64(index + 1), incidentDate: try! LocalDate(iso: date), categories: [category],
                organisationNumber: nil, street: "Pilestredet 63", position: nil, unfounded: false, episodeId: nil)
        }
        let result = try score(
            .complaints, place, policy: policy { $0.repeatedEpisodes = repeated }, complaints: complaints)
        #expect(result.score == 2)
        let subjects = result.assessment.conditions.map(\.subject).filter { $0 == .noise || $0 == .guards }
        #expect(subjects == (expected.map { [$0] } ?? []))
    }
}
