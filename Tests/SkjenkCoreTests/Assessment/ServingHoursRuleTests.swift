import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// The requested serving hours against alkoholloven § 4-4 and the zones of Oslo's regulation of
/// opening hours (FOR-2006-05-03-490 § 1, policy `soner`): a closing time is never read as a
/// serving time, an unlawful hour becomes a part-refusal that names the part and the lawful
/// alternative, and no sentence says "ut over sonens norm".
@Suite struct ServingHoursRuleTests {
    let policy = try! Fixtures.policy()

    /// One requested period, `area groups from–to [days]`.
    struct Request: Sendable, CustomTestStringConvertible {
        let area: ServingArea
        let groups: Set<AlcoholGroup>
        let from: String
        let to: String
        var days: Set<Weekday> = Set(Weekday.allCases)

        var period: ServingPeriod {
            try! ServingPeriod(area: area, groups: groups, days: days, from: TimeOfDay(from), to: TimeOfDay(to))
        }

        var testDescription: String { "\(area.code) \(groups.map(\.rawValue).sorted()) \(from)–\(to)" }
    }

    static func inside(_ groups: Set<AlcoholGroup>, _ from: String, _ to: String, days: Set<Weekday>? = nil) -> Request
    {
        Request(area: .indoor, groups: groups, from: from, to: to, days: days ?? Set(Weekday.allCases))
    }

    static func outside(_ groups: Set<AlcoholGroup>, _ from: String, _ to: String) -> Request {
        Request(area: .outdoor, groups: groups, from: from, to: to)
    }

    func assess(_ zone: Zone, _ requests: [Request]) -> Assessment {
        var hearing = Fixtures.hearing(21)
        hearing.zone = zone
        hearing.venue.concept = "Kafé"
        hearing.venue.targetGroup = "Naboer"
        hearing.venue.ageLimit = nil
        hearing.venue.capacity = Capacity(indoor: 40, outdoor: 20)
        hearing.venue.outdoorArea = OutdoorArea(placement: .pavement)
        hearing.alcoholGroups = Set(requests.flatMap(\.groups))
        hearing.servingPeriods = requests.map(\.period)
        return Assessor.assess(
            hearing, context: AssessmentContext(policy: policy, sites: [], venues: [], today: FixedClock().today))
    }

    /// (zone, requested periods, refused parts with their lawful alternatives, rule)
    static let table: [(Zone, [Request], [String], [PartRefusal.Rule])] = [
        // Residential zone: closed 01.00 inside and 22.00 outside, so serving stops 00.30 and 21.30.
        (
            .residential,
            [inside([.group1, .group2], "08:00", "00:30"), outside([.group1, .group2], "11:00", "21:30")], [], []
        ),
        (
            .residential, [inside([.group1, .group2], "08:00", "01:00")],
            ["skjenking inne etter kl. 00.30 → skjenking inne til kl. 00.30"], [.servingStop]
        ),
        (
            .residential, [outside([.group1, .group2], "11:00", "22:00")],
            ["skjenking ute etter kl. 21.30 → skjenking ute til kl. 21.30"], [.servingStop]
        ),
        // Centre: closed 03.30 inside and 24.00 outside.
        (
            .centre, [inside([.group1, .group2], "11:00", "03:00"), outside([.group1, .group2], "11:00", "23:30")], [],
            []
        ),
        (
            .centre, [outside([.group1, .group2], "11:00", "00:00")],
            ["skjenking ute etter kl. 23.30 → skjenking ute til kl. 23.30"], [.servingStop]
        ),
        // § 4-4: never 03.00–06.00, whatever the zone.
        (
            .innerCentre, [inside([.group1, .group2], "11:00", "04:00")],
            ["skjenking inne etter kl. 03.00 → skjenking inne til kl. 03.00"], [.servingStop]
        ),
        // § 4-4: group 3 never before 13.00.
        (
            .residential, [outside([.group1, .group2, .group3], "11:00", "21:30")],
            ["skjenking av alkoholgruppe 3 ute før kl. 13.00 → skjenking av alkoholgruppe 3 ute fra kl. 13.00"],
            [.group3BeforeOnePM]
        ),
        // § 4-4: group 3 never later than groups 1 and 2, compared per day and area.
        (
            .residential, [inside([.group1, .group2], "12:00", "00:00"), inside([.group3], "13:00", "00:30")],
            [
                "skjenking av alkoholgruppe 3 inne etter kl. 00.00 → skjenking av alkoholgruppe 3 inne til kl. 00.00, som gruppe 1 og 2"
            ],
            [.group3AfterGroups12]
        ),
        (
            .centre,
            [
                inside([.group1, .group2], "12:00", "02:00", days: [.friday, .saturday]),
                inside(
                    [.group1, .group2], "12:00", "23:00", days: [.monday, .tuesday, .wednesday, .thursday, .sunday]),
                inside([.group3], "13:00", "02:00"),
            ],
            [
                "skjenking av alkoholgruppe 3 inne etter kl. 23.00 (mandag, tirsdag, onsdag, torsdag og søndag) "
                    + "→ skjenking av alkoholgruppe 3 inne til kl. 23.00, som gruppe 1 og 2"
            ],
            [.group3AfterGroups12]
        ),
        // Same times indoors and out are compared per area: group 3 inside to 00.30 is not later than
        // groups 1–2 inside, though groups 1–2 outside stop at 21.30.
        (
            .residential,
            [
                inside([.group1, .group2], "12:00", "00:30"), inside([.group3], "13:00", "00:30"),
                outside([.group1, .group2], "12:00", "21:30"),
            ], [], []
        ),
        // § 4-4 first paragraph and policy `tidligste_skjenkestart`: groups 1–2 from 08.00.
        (
            .residential, [inside([.group1, .group2], "07:00", "00:00")],
            ["skjenking inne før kl. 08.00 → skjenking inne fra kl. 08.00"], [.outerLimits]
        ),
    ]

    @Test(arguments: table)
    func partRefusalsNameThePartAndTheLawfulAlternative(
        zone: Zone, requests: [Request], expected: [String], rules: [PartRefusal.Rule]
    ) {
        let a = assess(zone, requests)
        #expect(a.refusals.map { "\($0.part) → \($0.alternative)" } == expected)
        #expect(a.refusals.map(\.rule) == rules)
        #expect(a.outcome == (expected.isEmpty ? .noRemarks : .partialRefusal))
        let hours = a.factors.first { $0.key == .hours }
        #expect(hours?.explanation.contains("norm") == false, "\(hours?.explanation ?? "")")
        for refusal in a.refusals {
            #expect(!refusal.reason.isEmpty)
            // The explanation gives each refusal's lawful limit (and, past the closing time, its reason).
            if let limit = refusal.limit {
                #expect(hours?.explanation.contains(NorwegianFormat.time(limit)) == true)
            }
        }
    }

    @Test func theReasonSaysWhichIsTheClosingAndWhichTheServingStop() throws {
        let a = assess(.residential, [Self.inside([.group1, .group2], "08:00", "01:00")])
        let refusal = try #require(a.refusals.first)
        #expect(
            refusal.reason
                == "skjenkingen må opphøre kl. 00.30 fordi stedet skal holde lukket inne fra kl. 01.00 i boligområde "
                + "utenfor sentrum")
        let hours = try #require(a.factors.first { $0.key == .hours })
        // 01.00 is the closing time itself: named as such, with the serving stop half an hour before,
        // and the half hour after it refused, never said to be fine (no contradiction with the refusal).
        #expect(
            hours.explanation.contains(
                "Søknaden oppgir skjenking inne til kl. 01.00, som er stedets stengetid inne. Skjenkingen må etter "
                    + "forskriften opphøre en halv time før, kl. 00.30, og skjenking etter det kan ikke tilrås."))
        #expect(!hours.explanation.contains("legger til grunn"))
        #expect(a.refusals.map(\.part) == ["skjenking inne etter kl. 00.30"])
        // Past the closing time it is an excess, said in words.
        let later = assess(.residential, [Self.inside([.group1, .group2], "08:00", "02:00")])
        #expect(
            later.factors.first { $0.key == .hours }?.explanation.hasPrefix(
                "Omsøkt skjenking inne til kl. 02.00 er halvannen time etter skjenkestopp kl. 00.30, og kan ikke tilrås: "
            ) == true)
        #expect(hours.score == 1)
        // Thirty minutes over: the level stays low; the refusal alone decides the outcome.
        #expect(a.level == .low)
    }

    @Test func withinTheZoneTheExplanationNamesBothTimes() throws {
        let a = assess(
            .residential,
            [Self.inside([.group1, .group2], "08:00", "00:30"), Self.outside([.group1, .group2], "11:00", "21:30")])
        let hours = try #require(a.factors.first { $0.key == .hours })
        #expect(hours.score == 0)
        // The requested ends and the zone's serving stops, each named as what it is.
        #expect(
            hours.explanation.hasPrefix(
                "Omsøkt skjenking inne til kl. 00.30 og ute til kl. 21.30 holder seg innenfor det som gjelder i "
                    + "boligområde utenfor sentrum, der skjenkingen skal opphøre senest kl. 00.30 inne og kl. 21.30 ute, "
                    + "før stedet skal holde lukket"), "\(hours.explanation)")
        let earlier = assess(.innerCentre, [Self.inside([.group1, .group2], "11:00", "01:00")])
        let early = try #require(earlier.factors.first { $0.key == .hours })
        #expect(
            early.explanation.hasPrefix(
                "Omsøkt skjenking inne til kl. 01.00 holder seg innenfor det som gjelder i indre sentrum, der skjenkingen "
                    + "skal opphøre senest kl. 03.00 inne"), "\(early.explanation)")
    }

    @Test func theNightHoursAreOutsideTheLawWhateverTheZone() throws {
        let a = assess(.innerCentre, [Self.inside([.group1, .group2], "05:00", "12:00")])
        #expect(
            a.refusals.map(\.reason).contains(
                "alkoholloven § 4-4 tillater ikke skjenking mellom kl. 03.00 og kl. 06.00"))
    }
}
