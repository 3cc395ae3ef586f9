import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// What the density sentence claims about the district's places is true of them, ties included
/// (the legal review found «blant de 25 prosentene … (fire eller flere)» where 39 % had four or more).
@Suite struct DensityClaimTests {
    @Test func theShareTheSentenceNamesIsTrueWithTies() throws {
        let policy = try Fixtures.policy()
        #expect(policy.density == .relative(mediumPercentile: 75, highPercentile: 90))
        // A street of places 60 m apart: most have the same number of neighbours within 250 m.
        let centre = Fixtures.statementVenue
        let points = (-10...10).map { Fixtures.offset(centre, east: Double($0) * 60 + 30) }
        let venues = points.enumerated().map { index, point in
            LicensedVenue(
                name: "Sted \(index)", position: try! .wgs84(latitude: point.latitude, longitude: point.longitude),
                source: "test")
        }
        let context = AssessmentContext(
            policy: policy, sites: [], venues: venues, penaltyPoints: [], today: try LocalDate(iso: "2026-11-22"))
        let cut = try #require(context.densityCutoffs)
        let assessment = Assessor.assess(Fixtures.statementHearing(.new, .serving), context: context)
        let density = try #require(assessment.factors.first { $0.key == .density })
        let count = try #require(assessment.venueDensity?.count)
        #expect(count >= cut.medium, "the hearing sits mid-street, among the densest")
        // «Minst N prosent av bydelens steder med bevilling har like mange eller færre steder rundt seg»
        let claim = try #require(
            density.explanation.components(separatedBy: "Minst ").last?
                .components(separatedBy: " prosent av bydelens steder med bevilling har like mange eller færre").first
                .flatMap { Int($0) })
        let neighbours = venues.map { venue in
            venues.filter {
                $0.name != venue.name
                    && $0.position.geographic.distance(to: venue.position.geographic) <= policy.densityRadius
            }.count
        }
        let share = Double(neighbours.filter { $0 <= count }.count) / Double(venues.count) * 100
        #expect(share >= Double(claim), "\(density.explanation) – the true share is \(share) %")
        #expect(!density.explanation.contains("blant de"))
    }
}
