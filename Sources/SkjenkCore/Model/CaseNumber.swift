import Foundation

/// Saksnummer: the licensing agency's case number, `YYYY/N` or `YY/N`, optionally with a
/// document number `-D` (`2026/04711`, `26/4711-2`).
///
/// Two numbers name the same case when year and sequence number agree: `26/4711-2` and
/// `2026/04711` are the same case (`key` "2026/4711"), documents 2 and none of it.
public struct CaseNumber: Sendable, Hashable, CustomStringConvertible {
    /// Saksår, four digits (a two-digit year is read as 20YY).
    public let year: Int
    /// Sekvensnummer within the year.
    public let sequence: Int
    /// Dokumentnummer within the case, when given.
    public let document: Int?
    /// The text as the agency wrote it.
    public let text: String

    /// Why a text is not a case number.
    public struct Problem: Error, Sendable, Equatable {}

    public init(_ raw: String) throws(Problem) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw Problem() }
        let yearText = parts[0]
        let rest = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard yearText.count == 4 || yearText.count == 2, Self.allDigits(yearText),
            rest.count == 1 || rest.count == 2,
            (1...7).contains(rest[0].count), Self.allDigits(rest[0]),
            let year = Int(yearText), let sequence = Int(rest[0]), sequence > 0
        else { throw Problem() }
        var document: Int?
        if rest.count == 2 {
            guard (1...4).contains(rest[1].count), Self.allDigits(rest[1]), let d = Int(rest[1]), d > 0 else {
                throw Problem()
            }
            document = d
        }
        self.year = yearText.count == 2 ? 2000 + year : year
        guard self.year >= 1900 else { throw Problem() }
        self.sequence = sequence
        self.document = document
        self.text = text
    }

    /// The case's identity: year and sequence number, without leading zeros or document number.
    public var key: String { "\(year)/\(sequence)" }

    public var description: String { text }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.year == rhs.year && lhs.sequence == rhs.sequence && lhs.document == rhs.document
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(year)
        hasher.combine(sequence)
        hasher.combine(document)
    }

    private static func allDigits(_ s: Substring) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

extension CaseNumber: TextCoded {
    public init(validatingText text: String) throws {
        try self.init(text)
    }

    public var codedText: String { text }

    public static let invalidTextMessage = "Ugyldig saksnummer"
}
