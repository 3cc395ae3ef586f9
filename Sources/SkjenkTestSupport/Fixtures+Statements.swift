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
        if permit == .retailSale {
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
