import Foundation
import SkjenkCompose
import Testing

/// The section editor's model (issue 19, item 3): every reviewed statement splits into its
/// headings and comes back unchanged; edits change only their own section; conditions are
/// reordered, removed and added as items.
struct StatementSectionsTests {
    static let golden: [URL] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Golden/statements")
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "md" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }()

    @Test func everyReviewedStatementComesBackUnchanged() throws {
        #expect(Self.golden.count >= 10)
        for url in Self.golden {
            let text = try String(contentsOf: url, encoding: .utf8)
            let sections = StatementSections(markdown: text)
            #expect(sections.markdown == text, "\(url.lastPathComponent)")
            // CRLF from a browser reads the same.
            #expect(StatementSections(markdown: text.replacingOccurrences(of: "\n", with: "\r\n")) == sections)
        }
    }

    static let letter = """
        # Bydel Test – høringsuttalelse

        **UTKAST – ikke vedtatt**

        | | |
        |---|---|
        | Vår referanse | 26/1 |

        ## Saken

        - Søker: Test AS

        ## Bydelens tilråding

        Bydelen tilrår at søknaden innvilges med vilkårene nedenfor.

        Bydelen foreslår disse vilkårene:

        1. Det skjenkes ikke alkoholgruppe 3 ute. Begrunnelse: skolen.
        2. Dørene holdes lukket etter kl. 22.00. Begrunnelse: naboene.

        ## Behandling

        Saken avgjøres av bydelsdirektøren.

        """

    @Test func headingsAreFixedTablesKeptAndConditionsAreItems() throws {
        let sections = StatementSections(markdown: Self.letter)
        #expect(sections.sections.map(\.heading) == ["Bydel Test – høringsuttalelse", "Saken", "Bydelens tilråding", "Behandling"])
        #expect(sections.sections.map(\.level) == [1, 2, 2, 2])
        guard case .table = sections.sections[0].parts[1] else {
            Issue.record("the reference table is not kept as a table")
            return
        }
        #expect(sections.sections[2].listIndex == 1)
        #expect(
            sections.sections[2].parts[1]
                == .list([
                    "Det skjenkes ikke alkoholgruppe 3 ute. Begrunnelse: skolen.",
                    "Dørene holdes lukket etter kl. 22.00. Begrunnelse: naboene.",
                ]))
    }

    @Test func conditionsAreReorderedRemovedAndAddedAndOtherSectionsStay() throws {
        let sections = StatementSections(markdown: Self.letter)
        let fields = [
            StatementSections.field(2, 1, item: 0, "-nr"): "3",
            StatementSections.field(2, 1, item: 1, "-nr"): "1",
            StatementSections.field(2, 1, "-ny"): "Stedet har ordensvakter\r\nfredag og lørdag.",
            StatementSections.field(3, 0): "Saken avgjøres av bydelsutvalget.\r\n",
        ]
        let edited = try sections.applying { fields[$0] }
        #expect(
            edited.markdown.contains(
                """
                1. Dørene holdes lukket etter kl. 22.00. Begrunnelse: naboene.
                2. Det skjenkes ikke alkoholgruppe 3 ute. Begrunnelse: skolen.
                3. Stedet har ordensvakter fredag og lørdag.
                """))
        #expect(edited.markdown.contains("## Behandling\n\nSaken avgjøres av bydelsutvalget.\n"))
        #expect(!edited.markdown.contains("\r"))
        let changed = edited.changes(from: sections)
        #expect(Set(changed.keys) == [2, 3])
        #expect(changed[3]?.contains { $0.kind == .removed && $0.text == "Saken avgjøres av bydelsdirektøren." } == true)

        let removed = try sections.applying {
            $0 == StatementSections.field(2, 1, item: 0, "-fjern") ? "1" : nil
        }
        #expect(!removed.markdown.contains("alkoholgruppe 3"))
        #expect(removed.markdown.contains("1. Dørene holdes lukket"))
        // Removing every condition leaves no empty list behind.
        let none = try sections.applying { $0.hasSuffix("-fjern") ? "1" : nil }
        #expect(!none.markdown.contains("1. "))
        #expect(none.markdown.contains("Bydelen foreslår disse vilkårene:"))
    }

    @Test func aPlaceThatIsNotANumberIsRefusedForItsField() {
        let sections = StatementSections(markdown: Self.letter)
        let field = StatementSections.field(2, 1, item: 1, "-nr")
        #expect(throws: StatementSections.EditProblem(field: field, message: "Plassen for vilkår 2 må være et helt tall fra 1 til 999.")) {
            try sections.applying { $0 == field ? "to" : nil }
        }
    }

    @Test func theRecommendationTakesAConditionWhenItHasNone() throws {
        let text = "# T\n\n## Bydelens tilråding\n\nBydelen tilrår at søknaden innvilges.\n"
        let sections = StatementSections(markdown: text)
        #expect(sections.markdown == text)
        let edited = try sections.applying { $0 == StatementSections.field(1, 1, "-ny") ? "Ingen skjenking ute." : nil }
        #expect(edited.markdown == text + "\n1. Ingen skjenking ute.\n")
        // With the outcome's introduction, as the composer writes it for a statement against.
        let against = try sections.applying(
            { $0 == StatementSections.field(1, 1, "-ny") ? "Ingen skjenking ute." : nil },
            introduction: "Bydelen foreslår subsidiært disse vilkårene:")
        #expect(
            against.markdown
                == text + "\nBydelen foreslår subsidiært disse vilkårene:\n\n1. Ingen skjenking ute.\n")
        // A list that had items takes no second introduction.
        let letter = StatementSections(markdown: Self.letter)
        let more = try letter.applying(
            { $0 == StatementSections.field(2, 1, "-ny") ? "Ny." : nil }, introduction: "Innledning:")
        #expect(!more.markdown.contains("Innledning:"))
    }
}
