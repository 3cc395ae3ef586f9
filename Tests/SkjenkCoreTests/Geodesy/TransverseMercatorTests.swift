import Foundation
import SkjenkCore
import Testing

/// Reference values from pyproj 3.7.2 (PROJ 9.5.1): `Transformer.from_crs("EPSG:4326",
/// "EPSG:25832" / "EPSG:25833", always_xy=True)`, printed to 1 µm and written in here so the test
/// needs no tool to run. Every point is projected into both zones, so the set covers points on a
/// central meridian (Grövelsjön in 33), 6° off it (Vestkapp and Grövelsjön in 32) and far beyond
/// the zone (Bergen 9.7° west of zone 33's, Kirkenes 21° east of zone 32's).
@Suite struct TransverseMercatorTests {
    struct Reference: Sendable, CustomTestStringConvertible {
        let name: String
        let latitude: Double
        let longitude: Double
        let zone32: (easting: Double, northing: Double)
        let zone33: (easting: Double, northing: Double)

        init(
            _ name: String, _ latitude: Double, _ longitude: Double,
            zone32: (Double, Double), zone33: (Double, Double)
        ) {
            self.name = name
            self.latitude = latitude
            self.longitude = longitude
            self.zone32 = zone32
            self.zone33 = zone33
        }

        var testDescription: String { name }
    }

    static let references: [Reference] = [
        .init(
            "Oslo sentrum", 59.9111, 10.7528, zone32: (598021.703344, 6642808.126550),
            zone33: (262573.980044, 6649130.031935)),
        .init(
            "St. Hanshaugen", 59.9266, 10.7390, zone32: (597204.746293, 6644513.558982),
            zone33: (261914.379008, 6650903.437466)),
        .init(
            "Bergen", 60.3913, 5.3221, zone32: (297353.932727, 6700648.345109), zone33: (-32117.390649, 6734201.591538)),
        .init(
            "Trondheim", 63.4305, 10.3951, zone32: (569618.628609, 7034313.848892),
            zone33: (270340.022842, 7041816.279689)),
        .init(
            "Tromsø", 69.6492, 18.9553, zone32: (884909.621616, 7758204.184376), zone33: (653421.187635, 7731721.082897)
        ),
        .init(
            "Kirkenes", 69.7271, 30.0450, zone32: (1299778.995148, 7875168.833989),
            zone33: (1076685.536204, 7806974.212783)),
        .init(
            "Nordkapp", 71.1685, 25.7838, zone32: (1097781.598238, 7979779.901845),
            zone33: (886680.391935, 7930754.275823)),
        .init(
            "Lindesnes fyr", 57.9826, 7.0477, zone32: (384554.892067, 6428440.878235),
            zone33: (30382.104945, 6454475.242819)),
        .init(
            "Vestkapp (6° W of 9° E)", 62.1500, 3.0000, zone32: (187605.032911, 6905371.910457),
            zone33: (-122837.568668, 6948863.908904)),
        .init(
            "Grövelsjön (6° E of 9° E)", 62.1000, 15.0000, zone32: (812910.883965, 6899819.000768),
            zone33: (500000.000000, 6885320.328582)),
    ]

    /// The tolerance the brief sets; the implementation lands at micrometres.
    static let tolerance = 0.1

    /// The distance in metres between two nearby points given in degrees, on the GRS80 ellipsoid
    /// (meridian and prime-vertical radii of curvature at the first point).
    static func metres(
        _ p: (latitude: Double, longitude: Double), _ q: (latitude: Double, longitude: Double)
    ) -> Double {
        let a = 6_378_137.0
        let f = 1 / 298.257_222_101
        let e2 = f * (2 - f)
        let phi = p.latitude * .pi / 180
        let w = (1 - e2 * sin(phi) * sin(phi)).squareRoot()
        let meridian = a * (1 - e2) / (w * w * w)
        let primeVertical = a / w
        let north = (p.latitude - q.latitude) * .pi / 180 * meridian
        let east = (p.longitude - q.longitude) * .pi / 180 * primeVertical * cos(phi)
        return (north * north + east * east).squareRoot()
    }

    static func offset(_ p: (easting: Double, northing: Double), _ q: (easting: Double, northing: Double)) -> Double {
        let de = p.easting - q.easting
        let dn = p.northing - q.northing
        return (de * de + dn * dn).squareRoot()
    }

    @Test(arguments: references)
    func projectsLikePROJ(_ reference: Reference) {
        let in32 = TransverseMercator.project(
            latitude: reference.latitude, longitude: reference.longitude, zone: .zone32)
        let in33 = TransverseMercator.project(
            latitude: reference.latitude, longitude: reference.longitude, zone: .zone33)
        let error32 = Self.offset(in32, reference.zone32)
        let error33 = Self.offset(in33, reference.zone33)
        #expect(error32 < Self.tolerance, "zone 32: \(in32), off by \(error32) m")
        #expect(error33 < Self.tolerance, "zone 33: \(in33), off by \(error33) m")
        // What the Krüger series actually delivers here: under a millimetre, even 21° out.
        #expect(error32 < 0.001 && error33 < 0.001, "off by \(error32) m / \(error33) m")
    }

    @Test(arguments: references)
    func unprojectsLikePROJ(_ reference: Reference) {
        let expected = (latitude: reference.latitude, longitude: reference.longitude)
        let from32 = TransverseMercator.unproject(
            easting: reference.zone32.easting, northing: reference.zone32.northing, zone: .zone32)
        let from33 = TransverseMercator.unproject(
            easting: reference.zone33.easting, northing: reference.zone33.northing, zone: .zone33)
        let error32 = Self.metres(expected, from32)
        let error33 = Self.metres(expected, from33)
        #expect(error32 < Self.tolerance, "from zone 32: \(from32), off by \(error32) m")
        #expect(error33 < Self.tolerance, "from zone 33: \(from33), off by \(error33) m")
        #expect(error32 < 0.001 && error33 < 0.001, "off by \(error32) m / \(error33) m")
    }

    @Test(arguments: [UTMZone.zone32, .zone33])
    func roundTripIsWithinAMillimetre(zone: UTMZone) {
        var worst = 0.0
        for latitude in stride(from: 57.5, through: 71.5, by: 0.5) {
            for longitude in stride(from: 4.0, through: 31.5, by: 0.75) {
                let p = TransverseMercator.project(latitude: latitude, longitude: longitude, zone: zone)
                let back = TransverseMercator.unproject(easting: p.easting, northing: p.northing, zone: zone)
                worst = max(worst, Self.metres((latitude, longitude), back))
            }
        }
        #expect(worst < 0.001, "worst round trip in zone \(zone.number): \(worst) m")
    }

    @Test func centralMeridianAndEquator() {
        let origin = TransverseMercator.project(latitude: 0, longitude: 15, zone: .zone33)
        #expect(origin.easting == 500_000)
        #expect(abs(origin.northing) < 1e-9)
        let back = TransverseMercator.unproject(easting: 500_000, northing: 0, zone: .zone33)
        #expect(abs(back.latitude) < 1e-12 && abs(back.longitude - 15) < 1e-12)
        // The UTM scale factor on the central meridian: 1° of latitude at the equator is
        // 0.9996 × 110 574.389 m (GRS80 meridian arc length from 0° to 1°).
        let oneDegree = TransverseMercator.project(latitude: 1, longitude: 15, zone: .zone33)
        #expect(abs(oneDegree.northing - 0.9996 * 110_574.389) < 0.01)
    }

    @Test func zones() {
        #expect(UTMZone.zone32.number == 32 && UTMZone.zone33.number == 33)
        #expect(UTMZone.zone32.centralMeridian == 9)
        #expect(UTMZone.zone33.centralMeridian == 15)
        #expect(UTMZone(number: 1)?.centralMeridian == -177)
        #expect(UTMZone(number: 60)?.centralMeridian == 177)
        #expect(UTMZone(number: 0) == nil && UTMZone(number: 61) == nil)
    }
}
