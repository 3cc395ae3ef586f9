import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkSQLite
import SkjenkStore

/// Builders and paths shared by the test targets.
public enum Fixtures {
    /// The package's root folder (found from this file's place in the tree).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Samples/` in the package.
    public static var samples: URL { packageRoot.appendingPathComponent("Samples") }

    /// A sample file by path below `Samples/`, e.g. `broken/empty.xml`.
    public static func sample(_ path: String) -> URL { samples.appendingPathComponent(path) }

    /// Every `.xml` file in a folder below `Samples/`, sorted by name.
    public static func sampleFiles(in folder: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(
            at: samples.appendingPathComponent(folder),
            includingPropertiesForKeys: nil
        )
        .filter { $0.pathExtension == "xml" }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// A valid serving hearing, for tests to vary. `index` gives each a distinct case and venue.
    public static func hearing(_ index: Int = 1, applicationType: ApplicationType = .new) -> Hearing {
        // Valid MOD11 organisation numbers from the domain guide.
        let numbers = ["889640782", "983887457", "974760673", "123456785"]
        let change = applicationType == .change ? "Utvidet skjenketid ute til kl. 01.00" : nil
        return Hearing(
            caseNumber: try! CaseNumber("2026/\(10_000 + index)"),
            sent: try! LocalDate(year: 2026, month: 11, day: 2),
            deadline: try! LocalDate(year: 2026, month: 11, day: 2 + index % 28),
            agencyOfficer: AgencyOfficer(name: "Ola Hansen", email: "ola.hansen@example.no"),
            district: "St. Hanshaugen",
            applicationType: applicationType,
            change: change,
            permitType: .serving,
            applicant: Applicant(
                name: "Bislett Cocktail \(index) AS",
                organisationNumber: try! OrganisationNumber(numbers[index % numbers.count])),
            venue: Venue(
                name: "Bar nummer \(index)",
                address: Address(street: "Thereses gate \(index % 60 + 1)", postalCode: "0358", postTown: "Oslo"),
                position: try! .wgs84(
                    latitude: 59.92 + Double(index % 100) * 0.0001,
                    longitude: 10.73 + Double(index % 97) * 0.0001),
                concept: "Cocktailbar med enkel matservering & små retter",
                targetGroup: "Voksne fra 23 år",
                ageLimit: 23,
                capacity: Capacity(indoor: 80, outdoor: 30),
                outdoorArea: OutdoorArea(placement: .pavement, squareMetres: 24, facesHomes: false)),
            zone: .residential,
            manager: Person(name: "Kari Nordmann", birthYear: 1985),
            deputy: Person(name: "Per Nilsen"),
            alcoholGroups: [.group1, .group2, .group3],
            servingPeriods: [
                try! ServingPeriod(
                    area: .indoor, groups: [.group1, .group2], from: TimeOfDay("08:00"), to: TimeOfDay("03:00")),
                try! ServingPeriod(area: .indoor, groups: [.group3], from: TimeOfDay("13:00"), to: TimeOfDay("03:00")),
                try! ServingPeriod(
                    area: .outdoor, groups: [.group1, .group2, .group3], days: [.friday, .saturday],
                    from: TimeOfDay("11:00"), to: TimeOfDay("01:00")),
            ],
            earlierPermit: false,
            attachments: [Attachment(title: "Søknadsskjema", fileName: "soknad.pdf")],
            remark: "Søker ønsker uteservering på fortauet.")
    }

    /// A fresh in-memory store with every migration, on the fixed clock.
    public static func store(clock: FixedClock = FixedClock()) throws -> SQLiteStore {
        try SQLiteStore.inMemory(now: clock.function)
    }

    /// A valid organisation number for each `index` (distinct for distinct indices up to 10 million).
    public static func organisationNumber(_ index: Int) -> OrganisationNumber {
        var base = 10_000_000 + index * 9
        while true {
            let digits = String(base).compactMap { $0.wholeNumberValue }
            let remainder = zip(digits, [3, 2, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 } % 11
            if remainder != 1 {
                return try! OrganisationNumber("\(base)\(remainder == 0 ? 0 : 11 - remainder)")
            }
            base += 1
        }
    }

    /// The sample policy (`Samples/policy.yaml`).
    public static func policy() throws -> Policy {
        try PolicyReader().read(contentsOf: sample("policy.yaml")).get()
    }

    /// A point `north` and `east` metres from `point` (on the local ellipsoidal plane).
    public static func offset(_ point: GeoPoint, north: Double = 0, east: Double = 0) -> GeoPoint {
        let degreeNorth =
            LocalDistance.metres(point, GeoPoint(latitude: point.latitude + 0.01, longitude: point.longitude)) / 0.01
        let degreeEast =
            LocalDistance.metres(point, GeoPoint(latitude: point.latitude, longitude: point.longitude + 0.01)) / 0.01
        return GeoPoint(latitude: point.latitude + north / degreeNorth, longitude: point.longitude + east / degreeEast)
    }

    /// The actor tests store as.
    public static let actor = Actor(name: "testbruker", channel: "test")
}
