import Foundation
import SkjenkCore
import Testing

@Suite struct SpatialIndexTests {
    /// A fixed pseudo-random sequence, so the test is the same every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    /// Points spread over Oslo's extent.
    static func points(_ count: Int, seed: UInt64) -> [GeoPoint] {
        var random = Generator(state: seed)
        return (0..<count).map { _ in
            GeoPoint(
                latitude: Double.random(in: 59.80...60.02, using: &random),
                longitude: Double.random(in: 10.55...10.95, using: &random))
        }
    }

    @Test func localDistanceAgreesWithTheGeodesic() {
        let center = GeoPoint(latitude: 59.9266, longitude: 10.739)
        for point in Self.points(500, seed: 3) {
            let geodesic = center.distance(to: point)
            guard geodesic <= 5_000 else { continue }
            #expect(abs(LocalDistance.metres(center, point) - geodesic) < 0.01, "\(point): \(geodesic)")
        }
    }

    @Test func withinFindsExactlyWhatABruteForceScanFinds() {
        let sites = Self.points(3_000, seed: 1)
        let index = SpatialIndex(sites.enumerated().map { (point: $1, element: $0) })
        for center in Self.points(200, seed: 2) {
            for radius in [50.0, 100, 300, 1_000] {
                let expected = Set(sites.indices.filter { LocalDistance.metres(center, sites[$0]) <= radius })
                let hits = index.within(radius, of: center)
                #expect(Set(hits.map(\.element)) == expected)
                #expect(hits.map(\.distance) == hits.map(\.distance).sorted())
                #expect(index.count(within: radius, of: center) == expected.count)
            }
        }
    }

    @Test func nearestIsTheTrueNearest() throws {
        let sites = Self.points(2_000, seed: 4)
        let index = SpatialIndex(sites.enumerated().map { (point: $1, element: $0) })
        // Some query points far outside the data too.
        let queries =
            Self.points(200, seed: 5) + [
                GeoPoint(latitude: 60.5, longitude: 11.5), GeoPoint(latitude: 58.9, longitude: 5.7),
            ]
        for center in queries {
            let expected = sites.indices.min {
                LocalDistance.metres(center, sites[$0]) < LocalDistance.metres(center, sites[$1])
            }
            let hit = try #require(index.nearest(to: center))
            #expect(hit.element == expected)
        }
        #expect(index.nearest(to: GeoPoint(latitude: 69.6, longitude: 18.9), limit: 1_000) == nil)
    }

    @Test func anEmptyIndexFindsNothing() {
        let index = SpatialIndex<Int>([])
        #expect(index.nearest(to: GeoPoint(latitude: 59.9, longitude: 10.7)) == nil)
        #expect(index.within(1_000, of: GeoPoint(latitude: 59.9, longitude: 10.7)).isEmpty)
    }
}
