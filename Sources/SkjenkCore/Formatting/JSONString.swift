/// A string as a JSON string literal (RFC 8259): quotes, backslashes and control characters
/// escaped. With `escapingMarkup`, `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`
/// too, so the JSON can never close a script element or start markup when a client misuses it.
public enum JSONString {
    @inlinable
    public static func append(_ text: String, to out: inout [UInt8], escapingMarkup: Bool = false) {
        func digit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }
        func unicode(_ byte: UInt8) {
            out.append(contentsOf: [
                UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, digit(byte >> 4), digit(byte & 0xF),
            ])
        }
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case ..<0x20: unicode(byte)
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                if escapingMarkup { unicode(byte) } else { out.append(byte) }
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `text` as a quoted JSON string.
    public static func quoted(_ text: String, escapingMarkup: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        append(text, to: &out, escapingMarkup: escapingMarkup)
        return String(decoding: out, as: UTF8.self)
    }
}
