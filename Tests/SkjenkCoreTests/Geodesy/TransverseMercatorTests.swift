import Foundation
import SkjenkCore
import Testing

/// Reference values from pyproj 3.7.2 (PROJ 9.5.1), EPSG:4326 → EPSG:25832 and EPSG:25833 with
/// `always_xy=True`, written into the test so it needs no tool to run.
@Suite struct TransverseMercatorTests {
    static let points: [(String, Double, Double, Double, Double, Double, Double)] = [
        ("Oslo sentrum", 59.9111, 10.7528, 598021.7033, 6642808.1265, 262573.9800, 6649130.0319),
        ("St. Hanshaugen", 59.9266, 10.739, 597204.7463, 6644513.5590, 261914.3790, 6650903.4375),
        ("Bergen", 60.3913, 5.3221, 297353.9327, 6700648.3451, -32117.3906, 6734201.5915),
        ("Tromsø", 69.6492, 18.9553, 884909.6216, 7758204.1844, 653421.1876, 7731721.0829),
        ("Kirkenes", 69.7271, 30.045, 1299778.9951, 7875168.8340, 1076685.5362, 7806974.2128),
        ("Lindesnes fyr", 57.9826, 7.0477, 384554.8921, 6428440.8782, 30382.1049, 6454475.2428),
        ("Trondheim", 63.4305, 10.3951, 569618.6286, 7034313.8489, 270340.0228, 7041816.2797),
        ("Nordkapp", 71.1685, 25.7838, 1097781.5982, 7979779.9018, 886680.3919, 7930754.2758),
    ]

    /// The distance in metres between two nearby points given in degrees.
    private func metres(_ a: (latitude: Double, longitude: Double), _ b: (Double, Double)) -> Double {
        let dLat = (a.latitude - b.0) * 111_320
        let dLon = (a.longitude - b.1) * 111_320 * cos(a.latitude * .pi / 180)
        return (dLat * dLat + dLon * dLon).squareRoot()
    }

    @Test(arguments: points)
    func projectsLikeProj(_ point: (String, Double, Double, Double, Double, Double, Double)) {
        let (name, lat, lon, e32, n32, e33, n33) = point
        let zone32 = TransverseMercator.project(latitude: lat, longitude: lon, zone: .zone32)
        let zone33 = TransverseMercator.project(latitude: lat, longitude: lon, zone: .zone33)
        #expect(abs(zone32.easting - e32) < 0.01 && abs(zone32.northing - n32) < 0.01, "\(name) 32: \(zone32)")
        #expect(abs(zone33.easting - e33) < 0.01 && abs(zone33.northing - n33) < 0.01, "\(name) 33: \(zone33)")
    }

    @Test(arguments: points)
    func unprojectsLikeProj(_ point: (String, Double, Double, Double, Double, Double, Double)) {
        let (name, lat, lon, e32, n32, e33, n33) = point
        let from32 = TransverseMercator.unproject(easting: e32, northing: n32, zone: .zone32)
        let from33 = TransverseMercator.unproject(easting: e33, northing: n33, zone: .zone33)
        // The reference values are rounded to 0.1 mm, so 0.1 m leaves room for nothing but error.
        #expect(metres(from32, (lat, lon)) < 0.1, "\(name) from zone 32 off by \(metres(from32, (lat, lon))) m")
        #expect(metres(from33, (lat, lon)) < 0.1, "\(name) from zone 33 off by \(metres(from33, (lat, lon))) m")
        #expect(metres(from32, (lat, lon)) < 0.001)
    }

    @Test func roundTripIsWithinAMillimetre() {
        for lat in stride(from: 58.0, through: 71.0, by: 1.3) {
            for lon in stride(from: 4.5, through: 31.0, by: 2.1) {
                for zone in [UTMZone.zone32, .zone33] {
                    let p = TransverseMercator.project(latitude: lat, longitude: lon, zone: zone)
                    let back = TransverseMercator.unproject(easting: p.easting, northing: p.northing, zone: zone)
                    #expect(metres(back, (lat, lon)) < 0.001, "\(lat), \(lon) in \(zone.number)")
                }
            }
        }
    }

    @Test func zones() {
        #expect(UTMZone.zone32.centralMeridian == 9)
        #expect(UTMZone.zone33.centralMeridian == 15)
        #expect(UTMZone(number: 0) == nil && UTMZone(number: 61) == nil)
    }
}
