import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// The sentences of a statement that name its meeting follow the meeting it is put on and the one
/// that decided it: the route sentence and the late-answer apology.
@Suite struct StatementTextTests {
    static let planned = DecisionRoute.council(
        body: "bydelsutvalget", meetingDate: Fixtures.day("2026-12-03"), itemNumber: "45/26")
    static let actual = DecisionRoute.council(
        body: "bydelsutvalget", meetingDate: Fixtures.day("2026-12-10"), itemNumber: "1/26")
    static let draft = """
        \(StatementText.draftMark)

        Bydelen beklager at uttalelsen kommer etter høringsfristen 18. november 2026\
        \(StatementText.lateReason(planned)!).

        \(StatementText.routeBeforeApproval(planned))

        """

    @Test func aStatementPutOnAnotherMeetingNamesThatMeetingEverywhere() {
        let text = StatementText.rerouted(Self.draft, from: Self.planned, to: Self.actual)
        #expect(text.contains("etter høringsfristen 18. november 2026, fordi saken behandles i møte i bydelsutvalget "
            + "10. desember 2026."))
        #expect(text.contains("Saken legges fram for bydelsutvalget i møte 10. desember 2026, sak 1/26."))
        #expect(!text.contains("3. desember") && !text.contains("45/26"))
        #expect(text.contains(StatementText.draftMark))
    }

    @Test func theApprovedLetterNamesTheMeetingThatDecided() {
        let text = StatementText.finalised(Self.draft, route: Self.planned, decided: Self.actual)
        #expect(text.contains("fordi saken behandles i møte i bydelsutvalget 10. desember 2026."))
        #expect(
            text.contains("Bydelsutvalget behandlet saken i møte 10. desember 2026, sak 1/26, og vedtok denne uttalelsen."))
        #expect(!text.contains("3. desember") && !text.contains(StatementText.draftMark))
        // Decided as planned, the text keeps its meeting.
        #expect(StatementText.finalised(Self.draft, route: Self.planned).contains("3. desember 2026, sak 45/26"))
        #expect(StatementText.lateReason(.delegated(signatory: nil)) == nil)
    }
}
