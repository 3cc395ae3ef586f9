import Foundation

/// Distances on the GRS80/WGS84 ellipsoid (the two differ by far less than a millimetre here).
public enum Geodesic {
    static let a = 6_378_137.0
    static let f = 1 / 298.257_222_101
    static let b = a * (1 - f)

    /// Geodesic distance in metres between two points in degrees: Vincenty's inverse method,
    /// accurate to well under a millimetre; for nearly antipodal points, where it may not
    /// converge, a spherical estimate (never needed at the distances skjenk measures).
    public static func distance(
        fromLatitude: Double, fromLongitude: Double,
        toLatitude: Double, toLongitude: Double
    ) -> Double {
        if fromLatitude == toLatitude && fromLongitude == toLongitude { return 0 }
        let radians = Double.pi / 180
        let L = (toLongitude - fromLongitude) * radians
        let U1 = atan((1 - f) * tan(fromLatitude * radians))
        let U2 = atan((1 - f) * tan(toLatitude * radians))
        let sinU1 = sin(U1)
        let cosU1 = cos(U1)
        let sinU2 = sin(U2)
        let cosU2 = cos(U2)
        var lambda = L
        for _ in 0..<200 {
            let sinLambda = sin(lambda)
            let cosLambda = cos(lambda)
            let sinSigma =
                ((cosU2 * sinLambda) * (cosU2 * sinLambda)
                + (cosU1 * sinU2 - sinU1 * cosU2 * cosLambda) * (cosU1 * sinU2 - sinU1 * cosU2 * cosLambda))
                .squareRoot()
            if sinSigma == 0 { return 0 }
            let cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda
            let sigma = atan2(sinSigma, cosSigma)
            let sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma
            let cos2Alpha = 1 - sinAlpha * sinAlpha
            let cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha
            let C = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha))
            let previous = lambda
            lambda =
                L + (1 - C) * f * sinAlpha
                * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)))
            if abs(lambda - previous) < 1e-12 {
                let u2 = cos2Alpha * (a * a - b * b) / (b * b)
                let A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
                let B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
                let deltaSigma =
                    B * sinSigma
                    * (cos2SigmaM + B / 4
                        * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                            - B / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)))
                return b * A * (sigma - deltaSigma)
            }
        }
        // No convergence (nearly antipodal points): the great-circle distance on the mean sphere.
        let meanRadius = (2 * a + b) / 3
        let phi1 = fromLatitude * radians
        let phi2 = toLatitude * radians
        let h = sin((phi2 - phi1) / 2) * sin((phi2 - phi1) / 2) + cos(phi1) * cos(phi2) * sin(L / 2) * sin(L / 2)
        return 2 * meanRadius * asin(min(1, h.squareRoot()))
    }
}
