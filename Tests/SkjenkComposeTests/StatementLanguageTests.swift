import Foundation
import SkjenkTestSupport
import Testing

/// Every golden statement reads as a letter a district director signs (`LetterLanguage`).
@Suite struct StatementLanguageTests {
    static var goldens: [URL] {
        let folder = Fixtures.packageRoot.appendingPathComponent("Tests/SkjenkComposeTests/Golden/statements")
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "md" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func everyGoldenStatementReadsAsALetter() throws {
        #expect(Self.goldens.count >= 80)
        for file in Self.goldens {
            let text = try String(contentsOf: file, encoding: .utf8)
            let problems = LetterLanguage.problems(in: text)
            #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems.prefix(5))")
            // The full statement quotes § 1-7a with "kan"; the short one refers to it.
            let full = text.contains("## Bydelens vurdering")
            #expect(
                text.contains(full ? "etter § 1-7a kan det blant annet legges vekt på" : "alkoholloven § 1-7a"),
                "\(file.lastPathComponent)")
        }
    }

    /// The checker finds what it is for, so a clean result means something.
    @Test(arguments: [
        ("Bydelen har registrert fire klager. 12 av dem er fra i år.", "a sentence starts with a digit"),
        ("3 steder ligger nær.", "a sentence starts with a digit"),
        ("Stedet ligger i soneregisteret.", "internal word «register»"),
        ("Omsøkt tid er 1 t 30 min lengre.", "abbreviation «t»"),
        ("Saksbehandler: root", "an account name «root»"),
        ("Etter § 1-7a skal det blant annet legges vekt på tetthet.", "§ 1-7a without «kan»"),
        ("Tolv prikker gir inndragning.", "twelve points without § 10-2"),
        ("Bar &amp; Co søker.", "internal word «&amp;»"),
    ])
    func theCheckerFindsEachProblem(text: String, problem: String) {
        #expect(LetterLanguage.problems(in: text).contains { $0.hasPrefix(problem) }, "\(LetterLanguage.problems(in: text))")
    }

    @Test func timesDatesAndNumbersInListsAreNotSentenceStarts() {
        let fine = """
            ## Saken

            Skjenkingen opphører kl. 00.30 og stedet holder lukket fra kl. 01.00. Salg er ikke tillatt 1. og 17. mai.
            Bar AS (org.nr. 974 760 673) har fått åtte prikker.
            1. Det skjenkes ikke alkoholgruppe 3 ute.
            - inne 08.00–03.00, gruppe 1 og 2
            """
        #expect(LetterLanguage.problems(in: fine).isEmpty, "\(LetterLanguage.problems(in: fine))")
        #expect(LetterLanguage.problems(in: "## A\n\nSamme linje.\nSamme linje.\n").count == 1)
    }
}
