import Foundation

/// Distances and bearings on the GRS80 ellipsoid (EUREF89; WGS84 differs by far less than a
/// millimetre at the distances skjenk measures).
public enum Geodesic {
    static let a = 6_378_137.0
    static let f = 1 / 298.257_222_101
    static let b = a * (1 - f)

    /// Geodesic distance in metres between two points in degrees: Vincenty's inverse method,
    /// accurate to well under a millimetre; 0 for identical points. For nearly antipodal points,
    /// where the iteration may not converge, a great-circle estimate on the mean sphere (good to
    /// about 0.5 %; never needed at the distances skjenk measures).
    public static func distance(
        fromLatitude: Double, fromLongitude: Double,
        toLatitude: Double, toLongitude: Double
    ) -> Double {
        inverse(fromLatitude, fromLongitude, toLatitude, toLongitude).distance
    }

    /// The initial bearing (forward azimuth) of the geodesic from the first point to the second,
    /// in degrees clockwise from true north, 0 ..< 360; 0 for identical points.
    public static func initialBearing(
        fromLatitude: Double, fromLongitude: Double,
        toLatitude: Double, toLongitude: Double
    ) -> Double {
        inverse(fromLatitude, fromLongitude, toLatitude, toLongitude).bearing
    }

    /// Vincenty's inverse problem (Survey Review 23 (176), 1975), in degrees and metres.
    private static func inverse(
        _ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double
    ) -> (distance: Double, bearing: Double) {
        if lat1 == lat2 && lon1 == lon2 { return (0, 0) }
        let radians = Double.pi / 180
        var dLon = (lon2 - lon1).truncatingRemainder(dividingBy: 360)
        if dLon > 180 { dLon -= 360 } else if dLon < -180 { dLon += 360 }
        let L = dLon * radians
        // Reduced latitudes.
        let U1 = atan((1 - f) * tan(lat1 * radians))
        let U2 = atan((1 - f) * tan(lat2 * radians))
        let sinU1 = sin(U1)
        let cosU1 = cos(U1)
        let sinU2 = sin(U2)
        let cosU2 = cos(U2)

        var lambda = L
        for _ in 0..<200 {
            let sinLambda = sin(lambda)
            let cosLambda = cos(lambda)
            let p = cosU2 * sinLambda
            let q = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda
            let sinSigma = (p * p + q * q).squareRoot()
            if sinSigma == 0 { return (0, 0) }  // coincident points
            let cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda
            let sigma = atan2(sinSigma, cosSigma)
            let sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma
            let cos2Alpha = 1 - sinAlpha * sinAlpha
            // On the equator cos²α = 0 and the term is taken as 0.
            let cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha
            let C = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha))
            let previous = lambda
            lambda =
                L + (1 - C) * f * sinAlpha
                * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)))
            guard abs(lambda) <= .pi * 1.01 else { break }  // diverging: nearly antipodal
            if abs(lambda - previous) < 1e-12 {
                let u2 = cos2Alpha * (a * a - b * b) / (b * b)
                let A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
                let B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
                let deltaSigma =
                    B * sinSigma
                    * (cos2SigmaM + B / 4
                        * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                            - B / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma)
                            * (-3 + 4 * cos2SigmaM * cos2SigmaM)))
                let s = b * A * (sigma - deltaSigma)
                let alpha1 = atan2(cosU2 * sin(lambda), cosU1 * sinU2 - sinU1 * cosU2 * cos(lambda))
                return (s, normalisedDegrees(alpha1 / radians))
            }
        }
        // No convergence (nearly antipodal points): great circle on the sphere of mean radius.
        let meanRadius = (2 * a + b) / 3
        let phi1 = lat1 * radians
        let phi2 = lat2 * radians
        let sinHalfDPhi = sin((phi2 - phi1) / 2)
        let sinHalfL = sin(L / 2)
        let h = sinHalfDPhi * sinHalfDPhi + cos(phi1) * cos(phi2) * sinHalfL * sinHalfL
        let s = 2 * meanRadius * asin(min(1, h.squareRoot()))
        let theta = atan2(sin(L) * cos(phi2), cos(phi1) * sin(phi2) - sin(phi1) * cos(phi2) * cos(L))
        return (s, normalisedDegrees(theta / radians))
    }

    /// An angle in degrees brought into 0 ..< 360.
    private static func normalisedDegrees(_ degrees: Double) -> Double {
        var d = degrees.truncatingRemainder(dividingBy: 360)
        if d < 0 { d += 360 }
        return d >= 360 ? 0 : d
    }
}
