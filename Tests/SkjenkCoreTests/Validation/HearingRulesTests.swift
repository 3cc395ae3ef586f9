import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

@Suite struct HearingRulesTests {
    @Test func aValidHearingBreaksNoRule() {
        #expect(HearingRules.check(HearingFacts(Fixtures.hearing())).isEmpty)
    }

    @Test func deadlineNotBeforeSent() throws {
        var hearing = Fixtures.hearing()
        hearing.deadline = try LocalDate(iso: "2026-11-01")
        let violations = HearingRules.check(HearingFacts(hearing))
        #expect(violations.map(\.field) == [.deadline])
        #expect(violations[0].message.contains("2026-11-01"))
        hearing.deadline = hearing.sent
        #expect(HearingRules.check(HearingFacts(hearing)).isEmpty)
    }

    @Test func changeNeedsDescriptionAndOnlyThen() {
        var hearing = Fixtures.hearing(applicationType: .change)
        #expect(HearingRules.check(HearingFacts(hearing)).isEmpty)
        hearing.change = "  "
        #expect(HearingRules.check(HearingFacts(hearing)).map(\.field) == [.applicationType])
        var renewal = Fixtures.hearing(applicationType: .renewal)
        renewal.change = "Lengre åpningstid"
        #expect(HearingRules.check(HearingFacts(renewal)).map(\.field) == [.change])
    }

    @Test func retailSaleOnlyGroupOne() throws {
        var hearing = Fixtures.hearing()
        hearing.permitType = .retailSale
        hearing.alcoholGroups = [.group1, .group2]
        hearing.servingPeriods = [
            try ServingPeriod(
                area: .indoor, groups: [.group1, .group2],
                from: TimeOfDay("08:00"), to: TimeOfDay("20:00"))
        ]
        let violations = HearingRules.check(HearingFacts(hearing))
        #expect(violations.map(\.field) == [.alcoholGroups, .servingPeriod(0)])
        #expect(violations[0].message.contains("salgsbevilling"))
    }

    @Test func periodGroupsMustHaveBeenAppliedFor() throws {
        var hearing = Fixtures.hearing()
        hearing.alcoholGroups = [.group1, .group2]
        let violations = HearingRules.check(HearingFacts(hearing))
        // The fixture's periods 2 and 3 serve group 3.
        #expect(violations.map(\.field) == [.servingPeriod(1), .servingPeriod(2)])
    }

    @Test(arguments: [(48.85, 2.35), (10.73, 59.92), (59.33, 18.07), (55.68, 12.57), (65.83, 24.14)])
    func positionMustBeInNorway(latitude: Double, longitude: Double) throws {
        var hearing = Fixtures.hearing()
        hearing.venue.position = try .wgs84(latitude: latitude, longitude: longitude)
        #expect(HearingRules.check(HearingFacts(hearing)).map(\.field) == [.position])
    }

    @Test func tromsøAndKirkenesAreInNorway() throws {
        var hearing = Fixtures.hearing()
        hearing.venue.position = try .wgs84(latitude: 69.6492, longitude: 18.9553)
        #expect(HearingRules.check(HearingFacts(hearing)).isEmpty)
        hearing.venue.position = try Position(srid: .utm33, x: 1_072_000, y: 7_790_000)
        #expect(HearingRules.check(HearingFacts(hearing)).isEmpty)
    }
}

@Suite struct NorwayExtentTests {
    @Test(arguments: [
        ("Oslo", 59.91, 10.75), ("Halden", 59.12, 11.39), ("Kongsvinger", 60.19, 12.00), ("Kirkenes", 69.73, 30.05),
        ("Kautokeino", 69.01, 23.04), ("Narvik", 68.44, 17.43), ("Røros", 62.57, 11.38), ("Røst", 67.52, 12.10),
        ("Utsira", 59.31, 4.88), ("Lindesnes", 57.98, 7.05), ("Vardø", 70.37, 31.11), ("Hammerfest", 70.66, 23.68),
    ])
    func inside(_ place: String, latitude: Double, longitude: Double) {
        #expect(NorwayExtent.contains(GeoPoint(latitude: latitude, longitude: longitude)), "\(place)")
    }

    @Test(arguments: [
        ("Stockholm", 59.33, 18.07), ("Göteborg", 57.71, 11.97), ("Charlottenberg", 59.88, 12.29),
        ("Haparanda", 65.83, 24.14), ("Kiruna", 67.86, 20.23), ("København", 55.68, 12.57), ("Aberdeen", 57.15, -2.09),
        ("Longyearbyen", 78.22, 15.65), ("Paris", 48.85, 2.35), ("swapped Oslo", 10.75, 59.91),
    ])
    func outside(_ place: String, latitude: Double, longitude: Double) {
        #expect(!NorwayExtent.contains(GeoPoint(latitude: latitude, longitude: longitude)), "\(place)")
    }
}
