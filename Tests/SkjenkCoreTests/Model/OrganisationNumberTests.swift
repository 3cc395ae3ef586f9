import Foundation
import SkjenkCore
import Testing

@Suite struct OrganisationNumberTests {
    @Test(arguments: ["889640782", "983887457", "974760673", "123456785", "974 760 673"])
    func acceptsValidNumbers(_ text: String) throws {
        let number = try OrganisationNumber(text)
        #expect(number.digits == text.replacingOccurrences(of: " ", with: ""))
    }

    @Test func rejectsWrongCheckDigit() {
        #expect(throws: OrganisationNumber.Problem.wrongCheckDigit(expected: 5)) { try OrganisationNumber("123456789") }
    }

    @Test func rejectsRemainderOneAsNoValidCheckDigit() {
        // A weighted sum ≡ 1 (mod 11) leaves no valid check digit.
        let prefix = (10_000_000...10_010_000).first { n in
            let d = Array(String(n)).map { Int(String($0))! }
            return zip(d, [3, 2, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 } % 11 == 1
        }!
        #expect(throws: OrganisationNumber.Problem.wrongCheckDigit(expected: nil)) {
            try OrganisationNumber("\(prefix)0")
        }
    }

    @Test(arguments: ["", "12345678", "1234567890", "12345678a", "９７４７６０６７３"])
    func rejectsNotNineDigits(_ text: String) {
        #expect(throws: OrganisationNumber.Problem.notNineDigits) { try OrganisationNumber(text) }
    }

    @Test func formatsInGroupsOfThree() throws {
        #expect(try OrganisationNumber("974760673").formatted == "974 760 673")
    }

    @Test func decodingValidatesToo() throws {
        let bad = Data(#""123456789""#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(OrganisationNumber.self, from: bad) }
        let good = try JSONDecoder().decode(OrganisationNumber.self, from: Data(#""974760673""#.utf8))
        #expect(good.digits == "974760673")
    }
}
