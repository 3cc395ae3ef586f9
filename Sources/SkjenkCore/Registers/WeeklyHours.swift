import Foundation

/// Åpningstid: when a site is open in an ordinary week, as one or more spans of days and clock
/// times. Registers write it as text (`man-fre 07:00-17:00; loer 10:00-14:00`); the value is
/// stored and exchanged as its canonical `text`.
public struct WeeklyHours: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The same clock times on a set of days. `to <= from` runs past midnight into the next day;
    /// `from == to` is the whole day.
    public struct Span: Sendable, Hashable, Codable {
        public let days: Set<Weekday>
        public let from: TimeOfDay
        public let to: TimeOfDay

        public init(days: Set<Weekday>, from: TimeOfDay, to: TimeOfDay) {
            self.days = days
            self.from = from
            self.to = to
        }

        /// Open all 24 hours of each of its days.
        public var isWholeDay: Bool { from == to }
    }

    /// Why a text is not an opening time; `message` is Norwegian and names the part at fault.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String

        public init(_ message: String) {
            self.message = message
        }

        public var description: String { message }
    }

    public let spans: [Span]

    public init(spans: [Span]) {
        self.spans = spans
    }

    /// Parses `man-fre 07:00-17:00`, `man-fre 08:00-16:00; loer 10:00-14:00`, `alle 00:00-00:00`
    /// or `hele døgnet` (every day, the whole day), and `stengt` (never open). Days are `alle`,
    /// `hverdager`, `helg`, a range (`man-fre`, `fre-man` wraps the week), a list (`man,ons,fre`) of
    /// days or ranges, or one day, by code (`loer`), with Norwegian letters (`lør`) or in full; times are
    /// `07:00` or `07.00`, with `24:00` for midnight at the end. Case and spaces around the
    /// separators do not matter.
    public init(parsing text: String) throws(Problem) {
        let whole = Self.normalise(text)
        guard !whole.isEmpty else { throw Problem("åpningstiden er tom") }
        if whole == "stengt" {
            self.init(spans: [])
            return
        }
        var spans: [Span] = []
        for part in whole.split(separator: ";", omittingEmptySubsequences: false) {
            let part = part.trimmingCharacters(in: .whitespaces)
            guard !part.isEmpty else { throw Problem("tom del i åpningstiden «\(text)»") }
            spans.append(try Self.span(part))
        }
        self.init(spans: spans)
    }

    /// The canonical text (`man-fre 07:00-17:00; loer 10:00-14:00`, `stengt` without spans):
    /// what is stored, and it parses back to an equal value.
    public var text: String {
        guard !spans.isEmpty else { return "stengt" }
        return spans.map { span in
            "\(Self.dayCodes(span.days)) \(span.from.description)-\(span.to.description)"
        }.joined(separator: "; ")
    }

    /// Whether the site is open at any minute of `[from, to)` on `day` (minutes after midnight,
    /// `0...1440`, `to > from`). A span that runs past midnight counts on the next day for its
    /// part after midnight.
    public func isOpen(on day: Weekday, from: Int, to: Int) -> Bool {
        guard from < to else { return false }
        return spans.contains { span in
            if span.isWholeDay { return span.days.contains(day) }
            if span.from < span.to {
                return span.days.contains(day) && span.from.minutes < to && from < span.to.minutes
            }
            // Past midnight: [from, 24:00) on its days, [00:00, to) on the day after each.
            return (span.days.contains(day) && span.from.minutes < to)
                || (span.days.contains(day.previous) && from < span.to.minutes)
        }
    }

    /// Bokmål for a statement: `hverdager kl. 07.00–17.00`, `hele døgnet`,
    /// `mandag, onsdag og fredag kl. 08.00–16.00; lørdag kl. 10.00–14.00`, `stengt`.
    public var description: String {
        guard !spans.isEmpty else { return "stengt" }
        return spans.map { span in
            let days = Self.dayWords(span.days)
            if span.isWholeDay { return span.days.count == 7 ? "hele døgnet" : "\(days) hele døgnet" }
            let times = "kl. \(NorwegianFormat.clock(span.from))–\(NorwegianFormat.clock(span.to))"
            return span.days.count == 7 ? "alle dager \(times)" : "\(days) \(times)"
        }.joined(separator: "; ")
    }
}

extension WeeklyHours {
    // Stored and exchanged as the canonical text: short, readable and the same every time.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Ugyldig åpningstid: «\(text)» (\(error))"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension WeeklyHours {
    /// Lower-cased, with en and em dashes as hyphens and runs of spaces as one.
    private static func normalise(_ text: String) -> String {
        text.lowercased()
            .replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "—", with: "-")
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" })
            .joined(separator: " ")
    }

    /// One `DAYS TIMES` part.
    private static func span(_ part: String) throws(Problem) -> Span {
        if part == "hele døgnet" { return Span(days: Set(Weekday.allCases), from: .midnight, to: .midnight) }
        // Spaces are allowed around `-` and `,`: close them up, then days and times are two words.
        let compact = part.replacingOccurrences(of: " - ", with: "-").replacingOccurrences(of: " -", with: "-")
            .replacingOccurrences(of: "- ", with: "-").replacingOccurrences(of: " , ", with: ",")
            .replacingOccurrences(of: ", ", with: ",").replacingOccurrences(of: " ,", with: ",")
        guard let space = compact.firstIndex(of: " ") else {
            throw Problem("«\(part)» mangler dager eller klokkeslett; skriv for eksempel «man-fre 07:00-17:00»")
        }
        let days = try self.days(String(compact[..<space]))
        let times = compact[compact.index(after: space)...].trimmingCharacters(in: .whitespaces)
        if times == "hele døgnet" { return Span(days: days, from: .midnight, to: .midnight) }
        let ends = times.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2 else {
            throw Problem("«\(times)» er ikke et tidsrom; skriv for eksempel «07:00-17:00»")
        }
        return try Span(days: days, from: time(String(ends[0]), end: false), to: time(String(ends[1]), end: true))
    }

    /// `alle`, `hverdager`, `helg`, a list of days and ranges, a range, or one day.
    private static func days(_ text: String) throws(Problem) -> Set<Weekday> {
        switch text {
        case "alle", "daglig": return Set(Weekday.allCases)
        case "hverdager": return [.monday, .tuesday, .wednesday, .thursday, .friday]
        case "helg", "helger": return [.saturday, .sunday]
        default: break
        }
        var days: Set<Weekday> = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count <= 2 else { throw Problem("«\(item)» er ikke en dag eller et dagsintervall") }
            let first = try day(String(ends[0]))
            let last = try ends.count == 2 ? day(String(ends[1])) : first
            // A range may wrap the week (`fre-man`).
            var current = first
            days.insert(current)
            while current != last {
                current = current.next
                days.insert(current)
            }
        }
        return days
    }

    private static let dayNames: [String: Weekday] = {
        var names: [String: Weekday] = [:]
        for day in Weekday.allCases {
            names[day.code] = day
            names[day.label] = day
        }
        for (name, day) in [("lør", Weekday.saturday), ("søn", .sunday), ("lor", .saturday), ("son", .sunday)] {
            names[name] = day
        }
        return names
    }()

    private static func day(_ text: String) throws(Problem) -> Weekday {
        guard let day = dayNames[text] else {
            throw Problem(
                "«\(text)» er ikke en dag; bruk \(Weekday.allCases.map(\.code).joined(separator: ", ")) eller alle")
        }
        return day
    }

    /// `07:00` or `07.00`; `24:00` only as an end, for midnight.
    private static func time(_ text: String, end: Bool) throws(Problem) -> TimeOfDay {
        var clock = text.replacingOccurrences(of: ".", with: ":")
        if clock.count == 4 { clock = "0" + clock }  // 7:00
        if end, clock == "24:00" { return .midnight }
        do {
            return try TimeOfDay(clock)
        } catch {
            throw Problem("«\(text)» er ikke et klokkeslett; skriv TT:MM, for eksempel 07:00")
        }
    }

    /// The days as codes: `alle`, or runs in week order, each `man-fre` or `loer`, joined by `,`.
    private static func dayCodes(_ days: Set<Weekday>) -> String {
        if days.count == 7 { return "alle" }
        return runs(days).map { run in
            run.count == 1 ? run[0].code : "\(run[0].code)-\(run[run.count - 1].code)"
        }.joined(separator: ",")
    }

    /// The days in words: `hverdager`, `mandag–onsdag og fredag`, `lørdag og søndag`.
    private static func dayWords(_ days: Set<Weekday>) -> String {
        if days == [.monday, .tuesday, .wednesday, .thursday, .friday] { return "hverdager" }
        return NorwegianFormat.list(
            runs(days).flatMap { run -> [String] in
                run.count >= 3 ? ["\(run[0].label)–\(run[run.count - 1].label)"] : run.map(\.label)
            })
    }

    /// Consecutive days in week order, Monday first (a run does not wrap past Sunday).
    private static func runs(_ days: Set<Weekday>) -> [[Weekday]] {
        var runs: [[Weekday]] = []
        for day in days.sorted() {
            if let last = runs.last?.last, last.rawValue + 1 == day.rawValue {
                runs[runs.count - 1].append(day)
            } else {
                runs.append([day])
            }
        }
        return runs
    }
}

extension Weekday {
    /// The day after, Sunday followed by Monday.
    public var next: Weekday { Weekday(rawValue: rawValue % 7 + 1)! }
    /// The day before, Monday preceded by Sunday.
    public var previous: Weekday { Weekday(rawValue: (rawValue + 5) % 7 + 1)! }
}
