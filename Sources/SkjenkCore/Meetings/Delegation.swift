import Foundation

/// A day of the year ("20. juni"), for periods that come back every year.
public struct DayOfYear: Sendable, Hashable, Comparable {
    public let month: Int
    public let day: Int

    /// "06-20" (MM-DD), or nil when it is no day of a year (29 February counts).
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month),
            (1...[31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]).contains(day)
        else { return nil }
        self.month = month
        self.day = day
    }

    public init(_ date: LocalDate) {
        month = date.month
        day = date.day
    }

    public static func < (a: Self, b: Self) -> Bool { (a.month, a.day) < (b.month, b.day) }

    /// "20. juni".
    public var label: String {
        let months = [
            "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
            "desember",
        ]
        return "\(day). \(months[month - 1])"
    }
}

/// What the council has delegated to the district director (policy `delegasjon`): kinds of
/// application, statements without remarks, and a summer period in which the director decides all.
/// Everything else goes to `body`.
public struct Delegation: Sendable, Hashable {
    /// The body that decides what is not delegated ("bydelsutvalget", or a committee).
    public var body: String
    public var applicationTypes: Set<ApplicationType>
    /// Statements with the outcome «ingen merknader».
    public var withoutRemarks: Bool
    /// The summer mandate: from and to (inclusive), every year; may run over the new year.
    public var summer: (from: DayOfYear, to: DayOfYear)?
    /// The council's delegation decision, as the district cites it ("BU-sak 12/24").
    public var decision: String?

    public init(
        body: String, applicationTypes: Set<ApplicationType>, withoutRemarks: Bool,
        summer: (from: DayOfYear, to: DayOfYear)? = nil, decision: String? = nil
    ) {
        self.body = body
        self.applicationTypes = applicationTypes
        self.withoutRemarks = withoutRemarks
        self.summer = summer
        self.decision = decision
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.body == b.body && a.applicationTypes == b.applicationTypes && a.withoutRemarks == b.withoutRemarks
            && a.summer?.from == b.summer?.from && a.summer?.to == b.summer?.to && a.decision == b.decision
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(body)
        hasher.combine(applicationTypes)
        hasher.combine(withoutRemarks)
        hasher.combine(summer?.from)
        hasher.combine(summer?.to)
        hasher.combine(decision)
    }

    /// Whether `day` lies in the summer mandate.
    public func isSummer(_ day: LocalDate) -> Bool {
        guard let summer else { return false }
        let today = DayOfYear(day)
        return summer.from <= summer.to
            ? (summer.from...summer.to).contains(today) : today >= summer.from || today <= summer.to
    }

    /// Who decides a statement on an application of `kind` with `outcome`, drafted on `day`, and why.
    public func route(for kind: ApplicationType, outcome: StatementOutcome, on day: LocalDate) -> RouteSuggestion {
        let source = decision.map { " (\($0))" } ?? ""
        if applicationTypes.contains(kind) {
            return .director(reason: "\(NorwegianFormat.capitalized(kind.label)) er delegert til bydelsdirektøren\(source).")
        }
        if withoutRemarks && outcome == .noRemarks {
            return .director(reason: "Uttalelser uten merknader er delegert til bydelsdirektøren\(source).")
        }
        if let summer, isSummer(day) {
            return .director(
                reason: "Sommerfullmakten (\(summer.from.label)–\(summer.to.label)) gir bydelsdirektøren myndighet\(source).")
        }
        return .council(
            body: body,
            reason: "\(NorwegianFormat.capitalized(kind.label)) med konklusjonen «\(outcome.label)» er ikke delegert; "
                + "saken avgjøres av \(body).")
    }
}

/// Who the delegation says decides a statement, and why, in a sentence for the officer.
public enum RouteSuggestion: Sendable, Hashable {
    case director(reason: String)
    case council(body: String, reason: String)

    public var reason: String {
        switch self {
        case .director(let reason), .council(_, let reason): reason
        }
    }
}

/// A hearing's deadline against the meeting calendar: a case the council must decide whose
/// deadline comes before the body's next meeting needs a later deadline from Næringsetaten.
public enum DeadlineCheck {
    public enum Finding: Sendable, Hashable {
        /// The next meeting is after the deadline.
        case meetingAfterDeadline(deadline: LocalDate, meeting: LocalDate, body: String)
        /// No meeting of the body is planned on or before the deadline.
        case noMeetingPlanned(deadline: LocalDate, body: String)

        public var message: String {
            switch self {
            case .meetingAfterDeadline(let deadline, let meeting, let body):
                "Fristen \(NorwegianFormat.longDate(deadline)) er før neste møte i \(body) "
                    + "(\(NorwegianFormat.longDate(meeting))); be Næringsetaten om utsatt frist."
            case .noMeetingPlanned(let deadline, let body):
                "Ingen møter i \(body) er lagt inn før fristen \(NorwegianFormat.longDate(deadline)); "
                    + "legg inn møtet eller be Næringsetaten om utsatt frist."
            }
        }

        /// The later deadline to ask for: a week after the meeting (when there is one).
        public var requestedDeadline: LocalDate? {
            if case .meetingAfterDeadline(_, let meeting, _) = self { return meeting.adding(days: 7) }
            return nil
        }
    }

    /// The finding for a case routed to `body` with `deadline`, given the body's meetings from
    /// `today` on (their dates); nil when a meeting falls on or before the deadline.
    public static func check(deadline: LocalDate, body: String, meetings: [LocalDate], today: LocalDate) -> Finding? {
        let coming = meetings.filter { $0 >= today }.sorted()
        if let first = coming.first, first <= deadline { return nil }
        if let first = coming.first { return .meetingAfterDeadline(deadline: deadline, meeting: first, body: body) }
        return .noMeetingPlanned(deadline: deadline, body: body)
    }
}
