import Foundation

/// The officer a statement names: full name and title, and how to reach them. Never a login name or
/// an operating-system account.
public struct OfficerContact: Sendable, Hashable, Codable {
    public var fullName: String
    public var title: String?
    public var phone: String?
    public var email: String?

    public init(fullName: String, title: String? = nil, phone: String? = nil, email: String? = nil) {
        self.fullName = fullName
        self.title = title
        self.phone = phone
        self.email = email
    }

    /// "Kari Nordmann, rådgiver".
    public var nameAndTitle: String { title.map { "\(fullName), \($0)" } ?? fullName }

    /// "tlf. 23 43 21 00, e-post kari.nordmann@bsh.oslo.kommune.no", or nil without either.
    public var reach: String? {
        let parts = [phone.map { "tlf. \($0)" }, email.map { "e-post \($0)" }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// Why a profile's fields cannot be stored.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case fullName, title, phone, email

        public var description: String {
            switch self {
            case .fullName: "fullt navn skal være 2–100 tegn, uten linjeskift"
            case .title: "tittelen skal være 2–100 tegn, uten linjeskift"
            case .phone: "telefonnummeret kan bare ha sifre, mellomrom og + (6–20 tegn)"
            case .email: "e-postadressen er ikke gyldig"
            }
        }
    }

    /// Checks every field; the first problem is thrown.
    public func validated() throws(Problem) -> OfficerContact {
        func line(_ text: String) -> Bool {
            (2...100).contains(text.count) && !text.contains(where: \.isNewline)
        }
        guard line(fullName) else { throw .fullName }
        if let title, !line(title) { throw .title }
        if let phone, !(6...20).contains(phone.count) || !phone.allSatisfy({ $0.isNumber || $0 == " " || $0 == "+" }) {
            throw .phone
        }
        if let email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), email.count <= 200,
                !email.contains(where: { $0.isWhitespace })
            else { throw .email }
        }
        return self
    }
}
