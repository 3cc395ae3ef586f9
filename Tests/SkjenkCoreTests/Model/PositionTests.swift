import Foundation
import SkjenkCore
import Testing

@Suite struct PositionTests {
    @Test func knowsItsReferenceSystem() throws {
        let utm = try Position(srid: .utm32, x: 597_234, y: 6_644_481)
        let point = utm.geographic
        // Ullevålsveien 39 lies near 59.93 N, 10.74 E.
        #expect(abs(point.latitude - 59.93) < 0.02)
        #expect(abs(point.longitude - 10.74) < 0.02)
        let degrees = try Position.wgs84(latitude: 59.9249, longitude: 10.7318)
        #expect(degrees.geographic == GeoPoint(latitude: 59.9249, longitude: 10.7318))
    }

    @Test func rejectsImpossibleNumbers() {
        #expect(throws: Position.Problem.latitudeOutOfRange) { try Position.wgs84(latitude: 91, longitude: 10) }
        #expect(throws: Position.Problem.longitudeOutOfRange) { try Position.wgs84(latitude: 59, longitude: 181) }
        #expect(throws: Position.Problem.notFinite) { try Position(srid: .utm33, x: .nan, y: 6_600_000) }
        #expect(throws: Position.Problem.projectedOutOfRange) { try Position(srid: .utm32, x: 597_234, y: -1) }
    }
}
