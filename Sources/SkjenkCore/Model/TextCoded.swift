import Foundation

/// A value written as one piece of text whose initialiser validates it. `Codable` goes through
/// that initialiser, so decoding (from the database, from JSON) cannot bypass the validation.
public protocol TextCoded: Codable {
    /// Makes the value from its text, or throws when the text is not a valid one.
    init(validatingText text: String) throws
    /// The value's text, as it is stored and exchanged.
    var codedText: String { get }
    /// What a decoding error says, in Norwegian ("Ugyldig saksnummer").
    static var invalidTextMessage: String { get }
}

extension TextCoded {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(validatingText: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\(Self.invalidTextMessage): «\(text)»"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(codedText)
    }
}
