import Foundation

/// A UTM zone (EUREF89/ETRS89), northern hemisphere.
public struct UTMZone: Sendable, Hashable {
    /// 1…60; Norway uses 32 (south, Oslo) and 33 (all of Norway).
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

/// Transverse Mercator on the GRS80 ellipsoid (EUREF89), UTM parameters: Krüger's series in the
/// third flattening to sixth order (Karney 2011, "Transverse Mercator with an accuracy of a few
/// nanometers"), with the conformal latitude computed exactly. Well below a millimetre inside a
/// zone and for several degrees beyond it.
public enum TransverseMercator {
    static let a = 6_378_137.0
    static let f = 1 / 298.257_222_101
    static let k0 = 0.9996
    static let falseEasting = 500_000.0

    static let n = f / (2 - f)
    static let e = (f * (2 - f)).squareRoot()
    /// The rectifying radius times k0.
    static let scale: Double = {
        let n2 = n * n
        return k0 * a / (1 + n) * (1 + n2 / 4 + n2 * n2 / 64 + n2 * n2 * n2 / 256)
    }()

    /// Gauss–Krüger forward coefficients α1…α6.
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

    /// Gauss–Krüger inverse coefficients β1…β6.
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

    /// WGS84/ETRS89 degrees → UTM metres (easting, northing).
    public static func project(
        latitude: Double, longitude: Double, zone: UTMZone
    ) -> (easting: Double, northing: Double) {
        let phi = latitude * .pi / 180
        let lambda = (longitude - zone.centralMeridian) * .pi / 180
        // Conformal latitude, exactly: τ' = tan χ.
        let tau = tan(phi)
        let sigma = sinh(e * atanh(e * tau / (1 + tau * tau).squareRoot()))
        let tauPrime = tau * (1 + sigma * sigma).squareRoot() - sigma * (1 + tau * tau).squareRoot()
        let xiPrime = atan2(tauPrime, cos(lambda))
        let etaPrime = asinh(sin(lambda) / (tauPrime * tauPrime + cos(lambda) * cos(lambda)).squareRoot())
        var xi = xiPrime
        var eta = etaPrime
        for (index, coefficient) in alpha.enumerated() {
            let j = Double(2 * (index + 1))
            xi += coefficient * sin(j * xiPrime) * cosh(j * etaPrime)
            eta += coefficient * cos(j * xiPrime) * sinh(j * etaPrime)
        }
        return (falseEasting + scale * eta, scale * xi)
    }

    /// UTM metres → WGS84/ETRS89 degrees (latitude, longitude).
    public static func unproject(
        easting: Double, northing: Double, zone: UTMZone
    ) -> (latitude: Double, longitude: Double) {
        let xi = northing / scale
        let eta = (easting - falseEasting) / scale
        var xiPrime = xi
        var etaPrime = eta
        for (index, coefficient) in beta.enumerated() {
            let j = Double(2 * (index + 1))
            xiPrime -= coefficient * sin(j * xi) * cosh(j * eta)
            etaPrime -= coefficient * cos(j * xi) * sinh(j * eta)
        }
        let tauPrime = sin(xiPrime) / (sinh(etaPrime) * sinh(etaPrime) + cos(xiPrime) * cos(xiPrime)).squareRoot()
        let lambda = atan2(sinh(etaPrime), cos(xiPrime))
        // Solve τ' = τ√(1+σ²) − σ√(1+τ²) for τ = tan φ by Newton's method (Karney 2011, eq. 19–21).
        var tau = tauPrime / (1 - e * e)
        for _ in 0..<5 {
            let sigma = sinh(e * atanh(e * tau / (1 + tau * tau).squareRoot()))
            let tauI = tau * (1 + sigma * sigma).squareRoot() - sigma * (1 + tau * tau).squareRoot()
            let delta =
                (tauPrime - tauI) / (1 + tauI * tauI).squareRoot()
                * (1 + (1 - e * e) * tau * tau) / ((1 - e * e) * (1 + tau * tau).squareRoot())
            tau += delta
            if abs(delta) < 1e-14 { break }
        }
        return (atan(tau) * 180 / .pi, zone.centralMeridian + lambda * 180 / .pi)
    }
}
