import SkjenkCore
import Testing

/// The case page's task list as a pure function of the statement's stage.
@Suite struct CaseTasksTests {
    static func states(_ stage: StatementStage, stale: Bool = false) -> [CaseTask.State] {
        CaseTasks.list(stage: stage, draftStale: stale, council: false, uncertainties: 0).map(\.state)
    }

    @Test func eachStageHasItsNextStep() {
        #expect(Self.states(.none) == [.next, .waiting, .waiting, .waiting, .waiting])
        #expect(Self.states(.draft) == [.done, .done, .next, .waiting, .waiting])
        #expect(Self.states(.returned) == [.done, .returned, .waiting, .waiting, .waiting])
        #expect(Self.states(.submitted) == [.done, .done, .done, .next, .waiting])
        #expect(Self.states(.approved) == [.done, .done, .done, .done, .next])
        #expect(Self.states(.sent) == [.done, .done, .done, .done, .done])
    }

    @Test func aStaleDraftSendsTheListBackToTheDraft() {
        let tasks = CaseTasks.list(stage: .draft, draftStale: true, council: false, uncertainties: 0)
        #expect(tasks.map(\.state) == [.done, .next, .waiting, .waiting, .waiting])
        #expect(tasks[1].note == "Saken eller vurderingen er endret etter utkastet; lag nytt utkast eller rediger det.")
        // Only the next step says what it needs.
        #expect(tasks.filter { !$0.note.isEmpty }.count == 1)
        let council = CaseTasks.list(stage: .submitted, draftStale: false, council: true, uncertainties: 2)
        #expect(council[3].note == "Utkastet venter på vedtak i det politiske organet.")
        #expect(
            CaseTasks.list(stage: .none, draftStale: false, council: false, uncertainties: 2)[0].note
                == "Les vurderingen og sjekk de 2 forbeholdene før du lager utkast.")
    }
}
