import Foundation
import SkjenkCore

extension Fixtures {
    /// The venue of the statement fixtures: Thereses gate 10, St. Hanshaugen.
    public static let statementVenue = GeoPoint(latitude: 59.9290, longitude: 10.7380)

    /// A hearing for the statement fixtures: `kind` of application for `permit`, at `statementVenue`.
    public static func statementHearing(_ kind: ApplicationType, _ permit: PermitType) -> Hearing {
        var hearing = Fixtures.hearing(3, applicationType: kind)
        hearing.permitType = permit
        hearing.venue.name = "Bar Boble"
        hearing.venue.address = Address(street: "Thereses gate 10", postalCode: "0168", postTown: "Oslo")
        hearing.venue.position = try! .wgs84(latitude: statementVenue.latitude, longitude: statementVenue.longitude)
        hearing.deadline = try! LocalDate(iso: "2026-12-15")
        // A renewal's applicant holds the permit it renews.
        if kind == .renewal { hearing.earlierPermit = true }
        if permit == .retailSale {
            hearing.remark = nil
            if kind == .change { hearing.change = "Salg også lørdager fra kl. 08.00" }
            hearing.venue.name = "Kiwi Thereses gate"
            hearing.venue.concept = "Dagligvarebutikk"
            hearing.venue.targetGroup = "Nabolaget"
            hearing.venue.ageLimit = nil
            hearing.venue.outdoorArea = nil
            hearing.venue.capacity = nil
            hearing.alcoholGroups = [.group1]
            hearing.servingPeriods = [
                try! ServingPeriod(
                    area: .indoor, groups: [.group1], days: [.monday, .tuesday, .wednesday, .thursday, .friday],
                    from: TimeOfDay("08:00"), to: TimeOfDay("20:00")),
                try! ServingPeriod(
                    area: .indoor, groups: [.group1], days: [.saturday], from: TimeOfDay("08:00"),
                    to: TimeOfDay("18:00")),
            ]
        }
        return hearing
    }

    /// The hearing for a statement with `outcome`, its hours such that the outcome is one the
    /// assessment allows (`StatementOutcome.conflict(with:)`): lawful hours for an outcome that grants
    /// the application, an unlawful part for a partial refusal; the base hearing's unlawful hours for
    /// a statement against.
    public static func statementHearing(
        _ kind: ApplicationType, _ permit: PermitType, for outcome: StatementOutcome
    ) -> Hearing {
        var hearing = statementHearing(kind, permit)
        if outcome == .noRemarks {
            // A quiet place: a restaurant in another street, far from the registers' sites and the
            // complaints, asking for ordinary hours.
            hearing.venue.address = Address(street: "Ullevålsveien 82", postalCode: "0454", postTown: "Oslo")
            let away = offset(statementVenue, north: 1_500, east: 1_500)
            hearing.venue.position = try! .wgs84(latitude: away.latitude, longitude: away.longitude)
            if permit == .serving {
                hearing.venue.name = "Restaurant Lindern"
                hearing.venue.concept = "Restaurant med norsk mat"
                hearing.venue.targetGroup = "Voksne og familier"
                hearing.venue.ageLimit = 20
                hearing.alcoholGroups = [.group1, .group2]
                hearing.servingPeriods = [
                    try! ServingPeriod(
                        area: .indoor, groups: [.group1, .group2], from: TimeOfDay("12:00"), to: TimeOfDay("23:00"))
                ]
                hearing.venue.outdoorArea = nil
                hearing.venue.capacity = Capacity(indoor: 60, outdoor: nil)
                if kind == .change { hearing.change = "Skjenking fra kl. 12.00 i stedet for kl. 14.00" }
            }
            return hearing
        }
        switch (outcome, permit) {
        case (.remarks, .serving), (.grantWithConditions, .serving):
            // Within the residential zone's serving stops (00.30 inside, 21.30 outside) and § 4-4.
            hearing.servingPeriods = [
                try! ServingPeriod(
                    area: .indoor, groups: [.group1, .group2], from: TimeOfDay("11:00"), to: TimeOfDay("00:30")),
                try! ServingPeriod(
                    area: .indoor, groups: [.group3], from: TimeOfDay("13:00"), to: TimeOfDay("00:30")),
                try! ServingPeriod(
                    area: .outdoor, groups: [.group1, .group2], days: [.friday, .saturday],
                    from: TimeOfDay("11:00"), to: TimeOfDay("21:30")),
                try! ServingPeriod(
                    area: .outdoor, groups: [.group3], days: [.friday, .saturday],
                    from: TimeOfDay("13:00"), to: TimeOfDay("21:30")),
            ]
            if kind == .change { hearing.change = "Utvidet skjenketid ute til kl. 21.30" }
        case (.partialRefusal, .retailSale):
            // Past § 3-7's 20.00 on weekdays.
            hearing.servingPeriods[0] = try! ServingPeriod(
                area: .indoor, groups: [.group1], days: [.monday, .tuesday, .wednesday, .thursday, .friday],
                from: TimeOfDay("08:00"), to: TimeOfDay("21:00"))
            if kind == .change { hearing.change = "Salg til kl. 21.00 på hverdager" }
        default:
            break
        }
        return hearing
    }

    /// Registers around `statementVenue`: a school 80 m north, a kindergarten 150 m east, a treatment
    /// service 140 m south and a sports ground far off; three licensed venues within 250 m.
    public static func statementContext(policy: Policy, complaints: [Complaint] = []) -> AssessmentContext {
        func at(north: Double = 0, east: Double = 0) -> Position {
            let point = offset(statementVenue, north: north, east: east)
            return try! .wgs84(latitude: point.latitude, longitude: point.longitude)
        }
        let sites = [
            Site(category: .school, name: "Ila skole", position: at(north: 80), source: "test"),
            Site(category: .kindergarten, name: "Åsen barnehage", position: at(east: 150), source: "test"),
            Site(
                category: .treatment, name: "Sporveisgata behandlingssenter", position: at(north: -140), source: "test"),
            Site(category: .sports, name: "Bislett stadion", position: at(north: 900), source: "test"),
        ]
        let venues = [
            LicensedVenue(name: "Pub Bislett", position: at(north: 60, east: 60), source: "test"),
            LicensedVenue(name: "Café Ærlig", position: at(east: -120), source: "test"),
            LicensedVenue(name: "Nattbaren", position: at(north: -200, east: 40), source: "test"),
        ]
        return AssessmentContext(
            policy: policy, sites: sites, venues: venues, penaltyPoints: [], complaints: complaints, zones: nil,
            today: try! LocalDate(iso: "2026-11-22"))
    }
}
