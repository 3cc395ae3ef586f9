import Foundation
import SkjenkCore
import Testing

/// Reference distances from pyproj 3.7.2's `Geod(ellps="GRS80").inv` (Karney's algorithm).
@Suite struct GeodesicTests {
    @Test(arguments: [
        (59.9266, 10.739, 59.92669, 10.73915, 13.0732),
        (59.9266, 10.739, 59.9275, 10.739, 100.2699),
        (59.9266, 10.739, 59.9266, 10.7444, 301.9872),
        (59.9249, 10.7318, 59.9301, 10.7497, 1156.5648),
        (59.9111, 10.7528, 59.95, 10.82, 5736.0523),
        (59.9111, 10.7528, 60.3913, 5.3221, 306264.6316),
    ])
    func matchesKarney(lat1: Double, lon1: Double, lat2: Double, lon2: Double, expected: Double) {
        let d = Geodesic.distance(fromLatitude: lat1, fromLongitude: lon1, toLatitude: lat2, toLongitude: lon2)
        // Far inside the 0.1 % the assessment needs: a millimetre.
        #expect(abs(d - expected) < 0.001, "\(d) vs \(expected)")
        let back = Geodesic.distance(fromLatitude: lat2, fromLongitude: lon2, toLatitude: lat1, toLongitude: lon1)
        #expect(abs(back - d) < 1e-6)
    }

    @Test func identicalPointsAreZeroApart() {
        #expect(Geodesic.distance(fromLatitude: 59.9, fromLongitude: 10.7, toLatitude: 59.9, toLongitude: 10.7) == 0)
        #expect(GeoPoint(latitude: 59.9, longitude: 10.7).distance(to: GeoPoint(latitude: 59.9, longitude: 10.7)) == 0)
    }

    @Test func nearlyAntipodalPointsStillGetADistance() {
        let d = Geodesic.distance(fromLatitude: 0, fromLongitude: 0, toLatitude: 0.5, toLongitude: 179.7)
        #expect(d > 19_900_000 && d < 20_040_000)
    }
}
