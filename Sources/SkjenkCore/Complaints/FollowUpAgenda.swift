import Foundation

/// The morning list: open complaints whose next step is due, per officer, soonest first.
public struct FollowUpAgenda: Sendable {
    /// One complaint on the list.
    public struct Item: Sendable, Hashable {
        public let entry: ComplaintLogEntry
        /// Days past the due date: positive when overdue, 0 when due today, negative when ahead.
        public let daysOverdue: Int
    }

    /// One officer's list.
    public struct OfficerList: Sendable, Hashable {
        public let officer: String
        public let items: [Item]
    }

    public let today: LocalDate
    /// Officers in alphabetical order, each with their items by due date.
    public let officers: [OfficerList]

    /// The complaints in `entries` due by `today` plus `withinDays` (overdue ones included).
    public init(entries: [ComplaintLogEntry], today: LocalDate, withinDays: Int = 0) {
        self.today = today
        let horizon = today.adding(days: withinDays)
        let items = entries.compactMap { entry -> Item? in
            guard entry.status.isOpen, let due = entry.nextDue, due <= horizon else { return nil }
            return Item(entry: entry, daysOverdue: due.days(until: today))
        }
        officers = Dictionary(grouping: items, by: \.entry.officer)
            .map { officer, items in
                OfficerList(
                    officer: officer,
                    items: items.sorted {
                        ($0.entry.nextDue!, $0.entry.id ?? 0) < ($1.entry.nextDue!, $1.entry.id ?? 0)
                    })
            }
            .sorted { $0.officer.compare($1.officer, locale: Locale(identifier: "nb_NO")) == .orderedAscending }
    }

    public var isEmpty: Bool { officers.isEmpty }

    /// "forfalt for 3 dager siden", "forfaller i dag", "forfaller i morgen", "forfaller om 4 dager".
    public static func dueLabel(daysOverdue: Int) -> String {
        switch daysOverdue {
        case 1: "forfalt i går"
        case 2...: "forfalt for \(daysOverdue) dager siden"
        case 0: "forfaller i dag"
        case -1: "forfaller i morgen"
        default: "forfaller om \(-daysOverdue) dager"
        }
    }
}
