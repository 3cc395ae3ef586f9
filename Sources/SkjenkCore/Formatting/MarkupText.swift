import Foundation

/// Text for XML and HTML: element content and quoted attributes.
public enum MarkupText {
    /// `&`, `<`, `>`, `"` and `'` as entities; characters XML 1.0 forbids (control characters
    /// other than tab and line breaks, U+FFFE, U+FFFF) left out, so the result is always well-formed.
    public static func escape(_ text: String) -> String {
        // Most text has nothing to change: check the bytes first.
        guard
            text.utf8.contains(where: {
                $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF
            })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
