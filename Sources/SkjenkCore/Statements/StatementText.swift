import Foundation

/// Sentences of a statement that change when it is approved: the draft mark, and for a council
/// route the meeting sentence ("Saken legges fram for …" before, "… behandlet saken …" after). The
/// composer writes the draft sentences; `finalised` turns a stored text into the approved letter.
public enum StatementText {
    /// The mark every format carries until the statement is approved.
    public static let draftMark = "**UTKAST – ikke vedtatt**"

    /// The closing section's sentence before approval.
    public static func routeBeforeApproval(_ route: DecisionRoute) -> String {
        switch route {
        case .delegated: "Uttalelsen gis av bydelsdirektøren etter delegert myndighet."
        case .council(let body, let date, let item) where item.isEmpty:
            // Planned for the meeting, not yet on its agenda (the item number comes with it).
            "Saken legges fram for \(body) i møte \(NorwegianFormat.longDate(date))."
        case .council(let body, let date, let item):
            "Saken legges fram for \(body) i møte \(NorwegianFormat.longDate(date)), sak \(item)."
        }
    }

    /// The closing section's sentence once the statement is approved.
    public static func routeAfterApproval(_ route: DecisionRoute) -> String {
        switch route {
        case .delegated: "Uttalelsen er gitt av bydelsdirektøren etter delegert myndighet."
        case .council(let body, let date, let item):
            "\(NorwegianFormat.capitalized(body)) behandlet saken i møte \(NorwegianFormat.longDate(date)), sak "
                + "\(item), og vedtok denne uttalelsen."
        }
    }

    /// Why a council's statement comes after the deadline (its meeting), as the late-answer
    /// apology ends: ", fordi saken behandles i møte i bydelsutvalget 3. desember 2026".
    public static func lateReason(_ route: DecisionRoute) -> String? {
        guard case .council(let body, let date, _) = route else { return nil }
        return ", fordi saken behandles i møte i \(body) \(NorwegianFormat.longDate(date))"
    }

    /// `markdown` as the approved letter: without the draft mark, and with the route sentence
    /// after approval in place of the one before. Text an officer rewrote is left as written.
    /// `decided`: the decision as recorded (the meeting and item that decided it), when it differs
    /// from the route the draft was written for.
    public static func finalised(_ markdown: String, route: DecisionRoute, decided: DecisionRoute? = nil) -> String {
        var lines = markdown.components(separatedBy: "\n")
        if let mark = lines.firstIndex(of: draftMark) {
            lines.remove(at: mark)
            // The blank line that followed the mark.
            if mark < lines.count, lines[mark].isEmpty { lines.remove(at: mark) }
        }
        return rescheduled(lines.joined(separator: "\n"), from: route, to: decided ?? route).replacingOccurrences(
            of: routeBeforeApproval(route), with: routeAfterApproval(decided ?? route))
    }

    /// `markdown` with the route sentence before approval for `route` replaced by the one for
    /// `planned` (a statement put on another meeting, or under another item, than it was written for).
    /// The late-answer apology follows the meeting too.
    public static func rerouted(_ markdown: String, from route: DecisionRoute, to planned: DecisionRoute) -> String {
        rescheduled(markdown, from: route, to: planned).replacingOccurrences(
            of: routeBeforeApproval(route), with: routeBeforeApproval(planned))
    }

    /// `markdown` with the late-answer reason naming `route`'s meeting changed to `planned`'s.
    static func rescheduled(_ markdown: String, from route: DecisionRoute, to planned: DecisionRoute) -> String {
        guard let old = lateReason(route), let new = lateReason(planned), old != new else { return markdown }
        return markdown.replacingOccurrences(of: old, with: new)
    }
}
