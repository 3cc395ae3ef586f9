import Foundation
import SkjenkCore
import Testing

@Suite struct CaseNumberTests {
    @Test(
        arguments: [
            ("2026/04711", 2026, 4711, nil),
            ("26/4711-2", 2026, 4711, 2),
            ("2025/1", 2025, 1, nil),
            ("2026/1234567-12", 2026, 1_234_567, 12),
        ] as [(String, Int, Int, Int?)])
    func parses(_ text: String, year: Int, sequence: Int, document: Int?) throws {
        let number = try CaseNumber(text)
        #expect(number.year == year)
        #expect(number.sequence == sequence)
        #expect(number.document == document)
        #expect(number.text == text)
    }

    @Test func documentsOfOneCaseShareTheKey() throws {
        #expect(try CaseNumber("2026/04711").key == "2026/4711")
        #expect(try CaseNumber("26/4711-2").key == "2026/4711")
        #expect(try CaseNumber("2026/4712").key != CaseNumber("2026/4711").key)
    }

    @Test(arguments: [
        "", "2026", "4711/2026/x", "2026/", "/4711", "026/4711", "2026/0", "2026/12345678", "2026/47a1",
        "2026/4711-", "2026/4711-0", "1899/1",
    ])
    func rejects(_ text: String) {
        #expect(throws: CaseNumber.Problem.self) { try CaseNumber(text) }
    }
}
