import Foundation

/// A UTM zone (EUREF89/ETRS89), northern hemisphere.
public struct UTMZone: Sendable, Hashable {
    /// 1…60; Norway uses 32 (south, Oslo), 33 (EPSG:25833, all of Norway) and 35 (Finnmark).
    public let number: Int

    public init?(number: Int) {
        guard (1...60).contains(number) else { return nil }
        self.number = number
    }

    /// The zone's central meridian in degrees.
    public var centralMeridian: Double { Double(number) * 6 - 183 }

    public static let zone32 = UTMZone(number: 32)!
    public static let zone33 = UTMZone(number: 33)!
}

/// Transverse Mercator on the GRS80 ellipsoid (EUREF89) with UTM parameters (k0 = 0.9996, false
/// easting 500 000 m, no false northing): Krüger's series in the third flattening n to sixth order
/// (Karney 2011, "Transverse Mercator with an accuracy of a few nanometers", J. Geodesy 85),
/// with the conformal latitude computed in closed form (and inverted by Newton's method) rather
/// than by its truncated series. Errors stay at the nanometre level within a zone and well below
/// a millimetre for thousands of kilometres beyond it (e.g. Kirkenes in zone 32).
public enum TransverseMercator {
    static let a = 6_378_137.0
    static let f = 1 / 298.257_222_101
    static let k0 = 0.9996
    static let falseEasting = 500_000.0

    /// Third flattening.
    static let n = f / (2 - f)
    /// First eccentricity and its square.
    static let e2 = f * (2 - f)
    static let e = e2.squareRoot()

    /// k0 times the rectifying radius A = a / (1 + n) · (1 + n²/4 + n⁴/64 + n⁶/256).
    static let scale: Double = {
        let n2 = n * n
        return k0 * a / (1 + n) * (1 + n2 / 4 + n2 * n2 / 64 + n2 * n2 * n2 / 256)
    }()

    /// Gauss–Krüger forward coefficients α1…α6 (Karney 2011, eq. 35).
    static let alpha: [Double] = {
        let n2 = n * n
        let n3 = n2 * n
        let n4 = n3 * n
        let n5 = n4 * n
        let n6 = n5 * n
        return [
            n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800,
            13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1_983_433 * n6 / 1_935_360,
            61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167_603 * n6 / 181_440,
            49561 * n4 / 161_280 - 179 * n5 / 168 + 6_601_661 * n6 / 7_257_600,
            34729 * n5 / 80640 - 3_418_889 * n6 / 1_995_840,
            212_378_941 * n6 / 319_334_400,
        ]
    }()

    /// Gauss–Krüger inverse coefficients β1…β6 (Karney 2011, eq. 36).
    static let beta: [Double] = {
        let n2 = n * n
        let n3 = n2 * n
        let n4 = n3 * n
        let n5 = n4 * n
        let n6 = n5 * n
        return [
            n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512 + 96199 * n6 / 604_800,
            n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1_118_711 * n6 / 3_870_720,
            17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720,
            4397 * n4 / 161_280 - 11 * n5 / 504 - 830_251 * n6 / 7_257_600,
            4583 * n5 / 161_280 - 108_847 * n6 / 3_991_680,
            20_648_693 * n6 / 638_668_800,
        ]
    }()

    /// Σ c_j · (sin 2jξ cosh 2jη, cos 2jξ sinh 2jη) for j = 1…6.
    private static func series(
        _ coefficients: [Double], xi: Double, eta: Double
    ) -> (Double, Double) {
        var sumXi = 0.0
        var sumEta = 0.0
        for j in coefficients.indices {
            let k = Double(2 * (j + 1))
            sumXi += coefficients[j] * sin(k * xi) * cosh(k * eta)
            sumEta += coefficients[j] * cos(k * xi) * sinh(k * eta)
        }
        return (sumXi, sumEta)
    }

    /// τ' = tan χ (conformal latitude) from τ = tan φ, in closed form (Karney 2011, eq. 7–9).
    private static func conformalTau(_ tau: Double) -> Double {
        let root = (1 + tau * tau).squareRoot()
        let sigma = sinh(e * atanh(e * tau / root))
        return tau * (1 + sigma * sigma).squareRoot() - sigma * root
    }

    /// WGS84/ETRS89 degrees → UTM metres (easting, northing).
    public static func project(
        latitude: Double, longitude: Double, zone: UTMZone
    ) -> (easting: Double, northing: Double) {
        let phi = latitude * .pi / 180
        var dLon = (longitude - zone.centralMeridian).truncatingRemainder(dividingBy: 360)
        if dLon > 180 { dLon -= 360 } else if dLon < -180 { dLon += 360 }
        let lambda = dLon * .pi / 180
        let tauPrime = conformalTau(tan(phi))
        let cosLambda = cos(lambda)
        // Spherical transverse Mercator of the conformal sphere (Karney 2011, eq. 10).
        let xiPrime = atan2(tauPrime, cosLambda)
        let etaPrime = asinh(sin(lambda) / (tauPrime * tauPrime + cosLambda * cosLambda).squareRoot())
        let (dXi, dEta) = series(alpha, xi: xiPrime, eta: etaPrime)
        return (falseEasting + scale * (etaPrime + dEta), scale * (xiPrime + dXi))
    }

    /// UTM metres → WGS84/ETRS89 degrees (latitude, longitude).
    public static func unproject(
        easting: Double, northing: Double, zone: UTMZone
    ) -> (latitude: Double, longitude: Double) {
        let xi = northing / scale
        let eta = (easting - falseEasting) / scale
        let (dXi, dEta) = series(beta, xi: xi, eta: eta)
        let xiPrime = xi - dXi
        let etaPrime = eta - dEta
        let sinhEta = sinh(etaPrime)
        let cosXi = cos(xiPrime)
        let lambda = atan2(sinhEta, cosXi)
        let denominator = (sinhEta * sinhEta + cosXi * cosXi).squareRoot()
        // At a pole the longitude is arbitrary: report the central meridian.
        guard denominator > 0 else {
            return (xiPrime >= 0 ? 90 : -90, zone.centralMeridian)
        }
        let tauPrime = sin(xiPrime) / denominator
        // Solve τ' = conformalTau(τ) for τ = tan φ by Newton's method (Karney 2011, eq. 19–21);
        // it converges in two or three steps.
        var tau = tauPrime / (1 - e2)
        for _ in 0..<6 {
            let tauI = conformalTau(tau)
            let delta =
                (tauPrime - tauI) / (1 + tauI * tauI).squareRoot()
                * (1 + (1 - e2) * tau * tau) / ((1 - e2) * (1 + tau * tau).squareRoot())
            tau += delta
            if !(abs(delta) >= 1e-14 * max(1, abs(tau))) { break }
        }
        return (atan(tau) * 180 / .pi, zone.centralMeridian + lambda * 180 / .pi)
    }
}
