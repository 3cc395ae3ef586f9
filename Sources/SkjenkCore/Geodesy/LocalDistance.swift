import Foundation

/// Short distances (up to some tens of kilometres) without iteration: the ellipsoid's meridian and
/// prime-vertical radii at the mean latitude of the two points. Within 0–5 km it agrees with the
/// geodesic to a few millimetres (tested), at a fraction of Vincenty's cost: what the spatial
/// queries use for every candidate.
public enum LocalDistance {
    static let a = 6_378_137.0
    static let e2 = (1 / 298.257_222_101) * (2 - 1 / 298.257_222_101)
    static let radians = Double.pi / 180

    public static func metres(_ p: GeoPoint, _ q: GeoPoint) -> Double {
        let meanLatitude = (p.latitude + q.latitude) / 2 * radians
        let s = sin(meanLatitude)
        let w = (1 - e2 * s * s).squareRoot()
        let meridian = a * (1 - e2) / (w * w * w)
        let primeVertical = a / w
        let dy = (q.latitude - p.latitude) * radians * meridian
        let dx = (q.longitude - p.longitude) * radians * primeVertical * cos(meanLatitude)
        return (dx * dx + dy * dy).squareRoot()
    }
}
