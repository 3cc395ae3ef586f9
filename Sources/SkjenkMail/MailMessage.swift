import Foundation

/// A plain-text e-mail: sender, recipients, subject and body, rendered as an RFC 5322 message with
/// MIME headers (UTF-8, quoted-printable, so it travels as 7-bit text through any server).
public struct MailMessage: Sendable, Hashable {
    public var from: String
    public var to: [String]
    public var subject: String
    /// The text; line ends are normalised to CRLF when rendered.
    public var body: String
    public var date: Date
    /// Without the angle brackets: "UUID@domain".
    public var messageID: String

    public init(from: String, to: [String], subject: String, body: String, date: Date, messageID: String? = nil) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        let domain = from.split(separator: "@").last.map(String.init) ?? "skjenk.invalid"
        self.messageID = messageID ?? "\(UUID().uuidString.lowercased())@\(domain)"
    }

    /// Headers and body, CRLF line ends, before dot-stuffing.
    public func rendered() -> String {
        let headers = [
            "From: \(from)",
            "To: \(to.joined(separator: ", "))",
            "Subject: \(MailEncoding.encodedWords(subject))",
            "Date: \(MailEncoding.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + MailEncoding.quotedPrintable(body)
    }
}

/// The encodings a message needs: RFC 2047 encoded words for headers, quoted-printable for the body
/// (RFC 2045), the date (RFC 5322) and SMTP's dot-stuffing (RFC 5321 § 4.5.2).
public enum MailEncoding {
    /// The text as it is when it is printable ASCII, else as UTF-8 "B" encoded words of at most 64
    /// characters each (RFC 2047 allows 75), folded onto continuation lines.
    public static func encodedWords(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 39 bytes make 52 base64 characters; with "=?UTF-8?B?" and "?=" a word is 64, so even after
        // "Subject: " the line stays within 78 characters (RFC 5322 § 2.1.1).
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 39 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// The body as quoted-printable: CRLF line ends, lines of at most 76 characters (soft breaks),
    /// `=` and bytes outside printable ASCII as `=XX`, a space or tab at a line's end encoded.
    public static func quotedPrintable(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { encodeLine(Array($0.utf8)) }.joined(separator: "\r\n")
    }

    static func encodeLine(_ bytes: [UInt8]) -> String {
        var output = ""
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let last = index == bytes.count - 1
            let token: String
            switch byte {
            case 0x20, 0x09: token = last ? hex(byte) : String(UnicodeScalar(byte))
            case 0x21...0x7E where byte != 0x3D: token = String(UnicodeScalar(byte))
            default: token = hex(byte)
            }
            // A soft line break ("=") ends a line at 76 characters.
            if current.count + token.count > 75 {
                output += current + "=\r\n"
                current = ""
            }
            current += token
        }
        return output + current
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// "Mon, 23 Nov 2026 07:00:00 +0100" in Oslo's time.
    public static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Oslo")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// The message as DATA sends it: every line that starts with "." gets another, and it ends with
    /// the terminating "CRLF.CRLF".
    public static func dotStuffed(_ message: String) -> String {
        let lines = message.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }
        return lines.joined(separator: "\r\n") + "\r\n.\r\n"
    }
}
