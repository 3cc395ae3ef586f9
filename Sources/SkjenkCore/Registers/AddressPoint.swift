import Foundation

/// An address with its position, from Kartverket's address register (Geonorge's CSV).
public struct AddressPoint: Sendable, Hashable, Codable {
    /// Adressenavn: the street's name.
    public var streetName: String
    public var number: Int
    /// Bokstav, when the address has one ("10 B").
    public var letter: String?
    public var postalCode: String
    public var position: Position

    public init(streetName: String, number: Int, letter: String? = nil, postalCode: String, position: Position) {
        self.streetName = streetName
        self.number = number
        self.letter = letter
        self.postalCode = postalCode
        self.position = position
    }

    /// "Thereses gate 10 B".
    public var street: String { "\(streetName) \(number)" + (letter.map { " \($0)" } ?? "") }
}

/// A street line split into name, number and letter, for looking it up in the address register.
public struct StreetAddress: Sendable, Hashable {
    /// The name as `StreetKey` reduces it.
    public let nameKey: String
    public let number: Int
    public let letter: String?

    /// Splits "Thereses gate 10", "Thereses gt. 10b", "Ullevålsveien 39 A"; nil without a house number.
    public init?(_ street: String) {
        let parts = StreetKey.make(street).split(separator: " ").map(String.init)
        guard var last = parts.last, parts.count >= 2 else { return nil }
        var nameParts = Array(parts.dropLast())
        var letter: String?
        if last.count == 1, last.first?.isLetter == true, let number = nameParts.last, Int(number) != nil {
            letter = last.uppercased()
            last = number
            nameParts.removeLast()
        } else if let end = last.firstIndex(where: { !$0.isNumber }), end != last.startIndex {
            let suffix = String(last[end...])
            guard suffix.count == 1, suffix.first?.isLetter == true else { return nil }
            letter = suffix.uppercased()
            last = String(last[..<end])
        }
        guard let number = Int(last), !nameParts.isEmpty else { return nil }
        nameKey = nameParts.joined(separator: " ")
        self.number = number
        self.letter = letter
    }

    public init(nameKey: String, number: Int, letter: String?) {
        self.nameKey = nameKey
        self.number = number
        self.letter = letter
    }
}
