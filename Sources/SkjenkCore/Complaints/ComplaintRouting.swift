import Foundation

/// A suggested first step for a complaint, with who acts and why (DOMAIN.md, "Complaints about
/// venues"). The officer may choose another.
public struct RoutingSuggestion: Sendable, Hashable {
    public let action: FollowUpAction
    /// Who acts on it: "politiet", "Næringsetaten", "miljørettet helsevern", "bydelen".
    public let recipient: String
    /// Why, in Norwegian, naming the categories that lead here.
    public let reason: String
}

/// Where a complaint belongs, by category and time: the police for disorder, drugs and music
/// after 23.00; Næringsetaten for breaches of the Alcohol Act (a tip for control); environmental
/// health for noise from the venue; the district itself for the rest.
public enum ComplaintRouting {
    /// From this time until 06.00, noise from a venue is also a matter for the police
    /// (politivedtekten: music outdoors after 23.00 near homes).
    public static let nightFrom = try! TimeOfDay(hour: 23, minute: 0)
    public static let nightUntil = try! TimeOfDay(hour: 6, minute: 0)

    /// The alcohol-act categories Næringsetaten controls (alkoholloven §§ 1-5, 8-11, 4-4, 1-7a).
    static let alcoholAct: [ComplaintCategory] = [.minors, .overserving, .hours, .discrimination]

    /// Suggestions, most urgent first, one per action. `time` is the incident's clock time, if known.
    public static func suggestions(for categories: Set<ComplaintCategory>, at time: TimeOfDay?) -> [RoutingSuggestion] {
        func labels(_ list: [ComplaintCategory]) -> String {
            NorwegianFormat.list(list.filter(categories.contains).map(\.label))
        }
        var result: [RoutingSuggestion] = []
        let atNight = time.map { $0 >= nightFrom || $0 < nightUntil } ?? false
        let police: [ComplaintCategory] = [.disorder, .drugs]
        if categories.contains(where: police.contains) || (atNight && categories.contains(.noise)) {
            var reasons: [String] = []
            if categories.contains(where: police.contains) { reasons.append("\(labels(police)) er politiets sak") }
            if atNight && categories.contains(.noise), let time {
                reasons.append("støy \(NorwegianFormat.time(time)) (etter kl. 23.00) går til politiet")
            }
            result.append(
                RoutingSuggestion(
                    action: .forwardedToPolice, recipient: "politiet", reason: NorwegianFormat.list(reasons)))
        }
        if categories.contains(where: alcoholAct.contains) {
            result.append(
                RoutingSuggestion(
                    action: .controlTip, recipient: "Næringsetaten",
                    reason: "\(labels(alcoholAct)) er brudd på alkoholloven: send tips om kontroll til Næringsetaten"))
        }
        if categories.contains(.noise) {
            result.append(
                RoutingSuggestion(
                    action: .environmentalHealth, recipient: "miljørettet helsevern",
                    reason: "støy fra stedet følges opp av miljørettet helsevern, som kan måle og pålegge retting"))
        }
        let district: [ComplaintCategory] = [.litter, .smoking, .traffic, .other]
        if result.isEmpty || categories.contains(where: district.contains) {
            let named = labels(district)
            result.append(
                RoutingSuggestion(
                    action: .contactedVenue, recipient: "bydelen",
                    reason: named.isEmpty
                        ? "bydelen tar kontakt med stedet" : "\(named): bydelen tar kontakt med stedet"))
        }
        return result
    }

    /// The first response's due date: `days` (the policy's `klager.forste_svar_dager`) after the
    /// day the complaint was received, in Oslo.
    public static func firstDue(receivedAt: Date, days: Int) -> LocalDate {
        OsloTime.today(at: receivedAt).adding(days: days)
    }
}
