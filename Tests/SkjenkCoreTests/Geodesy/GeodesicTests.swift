import Foundation
import SkjenkCore
import Testing

/// Reference distances and forward azimuths from pyproj 3.7.2 (PROJ 9.5.1):
/// `Geod(ellps="GRS80").inv(lon1, lat1, lon2, lat2)` (Karney's algorithm, accurate to nanometres),
/// printed to 1 µm / 1e-9° and written in here so the test needs no tool to run.
@Suite struct GeodesicTests {
    struct Reference: Sendable, CustomTestStringConvertible {
        let fromLatitude, fromLongitude, toLatitude, toLongitude: Double
        let distance: Double
        let bearing: Double

        init(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double, distance: Double, bearing: Double) {
            (fromLatitude, fromLongitude, toLatitude, toLongitude) = (lat1, lon1, lat2, lon2)
            self.distance = distance
            self.bearing = bearing
        }

        var testDescription: String { "\(distance) m" }
    }

    static let references: [Reference] = [
        // St. Hanshaugen: 10 m north, 13 m, 100 m north, 300 m east.
        .init(59.9266, 10.739, 59.92669, 10.739, distance: 10.026994, bearing: 0.000000000),
        .init(59.9266, 10.739, 59.92669, 10.73915, distance: 13.073175, bearing: 39.915585518),
        .init(59.9266, 10.739, 59.9275, 10.739, distance: 100.269942, bearing: 0.000000000),
        .init(59.9266, 10.739, 59.9266, 10.7444, distance: 301.987226, bearing: 89.997663463),
        // Oslo: 1 km, 5 km, 50 km.
        .init(59.9249, 10.7318, 59.9301, 10.7497, distance: 1156.564811, bearing: 59.931882692),
        .init(59.9111, 10.7528, 59.95, 10.82, distance: 5736.052300, bearing: 40.897211370),
        .init(59.9111, 10.7528, 60.2, 11.5, distance: 52616.633851, bearing: 51.962285502),
        // Tromsø and Bergen, short.
        .init(69.6492, 18.9553, 69.65, 18.956, distance: 93.292807, bearing: 16.937181759),
        .init(60.3913, 5.3221, 60.389, 5.33, distance: 505.405914, bearing: 120.463752353),
        // Oslo–Bergen, Oslo–Tromsø.
        .init(59.9111, 10.7528, 60.3913, 5.3221, distance: 306264.631550, bearing: 282.405746083),
        .init(59.9111, 10.7528, 69.6492, 18.9553, distance: 1151240.332791, bearing: 16.092942415),
    ]

    /// The difference of two bearings in degrees, across north.
    static func angle(_ x: Double, _ y: Double) -> Double {
        let d = abs(x - y).truncatingRemainder(dividingBy: 360)
        return min(d, 360 - d)
    }

    @Test(arguments: references)
    func distanceMatchesKarney(_ r: Reference) {
        let d = Geodesic.distance(
            fromLatitude: r.fromLatitude, fromLongitude: r.fromLongitude,
            toLatitude: r.toLatitude, toLongitude: r.toLongitude)
        let error = abs(d - r.distance)
        // The brief allows 0.1 %; hold it to 1e-6 relative or a millimetre, whichever is larger.
        #expect(error / r.distance < 0.001)
        #expect(error <= max(0.001, 1e-6 * r.distance), "\(d) m vs \(r.distance) m: off by \(error) m")
        let back = Geodesic.distance(
            fromLatitude: r.toLatitude, fromLongitude: r.toLongitude,
            toLatitude: r.fromLatitude, toLongitude: r.fromLongitude)
        #expect(abs(back - d) < 1e-6)
    }

    @Test(arguments: references)
    func initialBearingMatchesKarney(_ r: Reference) {
        let bearing = Geodesic.initialBearing(
            fromLatitude: r.fromLatitude, fromLongitude: r.fromLongitude,
            toLatitude: r.toLatitude, toLongitude: r.toLongitude)
        #expect(bearing >= 0 && bearing < 360)
        #expect(Self.angle(bearing, r.bearing) < 1e-6, "\(bearing)° vs \(r.bearing)°")
    }

    @Test(arguments: [(59.9111, 10.7528), (59.9266, 10.739), (69.7271, 30.045), (0, 0), (90, 0), (-45, -179.5)])
    func identicalPointsAreZeroApart(latitude: Double, longitude: Double) {
        #expect(
            Geodesic.distance(
                fromLatitude: latitude, fromLongitude: longitude, toLatitude: latitude, toLongitude: longitude)
                == 0)
        #expect(
            Geodesic.initialBearing(
                fromLatitude: latitude, fromLongitude: longitude, toLatitude: latitude, toLongitude: longitude) == 0)
    }

    @Test func longitudesAreTakenModulo360() {
        let d = Geodesic.distance(fromLatitude: 59.9, fromLongitude: 10.7, toLatitude: 59.9, toLongitude: 370.7)
        #expect(d == 0)
        let across = Geodesic.distance(fromLatitude: 60, fromLongitude: 179.99, toLatitude: 60, toLongitude: -179.99)
        let same = Geodesic.distance(fromLatitude: 60, fromLongitude: -0.01, toLatitude: 60, toLongitude: 0.01)
        #expect(abs(across - same) < 1e-6)
    }

    /// pyproj: 19 944 127.4206 m and 19 981 121.5976 m. Vincenty does not converge for these;
    /// the fallback is a spherical estimate, so only about 0.5 % is promised.
    @Test(arguments: [(0.0, 0.0, 0.5, 179.7, 19_944_127.4206), (10, 20, -10.2, -160.1, 19_981_121.5976)])
    func nearlyAntipodalPointsStillGetADistance(
        lat1: Double, lon1: Double, lat2: Double, lon2: Double, expected: Double
    ) {
        let d = Geodesic.distance(fromLatitude: lat1, fromLongitude: lon1, toLatitude: lat2, toLongitude: lon2)
        #expect(d.isFinite)
        #expect(abs(d - expected) / expected < 0.005, "\(d) vs \(expected)")
    }
}
