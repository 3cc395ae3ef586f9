import Foundation

/// A street address reduced for matching: lower-cased, without the postal part after a comma,
/// with runs of white space folded and "gt." read as "gate" ("Pilestredet 63", "PILESTREDET  63,
/// 0350 OSLO" and "Pilestredet 63 " match).
public enum StreetKey {
    public static func make(_ address: String) -> String {
        let street = address.split(separator: ",", maxSplits: 1).first.map(String.init) ?? address
        return street.lowercased()
            .split(whereSeparator: \.isWhitespace)
            .map { $0 == "gt." || $0 == "gt" ? "gate" : String($0) }
            .joined(separator: " ")
    }
}
