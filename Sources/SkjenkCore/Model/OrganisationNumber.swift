import Foundation

/// Organisasjonsnummer: nine digits whose last digit is a valid MOD11 check digit.
///
/// The only way to get a value is through the validating initialiser (also when decoding),
/// so a stored or composed organisation number is always a valid one.
public struct OrganisationNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The nine digits, without spaces.
    public let digits: String

    private static let weights = [3, 2, 7, 6, 5, 4, 3, 2]

    /// Why a text is not an organisation number.
    public enum Problem: Error, Sendable, Equatable {
        case notNineDigits
        case wrongCheckDigit(expected: Int?)
    }

    /// Accepts nine digits, optionally grouped with spaces ("974 760 673").
    public init(_ text: String) throws(Problem) {
        let compact = text.filter { $0 != " " && $0 != "\u{00A0}" }
        guard compact.utf8.count == 9, compact.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw .notNineDigits
        }
        let values = compact.utf8.map { Int($0 - 0x30) }
        let sum = zip(values.prefix(8), Self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        let remainder = sum % 11
        let expected: Int? = remainder == 0 ? 0 : (remainder == 1 ? nil : 11 - remainder)
        guard let check = expected, check == values[8] else {
            throw .wrongCheckDigit(expected: expected)
        }
        digits = compact
    }

    /// Printed the Norwegian way: "974 760 673".
    public var formatted: String {
        let d = Array(digits)
        return "\(String(d[0..<3])) \(String(d[3..<6])) \(String(d[6..<9]))"
    }

    public var description: String { digits }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.digits < rhs.digits }
}

extension OrganisationNumber: TextCoded {
    public init(validatingText text: String) throws {
        try self.init(text)
    }

    public var codedText: String { digits }

    public static let invalidTextMessage = "Ugyldig organisasjonsnummer"
}
