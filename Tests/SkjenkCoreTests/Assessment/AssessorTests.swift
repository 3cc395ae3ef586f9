import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// Each factor against a hand-checked case, with the sample policy (Samples/policy.yaml):
/// school/kindergarten/youth/treatment bands 100/300 m, sports 50/150 m; residential zone norm
/// 01:00 inside, 22:00 outside; courtyards 20:00; density 8/15 within 250 m; levels 4/12.
@Suite struct AssessorTests {
    let policy = try! Fixtures.policy()
    static let venue = GeoPoint(latitude: 59.9290, longitude: 10.7505)

    /// A serving hearing at `venue` in the residential zone, groups 1 and 2, 12:00–01:00 inside.
    func hearing(_ change: (inout Hearing) throws -> Void) rethrows -> Hearing {
        var h = base()
        try change(&h)
        return h
    }

    func base() -> Hearing {
        var h = Fixtures.hearing(7)
        h.venue.position = try! .wgs84(latitude: Self.venue.latitude, longitude: Self.venue.longitude)
        h.venue.concept = "Restaurant med norsk mat"
        h.venue.targetGroup = "Familier og voksne"
        h.venue.ageLimit = nil
        h.venue.outdoorArea = nil
        h.venue.capacity = Capacity(indoor: 60)
        h.zone = .residential
        h.alcoholGroups = [.group1, .group2]
        h.servingPeriods = [
            try! ServingPeriod(
                area: .indoor, groups: [.group1, .group2], from: TimeOfDay("12:00"),
                to: TimeOfDay("01:00"))
        ]
        return h
    }

    func site(_ category: SiteCategory, _ name: String, north: Double) -> Site {
        let p = Fixtures.offset(Self.venue, north: north)
        return Site(
            category: category, name: name, position: try! .wgs84(latitude: p.latitude, longitude: p.longitude),
            source: "test")
    }

    func venues(_ count: Int, within metres: Double) -> [LicensedVenue] {
        (0..<count).map { i in
            let p = Fixtures.offset(
                Self.venue, north: metres * 0.9 * cos(Double(i)), east: metres * 0.9 * sin(Double(i)))
            return LicensedVenue(
                name: "Sted \(i)", position: try! .wgs84(latitude: p.latitude, longitude: p.longitude),
                source: "test")
        }
    }

    func assess(_ hearing: Hearing, sites: [Site]? = [], venues: [LicensedVenue]? = []) -> Assessment {
        Assessor.assess(
            hearing,
            context: AssessmentContext(
                policy: policy, sites: sites ?? nil, venues: venues ?? nil,
                today: FixedClock().today))
    }

    func factor(_ key: String, _ assessment: Assessment) throws -> Factor {
        try #require(assessment.factors.first { $0.key == key }, "no factor \(key)")
    }

    // MARK: Location

    @Test(arguments: [(80.0, 3), (200.0, 2), (400.0, 0)])
    func schoolDistanceBands(distance: Double, score: Int) throws {
        let a = assess(
            base(), sites: [site(.school, "Bolteløkka skole", north: distance)], venues: venues(0, within: 0))
        let children = try factor("children", a)
        #expect(children.score == score)
        #expect(children.criterion == .location)
        if score > 0 {
            #expect(children.explanation.hasPrefix("Bolteløkka skole (skole) ligger \(Int(distance)) m fra stedet"))
            #expect(children.evidence == ["skole: Bolteløkka skole, \(Int(distance)) m"])
        }
        #expect(a.nearbySites.map(\.name) == (distance <= 300 ? ["Bolteløkka skole"] : []))
    }

    @Test func sportsGroundsUseTheirOwnBands() throws {
        // 120 m is inside sports' medium band (150) but would be medium for a school too; 60 m is
        // outside sports' high band (50).
        let a = assess(base(), sites: [site(.sports, "Bislett stadion", north: 60)])
        #expect(try factor("children", a).score == 2)
    }

    @Test func treatmentPlacesWeighAsVulnerableGroups() throws {
        let a = assess(
            base(),
            sites: [
                site(.treatment, "Ila lavterskeltilbud", north: 50),
                site(.kindergarten, "Ila barnehage", north: -250),
            ])
        #expect(try factor("vulnerable", a).score == 3)
        #expect(try factor("children", a).score == 2)
        #expect(a.nearbySites.map(\.name) == ["Ila lavterskeltilbud", "Ila barnehage"])
    }

    @Test func aVenueWithoutPositionIsAStatedUncertainty() throws {
        let a = assess(
            hearing { $0.venue.position = nil }, sites: [site(.school, "Skole", north: 10)],
            venues: venues(20, within: 100))
        #expect(try factor("children", a).explanation == "Ikke vurdert: stedet har ingen posisjon.")
        #expect(try factor("density", a).explanation == "Ikke vurdert: stedet har ingen posisjon.")
        #expect(a.venueDensity == nil && a.nearbySites.isEmpty)
        #expect(a.uncertainties.contains { $0.hasPrefix("Stedet har ingen posisjon i høringen") })
    }

    @Test func missingRegistersAreStatedUncertainties() throws {
        let a = assess(base(), sites: nil, venues: nil)
        #expect(try factor("children", a).explanation == "Ikke vurdert: stedsregisteret mangler.")
        #expect(a.uncertainties.contains { $0.contains("avstanden til slike steder er ikke vurdert") })
        #expect(a.uncertainties.contains { $0.contains("tettheten av steder er ikke vurdert") })
    }

    @Test func courtyardFacingHomesAfterEightIsHigh() throws {
        let a = assess(
            try hearing {
                $0.venue.outdoorArea = OutdoorArea(placement: .backyard, squareMetres: 55, facesHomes: true)
                $0.servingPeriods.append(
                    try ServingPeriod(
                        area: .outdoor, groups: [.group1], from: TimeOfDay("11:00"),
                        to: TimeOfDay("23:30")))
            })
        #expect(try factor("neighbours", a).score == 3)
        #expect(
            a.conditions.contains(
                "Uteserveringen i bakgården avsluttes senest kl. 20.00, og gjester skal ikke oppholde seg der etter dette."
            ))
    }

    @Test func outdoorServingPastTheResidentialNormIsMedium() throws {
        let a = assess(
            try hearing {
                $0.venue.outdoorArea = OutdoorArea(placement: .pavement)
                $0.servingPeriods.append(
                    try ServingPeriod(
                        area: .outdoor, groups: [.group1], from: TimeOfDay("11:00"),
                        to: TimeOfDay("23:00")))
            })
        #expect(try factor("neighbours", a).score == 2)
        #expect(a.conditions.contains("Uteserveringen avsluttes senest kl. 22.00."))
    }

    // MARK: Hours

    @Test func hoursAcrossMidnightAreComparedWithTheNorm() throws {
        // 11:00–03:00 indoors in a residential zone (norm 01:00): two hours over the norm.
        let a = assess(
            try hearing {
                $0.servingPeriods = [
                    try ServingPeriod(
                        area: .indoor, groups: [.group1, .group2], from: TimeOfDay("11:00"),
                        to: TimeOfDay("03:00"))
                ]
            })
        let hours = try factor("hours", a)
        #expect(hours.score == 2)
        #expect(
            hours.explanation
                == "Omsøkt skjenketid inne til kl. 03.00 er 2 timer lengre enn normen kl. 01.00 for boligområde.")
        #expect(a.conditions.contains("Skjenketiden inne avsluttes senest kl. 01.00."))
        // Within the norm: 12:00–00:30.
        let within = assess(
            try hearing {
                $0.servingPeriods = [
                    try ServingPeriod(
                        area: .indoor, groups: [.group1], from: TimeOfDay("12:00"), to: TimeOfDay("00:30"))
                ]
            })
        #expect(try factor("hours", within).score == 0)
    }

    @Test(arguments: [
        ("14:00", "04:00", [AlcoholGroup.group1]), ("11:00", "01:00", [.group3]), ("05:00", "12:00", [.group1]),
    ])
    func hoursOutsideTheLawAreHigh(from: String, to: String, groups: [AlcoholGroup]) throws {
        let a = assess(
            try hearing {
                $0.alcoholGroups = [.group1, .group2, .group3]
                $0.servingPeriods = [
                    try ServingPeriod(area: .indoor, groups: Set(groups), from: TimeOfDay(from), to: TimeOfDay(to))
                ]
            })
        let hours = try factor("hours", a)
        #expect(hours.score == 3)
        #expect(hours.explanation.contains("alkoholloven § 4-4"))
    }

    // MARK: Density

    @Test(arguments: [(3, 0), (8, 2), (16, 3)])
    func densityCountsVenuesWithinTheRadius(count: Int, score: Int) throws {
        let near = venues(count, within: 240)
        let far = venues(5, within: 800).filter { LocalDistance.metres(Self.venue, $0.position.geographic) > 260 }
        let a = assess(base(), venues: near + far)
        #expect(a.venueDensity == VenueDensity(radiusMeters: 250, count: count))
        #expect(try factor("density", a).score == score)
    }

    @Test func theVenueItselfIsNotCounted() throws {
        let own = LicensedVenue(
            name: "Bar nummer 7", position: try .wgs84(latitude: Self.venue.latitude, longitude: Self.venue.longitude),
            source: "kart")
        let a = assess(base(), venues: [own] + venues(2, within: 200))
        #expect(a.venueDensity?.count == 2)
    }

    // MARK: Concept

    @Test func aLateBarWithGroupThreeAndALowAgeLimitIsHigh() throws {
        let a = assess(
            try hearing {
                $0.venue.concept = "Nattklubb med DJ"
                $0.venue.targetGroup = "Studenter"
                $0.venue.ageLimit = 18
                $0.alcoholGroups = [.group1, .group2, .group3]
                $0.servingPeriods = [
                    try ServingPeriod(
                        area: .indoor, groups: [.group1, .group2, .group3], from: TimeOfDay("20:00"),
                        to: TimeOfDay("03:00"))
                ]
            })
        let concept = try factor("concept", a)
        #expect(concept.score == 3)
        #expect(concept.evidence.contains("konseptet er bar, pub eller nattklubb"))
        #expect(concept.evidence.contains("aldersgrensen er under 20 år"))
        #expect(a.conditions.contains("Aldersgrense på 20 år."))
        // Concept 3 × 2 + hours two hours over the norm 2 × 2 = 10: medium (4 ≤ 10 < 12).
        #expect(a.totalScore == 10 && a.level == .medium)
    }

    @Test func anOrdinaryRestaurantIsLow() throws {
        let a = assess(base(), sites: [], venues: [])
        #expect(try factor("concept", a).score == 0)
        #expect(a.level == .low)
        #expect(a.totalScore == 0)
    }

    // MARK: Retail sale

    @Test func retailSaleHasItsOwnRules() throws {
        let shop = try hearing {
            $0.permitType = .retailSale
            $0.alcoholGroups = [.group1]
            $0.venue.concept = "Dagligvarebutikk"
            $0.servingPeriods = [
                try ServingPeriod(
                    area: .indoor, groups: [.group1], days: [.monday, .tuesday, .wednesday, .thursday, .friday],
                    from: TimeOfDay("08:00"), to: TimeOfDay("20:00")),
                try ServingPeriod(
                    area: .indoor, groups: [.group1], days: [.saturday], from: TimeOfDay("08:00"),
                    to: TimeOfDay("18:00")),
            ]
        }
        let a = assess(
            shop, sites: [site(.school, "Fagerborg skole", north: 150), site(.kindergarten, "Barnehage", north: 20)])
        #expect(a.factors.map(\.key) == ["children", "saleHours", "density", "complaints", "points"])
        #expect(try factor("saleHours", a).score == 0)
        // Sale is weighed against schools and youth services, not kindergartens.
        #expect(try factor("children", a).evidence == ["skole: Fagerborg skole, 150 m"])

        var late = shop
        late.servingPeriods[0] = try ServingPeriod(
            area: .indoor, groups: [.group1], days: [.friday, .sunday],
            from: TimeOfDay("08:00"), to: TimeOfDay("21:00"))
        let b = assess(late)
        let hours = try factor("saleHours", b)
        #expect(hours.score == 3)
        #expect(hours.explanation.contains("Salg på søndager er ikke tillatt (alkoholloven § 3-7)."))
        #expect(hours.explanation.contains("Salg til kl. 21.00 på hverdager er etter kl. 20.00."))
    }

    @Test func levelFollowsThePolicyThresholds() throws {
        // School at 80 m: 3 × weight 3 = 9 → medium (4 ≤ 9 < 12).
        let medium = assess(base(), sites: [site(.school, "Skole", north: 80)])
        #expect(medium.totalScore == 9 && medium.level == .medium)
        // And hours two hours over the norm (2 × 2), which the concept factor also notes as late
        // (1 × 2): 9 + 4 + 2 = 15 → high.
        let high = assess(
            try hearing {
                $0.servingPeriods = [
                    try ServingPeriod(
                        area: .indoor, groups: [.group1], from: TimeOfDay("12:00"), to: TimeOfDay("03:00"))
                ]
            }, sites: [site(.school, "Skole", north: 80)])
        #expect(high.totalScore == 15 && high.level == .high)
    }
}

@Suite struct PenaltyPointsFactorTests {
    let policy = try! Fixtures.policy()

    func points(_ date: String, _ number: String, _ venue: String, _ points: Int) -> PenaltyPoints {
        PenaltyPoints(
            date: try! LocalDate(iso: date), organisationNumber: try! OrganisationNumber(number), venueName: venue,
            points: points, reason: "Skjenking etter skjenketidens slutt")
    }

    func assess(_ hearing: Hearing, _ register: [PenaltyPoints]?) throws -> Factor {
        let context = AssessmentContext(
            policy: policy, sites: [], venues: [], penaltyPoints: register,
            today: try LocalDate(iso: "2026-11-22"))
        return try #require(Assessor.assess(hearing, context: context).factors.first { $0.key == "points" })
    }

    @Test func pointsOfTheLastTwoYearsCount() throws {
        var renewal = Fixtures.hearing(1, applicationType: .renewal)
        renewal.applicant.organisationNumber = try OrganisationNumber("975312461")
        let register = [
            points("2025-06-14", "975312461", "Pub Bislett", 4),
            points("2026-02-14", "975312461", "Pub Bislett", 2),
            points("2024-11-21", "975312461", "Pub Bislett", 8),  // one day too old
            points("2026-03-01", "974760673", "Et annet sted", 8),  // another holder
        ]
        let factor = try assess(renewal, register)
        #expect(factor.criterion == .earlierOperation)
        #expect(factor.score == 2)  // 6 points: medium (4) but not high (8)
        #expect(factor.explanation.contains("har fått 6 prikker de siste to årene"))
        #expect(factor.evidence.count == 2)
    }

    @Test func aNewOwnerStartsAfresh() throws {
        var change = Fixtures.hearing(2, applicationType: .changeOfOwner)
        change.venue.name = "Hegdehaugen Brasserie"
        let register = [points("2025-11-20", "911223341", "Hegdehaugen Brasserie", 4)]
        let factor = try assess(change, register)
        #expect(factor.score == 0)
        #expect(factor.explanation.contains("Tidligere innehaver fikk 4 prikker på stedet"))
        #expect(factor.explanation.contains("teller ikke for ny eier"))
    }

    @Test func twelvePointsMeanWithdrawal() throws {
        var renewal = Fixtures.hearing(3, applicationType: .renewal)
        renewal.applicant.organisationNumber = try OrganisationNumber("975312461")
        let factor = try assess(
            renewal,
            [
                points("2026-01-10", "975312461", "Pub Bislett", 8),
                points("2026-05-10", "975312461", "Pub Bislett", 4),
            ])
        #expect(factor.score == 3)
        #expect(factor.explanation.contains("inndragning av bevillingen i én uke"))
    }

    @Test func aMissingListIsAnUncertainty() throws {
        let context = AssessmentContext(
            policy: policy, sites: [], venues: [], penaltyPoints: nil,
            today: try LocalDate(iso: "2026-11-22"))
        let assessment = Assessor.assess(Fixtures.hearing(4), context: context)
        #expect(assessment.uncertainties.contains { $0.contains("prikklisten er ikke lagt inn") })
    }
}

@Suite struct ComplaintsFactorTests {
    let policy = try! Fixtures.policy()
    static let place = GeoPoint(latitude: 59.9240, longitude: 10.7338)

    func hearing(_ type: ApplicationType = .renewal, holder: String = "975312461") -> Hearing {
        var h = Fixtures.hearing(5, applicationType: type)
        h.applicant.organisationNumber = try! OrganisationNumber(holder)
        h.venue.address.street = "Pilestredet 63"
        h.venue.position = try! .wgs84(latitude: Self.place.latitude, longitude: Self.place.longitude)
        return h
    }

    func complaint(
        _ id: Int64, _ date: String, _ categories: Set<ComplaintCategory>, holder: String? = nil,
        street: String? = nil, north: Double? = nil, unfounded: Bool = false, episode: Int64? = nil
    ) -> Complaint {
        Complaint(
            id: id, incidentDate: try! LocalDate(iso: date), categories: categories,
            organisationNumber: holder.map { try! OrganisationNumber($0) }, street: street,
            position: north.map { Fixtures.offset(Self.place, north: $0) }, unfounded: unfounded, episodeId: episode)
    }

    func assess(_ hearing: Hearing, _ complaints: [Complaint]) throws -> (Factor, Assessment) {
        let context = AssessmentContext(
            policy: policy, sites: [], venues: [], complaints: complaints,
            today: try LocalDate(iso: "2026-11-22"))
        let assessment = Assessor.assess(hearing, context: context)
        return (try #require(assessment.factors.first { $0.key == "complaints" }), assessment)
    }

    @Test func episodesCountOnceAndUnfoundedOrOldComplaintsNotAtAll() throws {
        let complaints = [
            // One evening, three neighbours: one episode.
            complaint(1, "2026-01-10", [.noise], street: "Pilestredet 63"),
            complaint(2, "2026-01-10", [.noise], street: "PILESTREDET 63, 0350 OSLO", episode: 1),
            complaint(3, "2026-01-11", [.noise, .disorder], street: "Pilestredet 63", episode: 1),
            complaint(4, "2026-03-02", [.minors], holder: "975312461"),
            complaint(5, "2026-04-01", [.noise], street: "Pilestredet 63", unfounded: true),
            complaint(6, "2024-10-01", [.noise], street: "Pilestredet 63"),  // older than 24 months
            complaint(7, "2026-02-01", [.litter], street: "Thereses gate 1"),  // elsewhere, no position
        ]
        let (factor, assessment) = try assess(hearing(), complaints)
        #expect(
            assessment.complaints
                == ComplaintSummary(
                    total: 4, episodes: 2,
                    byCategory: [.noise: 1, .disorder: 1, .minors: 1]))
        #expect(factor.criterion == .publicOrder)
        #expect(factor.score == 2)  // two episodes, neither in the last six months: 2 ≥ 1 (medium), < 3 (high)
        #expect(factor.explanation.hasPrefix("Bydelen har registrert 4 klager om 2 episoder"))
    }

    @Test func recentEpisodesWeighMore() throws {
        // Two episodes in the last six months weigh 1.5 each: 3 → high.
        let (factor, _) = try assess(
            hearing(),
            [
                complaint(1, "2026-09-01", [.noise], street: "Pilestredet 63"),
                complaint(2, "2026-10-15", [.disorder], north: 60),
            ])
        #expect(factor.score == 3)
        #expect(factor.explanation.contains("2 av episodene er fra de siste 6 månedene"))
    }

    @Test func theHistoryFollowsTheAddressAcrossAChangeOfOwner() throws {
        let old = [complaint(1, "2026-02-01", [.noise], holder: "911223341", street: "Pilestredet 63")]
        let (factor, assessment) = try assess(hearing(.changeOfOwner, holder: "974760673"), old)
        #expect(assessment.complaints?.episodes == 1)
        #expect(factor.score == 2)
        #expect(factor.explanation.contains("Klagene følger stedet og adressen, også når eieren skifter."))
    }

    @Test func complaintsBeyondTheRadiusDoNotCount() throws {
        let (factor, _) = try assess(hearing(), [complaint(1, "2026-02-01", [.noise], north: 150)])
        #expect(factor.score == 0)
        #expect(factor.explanation.hasPrefix("Bydelen har ikke registrert klager"))
    }
}

@Suite struct AddressLookupTests {
    @Test(
        arguments: [
            ("Thereses gate 10", "thereses gate", 10, nil),
            ("Thereses gt. 10b", "thereses gate", 10, "B"),
            ("Ullevålsveien 39 A", "ullevålsveien", 39, "A"),
            ("  Pilestredet   105 ", "pilestredet", 105, nil),
        ] as [(String, String, Int, String?)])
    func splitsStreetLines(_ text: String, name: String, number: Int, letter: String?) throws {
        let street = try #require(StreetAddress(text))
        #expect(street.nameKey == name && street.number == number && street.letter == letter)
    }

    @Test(arguments: ["Pilestredet", "Postboks 12a3", "10"])
    func refusesLinesWithoutANumber(_ text: String) {
        #expect(StreetAddress(text) == nil)
    }

    @Test func aLookedUpPositionIsUsedAndSaidSo() throws {
        var hearing = Fixtures.hearing(9)
        hearing.venue.position = nil
        let address = AddressPoint(
            streetName: "Pilestredet", number: 105, postalCode: "0358",
            position: try Position(srid: .utm33, x: 261_399.48, y: 6_651_349.88))
        let lookups: [String: PositionLookup] = [hearing.caseNumber.key: .found(address)]
        let farAway = LicensedVenue(
            name: "Langt unna", position: try .wgs84(latitude: 59.95, longitude: 10.80), source: "t")
        let context = AssessmentContext(
            policy: try Fixtures.policy(), sites: [], venues: [farAway], positionLookups: lookups,
            today: FixedClock().today)
        let assessment = Assessor.assess(hearing.positioned(by: lookups[hearing.caseNumber.key]), context: context)
        #expect(assessment.venueDensity?.count == 0)
        #expect(
            assessment.uncertainties.contains(
                "Høringen oppgir ingen posisjon; stedet er plassert etter adresseregisteret (Pilestredet 105, 0358)."))
        let missing = AssessmentContext(
            policy: try Fixtures.policy(), sites: [], venues: [],
            positionLookups: [hearing.caseNumber.key: .notFound], today: FixedClock().today)
        let unplaced = Assessor.assess(hearing, context: missing)
        #expect(unplaced.uncertainties.contains { $0.contains("finnes ikke i adresseregisteret") })
        #expect(unplaced.venueDensity == nil)
    }
}

@Suite struct ZoneTests {
    let centre = ZoneArea(
        zone: .centre,
        rings: [
            [
                GeoPoint(latitude: 59.920, longitude: 10.724), GeoPoint(latitude: 59.920, longitude: 10.742),
                GeoPoint(latitude: 59.9265, longitude: 10.742), GeoPoint(latitude: 59.9265, longitude: 10.724),
            ]
        ], name: "Bislett")

    func assess(zone: Zone?, at point: GeoPoint, zones: [ZoneArea]?) throws -> Assessment {
        var hearing = Fixtures.hearing(11)
        hearing.zone = zone
        hearing.venue.position = try .wgs84(latitude: point.latitude, longitude: point.longitude)
        hearing.servingPeriods = [
            try ServingPeriod(area: .indoor, groups: [.group1], from: TimeOfDay("12:00"), to: TimeOfDay("02:00"))
        ]
        return Assessor.assess(
            hearing,
            context: AssessmentContext(
                policy: try Fixtures.policy(), sites: [], venues: [],
                zones: zones, today: FixedClock().today))
    }

    @Test func theHearingsZoneComesFirstThenTheRegisterThenTheDefault() throws {
        let inside = GeoPoint(latitude: 59.9240, longitude: 10.7338)
        // Given in the hearing: residential, so 02:00 is an hour past the 01:00 norm.
        let given = try assess(zone: .residential, at: inside, zones: [centre])
        #expect(given.factors.first { $0.key == "hours" }?.score == 1)
        // From the register: centre, where 03:00 is the norm.
        let registered = try assess(zone: nil, at: inside, zones: [centre])
        #expect(registered.factors.first { $0.key == "hours" }?.score == 0)
        #expect(
            registered.uncertainties.contains(
                "Høringen oppgir ikke sone; etter soneregisteret ligger stedet i «sentrum» (Bislett)."))
        // Outside every area: the policy's default (residential), said plainly.
        let outside = try assess(zone: nil, at: GeoPoint(latitude: 59.935, longitude: 10.75), zones: [centre])
        #expect(outside.factors.first { $0.key == "hours" }?.score == 1)
        #expect(outside.uncertainties.contains { $0.contains("ligger ikke i noe område i soneregisteret") })
    }
}
