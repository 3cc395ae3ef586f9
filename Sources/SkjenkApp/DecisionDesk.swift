import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkStore

/// A decision of Næringsetaten refused before anything is stored, in Norwegian.
public struct DecisionRefused: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
}

/// Recording Næringsetaten's final decisions, by hand (the web, the command line) or from its list
/// as CSV, the same way: each checked against its case, all or nothing.
public enum DecisionDesk {
    /// Records one decision on `number`; refused with the reason when the case does not exist or the
    /// decision does not hold (`AgencyDecision.problem`).
    public static func record(
        _ number: CaseNumber, outcome: AgencyDecision.Outcome, date: LocalDate, conditions: [String],
        store: any AppStore, actor: Actor, today: LocalDate
    ) async throws -> AgencyDecision {
        guard let stored = try await store.storedCase(number) else {
            throw DecisionRefused(description: "fant ingen sak \(number.text)")
        }
        if let problem = AgencyDecision.problem(
            outcome: outcome, date: date, conditions: conditions, sent: stored.hearing.sent, today: today)
        {
            throw DecisionRefused(description: problem)
        }
        let decision = AgencyDecision(
            caseNumber: number, outcome: outcome, date: date, conditions: conditions, recordedAt: Date(),
            recordedBy: actor.name)
        try await store.recordAgencyDecisions([decision], actor: actor)
        return decision
    }

    /// Records every row of `file`, or none: the file's own problems and each row's against its
    /// case (unknown case, a date before the hearing or ahead of `today`, conditions that do not
    /// fit the decision), by line.
    public static func importFile(
        _ file: AgencyDecisionFile, store: any AppStore, actor: Actor, today: LocalDate
    ) async throws -> (recorded: Int, errors: [Diagnostic]) {
        guard file.isAccepted else { return (0, file.errors) }
        var errors: [Diagnostic] = []
        var decisions: [AgencyDecision] = []
        let now = Date()
        for row in file.rows {
            let location = SourceLocation(file: file.fileName, line: row.line, column: 1)
            guard let stored = try await store.storedCase(row.caseNumber) else {
                errors.append(Diagnostic(at: location, caseNumber: row.caseNumber.text, message: "fant ingen slik sak"))
                continue
            }
            if let problem = AgencyDecision.problem(
                outcome: row.outcome, date: row.date, conditions: row.conditions, sent: stored.hearing.sent,
                today: today)
            {
                errors.append(Diagnostic(at: location, caseNumber: row.caseNumber.text, message: problem))
                continue
            }
            decisions.append(
                AgencyDecision(
                    caseNumber: row.caseNumber, outcome: row.outcome, date: row.date, conditions: row.conditions,
                    recordedAt: now, recordedBy: actor.name))
        }
        guard errors.isEmpty else { return (0, errors) }
        try await store.recordAgencyDecisions(decisions, actor: actor)
        return (decisions.count, [])
    }
}
