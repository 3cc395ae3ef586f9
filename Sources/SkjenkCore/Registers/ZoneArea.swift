import Foundation

/// An area of Oslo's opening-hours regulation: a zone and its polygons (WGS84 rings; holes are
/// rings too, the even-odd rule leaves them out).
public struct ZoneArea: Sendable, Hashable, Codable {
    public var zone: Zone
    public var rings: [[GeoPoint]]
    public var name: String?

    public init(zone: Zone, rings: [[GeoPoint]], name: String? = nil) {
        self.zone = zone
        self.rings = rings
        self.name = name
    }

    /// True when `point` lies inside the area.
    public func contains(_ point: GeoPoint) -> Bool {
        var inside = false
        for ring in rings where ring.count >= 3 {
            var j = ring.count - 1
            for i in 0..<ring.count {
                let (a, b) = (ring[i], ring[j])
                if (a.latitude > point.latitude) != (b.latitude > point.latitude),
                    point.longitude < (b.longitude - a.longitude) * (point.latitude - a.latitude)
                        / (b.latitude - a.latitude) + a.longitude
                {
                    inside.toggle()
                }
                j = i
            }
        }
        return inside
    }
}
