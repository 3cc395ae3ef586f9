import Foundation

/// How the report's figures read in Norwegian, the same in the web page, the command line and the CSV.
public enum ReportText {
    /// "80", "66,7": one decimal at most, a decimal comma, no thousands separator.
    public static func decimal(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded).replacingOccurrences(of: ".", with: ",")
    }

    /// "80 %", "66,7 %", or "–" without a basis.
    public static func percent(_ value: Double?) -> String {
        value.map { "\(decimal($0)) %" } ?? "–"
    }

    /// "12", "12,5", or "–" without a basis.
    public static func days(_ value: Double?) -> String {
        value.map(decimal) ?? "–"
    }
}
