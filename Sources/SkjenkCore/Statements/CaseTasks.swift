import Foundation

/// The case page's task list (issue 19, item 2): the steps from the assessment to a statement
/// sent to Næringsetaten, each done, the next one, sent back, or waiting for an earlier step.
public struct CaseTask: Sendable, Hashable {
    public enum Step: String, Sendable, CaseIterable {
        case assess, draft, submit, decide, send

        public var label: String {
            switch self {
            case .assess: "Gå gjennom vurderingen"
            case .draft: "Skriv utkast til uttalelse"
            case .submit: "Send til behandling"
            case .decide: "Vedtak"
            case .send: "Send til Næringsetaten"
            }
        }
    }

    public enum State: String, Sendable {
        case done, next, returned, waiting

        public var label: String {
            switch self {
            case .done: "fullført"
            case .next: "neste steg"
            case .returned: "sendt tilbake"
            case .waiting: "venter"
            }
        }
    }

    public let step: Step
    public let state: State
    /// What the step needs, in a sentence, for the next or returned step; empty otherwise.
    public let note: String

    public init(step: Step, state: State, note: String = "") {
        self.step = step
        self.state = state
        self.note = note
    }
}

public enum CaseTasks {
    /// The steps for a statement at `stage`; `draftStale`: the case or its assessment changed
    /// after the latest draft; `council`: the latest draft goes to a political body, not the
    /// director; `uncertainties`: the assessment's stated uncertainties.
    public static func list(stage: StatementStage, draftStale: Bool, council: Bool, uncertainties: Int)
        -> [CaseTask]
    {
        // The steps before `reached` are done; `reached` is the next one.
        let reached: Int
        switch stage {
        case .none: reached = 0
        case .draft: reached = draftStale ? 1 : 2
        case .returned: reached = 1
        case .submitted: reached = 3
        case .approved: reached = 4
        case .sent: reached = 5
        }
        return CaseTask.Step.allCases.enumerated().map { index, step in
            if index < reached { return CaseTask(step: step, state: .done) }
            guard index == reached else { return CaseTask(step: step, state: .waiting) }
            if stage == .returned {
                return CaseTask(
                    step: step, state: .returned, note: "Rett utkastet etter kommentaren og send det til behandling igjen.")
            }
            return CaseTask(step: step, state: .next, note: note(step, council: council, uncertainties: uncertainties))
        }
    }

    static func note(_ step: CaseTask.Step, council: Bool, uncertainties: Int) -> String {
        switch step {
        case .assess:
            uncertainties == 0
                ? "Les vurderingen og lag et utkast når den stemmer."
                : "Les vurderingen og sjekk \(uncertainties == 1 ? "forbeholdet" : "de \(uncertainties) forbeholdene") før du lager utkast."
        // Reached as the next step only when the draft is stale (a draft otherwise is done).
        case .draft: "Saken eller vurderingen er endret etter utkastet; lag nytt utkast eller rediger det."
        case .submit: "Les utkastet, rediger om nødvendig, og send det til behandling."
        case .decide:
            council
                ? "Utkastet venter på vedtak i det politiske organet." : "Utkastet venter på bydelsdirektørens vedtak."
        case .send: "Send den vedtatte uttalelsen til Næringsetaten og merk den som sendt."
        }
    }
}
