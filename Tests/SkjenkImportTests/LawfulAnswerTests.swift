import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkTestSupport
import Testing

/// Hearings whose lawful answer is known (`Samples/situations/`), read through the importer and
/// assessed with the sample policy in a quiet street: no sensitive site or licensed venue within
/// the policy's radii, no complaints, no penalty points. Each answer rests on alkoholloven § 4-4,
/// alkoholforskriften § 10-1 and Oslo's regulation of opening hours (FOR-2006-05-03-490 § 1).
@Suite struct LawfulAnswerTests {
    static let reader = try! HearingXMLReader()

    func assess(_ file: String) throws -> (Hearing, Assessment) {
        let read = Self.reader.read(contentsOf: Fixtures.sample("situations/\(file)"))
        #expect(read.isAccepted, "\(read.diagnostics)")
        let hearing = try #require(read.hearings.first?.hearing)
        let far = try Position.wgs84(latitude: 59.95, longitude: 10.80)
        let context = AssessmentContext(
            policy: try Fixtures.policy(),
            sites: [Site(category: .school, name: "Skole langt unna", position: far, source: "test")],
            venues: [LicensedVenue(name: "Sted langt unna", position: far, source: "test")], penaltyPoints: [],
            complaints: [], today: try LocalDate(iso: "2026-11-27"))
        return (hearing, Assessor.assess(hearing, context: context))
    }

    /// A café in a residential zone serving to 00.30 inside and 21.30 outside: within the serving
    /// stops (closed 01.00 and 22.00), low, no remarks.
    @Test func aCafeWithinTheResidentialZonesHours() throws {
        let (_, a) = try assess("kafe-boligomraade-innenfor.xml")
        #expect(a.level == .low)
        #expect(a.outcome == .noRemarks)
        #expect(a.refusals.isEmpty && a.conditions.isEmpty)
        #expect(a.factors.allSatisfy { $0.score == 0 }, "\(a.factors.map { "\($0.key):\($0.score)" })")
        #expect(a.weighing.conclusion == "Ingenting i vurderingen taler mot søknaden.")
    }

    /// The same café to 01.00 inside: thirty minutes past the serving stop. A part-refusal of the
    /// half hour, naming the closing time it follows from; the level stays low.
    @Test func theSameCafeToOneOClock() throws {
        let (_, a) = try assess("kafe-boligomraade-til-0100.xml")
        #expect(a.outcome == .partialRefusal)
        #expect(a.level == .low)
        let refusal = try #require(a.refusals.first)
        #expect(a.refusals.count == 1)
        #expect(refusal.part == "skjenking inne etter kl. 00.30")
        #expect(refusal.alternative == "skjenking inne til kl. 00.30")
        #expect(refusal.reason.contains("stedet skal holde lukket inne fra kl. 01.00"))
        #expect(
            a.factors.first { $0.key == .hours }?.explanation.contains(
                "Skjenkingen må etter forskriften opphøre en halv time før, kl. 00.30, og skjenking etter det kan ikke tilrås.") == true)
    }

    /// Group 3 outdoors from 11.00: § 4-4 allows group 3 from 13.00 only.
    @Test func groupThreeOutdoorsFromEleven() throws {
        let (_, a) = try assess("gruppe-3-ute-fra-1100.xml")
        #expect(a.outcome == .partialRefusal)
        #expect(a.refusals.map(\.part) == ["skjenking av alkoholgruppe 3 ute før kl. 13.00"])
        #expect(a.refusals.first?.alternative == "skjenking av alkoholgruppe 3 ute fra kl. 13.00")
        #expect(a.refusals.first?.rule == .group3BeforeOnePM)
    }

    /// Group 3 to 01.00 while groups 1–2 stop at 00.00: § 4-4 does not let group 3 run longer.
    @Test func groupThreeLaterThanGroupsOneAndTwo() throws {
        let (_, a) = try assess("gruppe-3-senere-enn-gruppe-1-og-2.xml")
        #expect(a.outcome == .partialRefusal)
        #expect(a.refusals.map(\.part) == ["skjenking av alkoholgruppe 3 inne etter kl. 00.00"])
        #expect(a.refusals.first?.alternative == "skjenking av alkoholgruppe 3 inne til kl. 00.00, som gruppe 1 og 2")
    }

    /// A single-occasion wine tasting: no bar ("vinklubben" is not "klubb"), no invented age limit,
    /// and no points factor (alkoholforskriften § 10-1).
    @Test func aSingleOccasionWineTasting() throws {
        let (hearing, a) = try assess("vinsmaking-enkeltanledning.xml")
        #expect(hearing.applicationType == .singleOccasion && hearing.venue.ageLimit == nil)
        #expect(!a.factors.contains { $0.key == .points })
        #expect(!a.conditions.contains { $0.subject == .ageLimit })
        let concept = try #require(a.factors.first { $0.key == .concept })
        #expect(concept.score == 0 && !concept.evidence.contains { $0.contains("utested") })
        #expect(a.outcome == .noRemarks)
    }
}
