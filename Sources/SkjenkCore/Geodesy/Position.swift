import Foundation

/// The coordinate reference systems the hearing format and the registers use.
public enum SRID: Int, Sendable, Hashable, Codable, CaseIterable {
    /// WGS84 / ETRS89 degrees.
    case wgs84 = 4326
    /// EUREF89 UTM zone 32N, metres (south Norway including Oslo).
    case utm32 = 25832
    /// EUREF89 UTM zone 33N, metres (all Norway).
    case utm33 = 25833

    /// The UTM zone for a projected system, nil for degrees.
    public var utmZone: UTMZone? {
        switch self {
        case .wgs84: nil
        case .utm32: .zone32
        case .utm33: .zone33
        }
    }
}

/// A point in WGS84 degrees.
public struct GeoPoint: Sendable, Hashable, Codable {
    public let latitude: Double
    public let longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Geodesic distance in metres.
    public func distance(to other: GeoPoint) -> Double {
        Geodesic.distance(
            fromLatitude: latitude, fromLongitude: longitude,
            toLatitude: other.latitude, toLongitude: other.longitude)
    }
}

/// A position that knows its reference system: degrees for 4326 (`x` longitude, `y` latitude),
/// easting and northing in metres for 25832/25833.
public struct Position: Sendable, Hashable {
    public let srid: SRID
    /// Longitude (degrees) or easting (metres).
    public let x: Double
    /// Latitude (degrees) or northing (metres).
    public let y: Double

    /// Why numbers cannot be a position.
    public enum Problem: Error, Sendable, Equatable {
        case notFinite
        case latitudeOutOfRange
        case longitudeOutOfRange
        case projectedOutOfRange
    }

    public init(srid: SRID, x: Double, y: Double) throws(Problem) {
        guard x.isFinite, y.isFinite else { throw .notFinite }
        switch srid {
        case .wgs84:
            guard (-90...90).contains(y) else { throw .latitudeOutOfRange }
            guard (-180...180).contains(x) else { throw .longitudeOutOfRange }
        case .utm32, .utm33:
            // A UTM zone's northern half: eastings within a few zones' width, northings 0–10 000 km.
            guard (-500_000...1_500_000).contains(x), (0...10_000_000).contains(y) else {
                throw .projectedOutOfRange
            }
        }
        self.srid = srid
        self.x = x
        self.y = y
    }

    /// A WGS84 position from degrees.
    public static func wgs84(latitude: Double, longitude: Double) throws(Problem) -> Position {
        try Position(srid: .wgs84, x: longitude, y: latitude)
    }

    /// The position in WGS84 degrees.
    public var geographic: GeoPoint {
        guard let zone = srid.utmZone else { return GeoPoint(latitude: y, longitude: x) }
        let p = TransverseMercator.unproject(easting: x, northing: y, zone: zone)
        return GeoPoint(latitude: p.latitude, longitude: p.longitude)
    }
}

extension Position: Codable {
    private enum CodingKeys: String, CodingKey { case srid, x, y }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                srid: c.decode(SRID.self, forKey: .srid),
                x: c.decode(Double.self, forKey: .x), y: c.decode(Double.self, forKey: .y))
        } catch let problem as Problem {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath, debugDescription: "Ugyldig posisjon: \(problem)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(srid, forKey: .srid)
        try c.encode(x, forKey: .x)
        try c.encode(y, forKey: .y)
    }
}
