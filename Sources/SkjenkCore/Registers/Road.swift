import Foundation

/// A road from the road register (vegregisteret): its name, when it has one, and its lines in
/// WGS84 (a MultiLineString has several). The statement's map draws it under the markers.
public struct Road: Sendable, Hashable, Codable {
    /// Gatenavn, as the register writes it; nil for an unnamed road (a footpath in an OSM extract).
    public var name: String?
    /// The lines, each of at least two points.
    public var lines: [[GeoPoint]]

    public init(name: String?, lines: [[GeoPoint]]) {
        self.name = name
        self.lines = lines
    }

    /// The smallest box that holds every point of the road; the store keeps it to find the roads
    /// within a map's frame without reading the others.
    public var bounds: GeoBounds { GeoBounds(lines.flatMap { $0 }) ?? GeoBounds(south: 0, west: 0, north: 0, east: 0) }
}

/// A box in WGS84 degrees, south to north and west to east (Oslo never crosses the antimeridian).
public struct GeoBounds: Sendable, Hashable, Codable {
    public let south: Double
    public let west: Double
    public let north: Double
    public let east: Double

    public init(south: Double, west: Double, north: Double, east: Double) {
        self.south = south
        self.west = west
        self.north = north
        self.east = east
    }

    /// The box around `points`; nil when there are none.
    public init?(_ points: [GeoPoint]) {
        guard let first = points.first else { return nil }
        var (south, north, west, east) = (first.latitude, first.latitude, first.longitude, first.longitude)
        for point in points.dropFirst() {
            south = min(south, point.latitude)
            north = max(north, point.latitude)
            west = min(west, point.longitude)
            east = max(east, point.longitude)
        }
        self.init(south: south, west: west, north: north, east: east)
    }

    /// The box `metres` east, west, north and south of `center` (a map's frame).
    public static func around(_ center: GeoPoint, metres: Double) -> GeoBounds {
        let north = LocalDistance.metres(
            center, GeoPoint(latitude: center.latitude + 0.01, longitude: center.longitude))
        let east = LocalDistance.metres(center, GeoPoint(latitude: center.latitude, longitude: center.longitude + 0.01))
        let dLat = metres / north * 0.01
        let dLon = metres / east * 0.01
        return GeoBounds(
            south: center.latitude - dLat, west: center.longitude - dLon, north: center.latitude + dLat,
            east: center.longitude + dLon)
    }

    /// True when the two boxes share any point (touching edges count).
    public func intersects(_ other: GeoBounds) -> Bool {
        west <= other.east && other.west <= east && south <= other.north && other.south <= north
    }
}
