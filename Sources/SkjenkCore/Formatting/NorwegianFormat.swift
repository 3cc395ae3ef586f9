import Foundation

/// Norwegian (bokmål) formatting of dates, times and periods, as people in the districts write them.
public enum NorwegianFormat {
    private static let months = [
        "januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
        "september", "oktober", "november", "desember",
    ]

    /// "2. november 2026".
    public static func longDate(_ date: LocalDate) -> String {
        "\(date.day). \(months[date.month - 1]) \(date.year)"
    }

    /// "02.11.2026".
    public static func date(_ date: LocalDate) -> String {
        "\(LocalDate.twoDigits(date.day)).\(LocalDate.twoDigits(date.month)).\(date.year)"
    }

    /// "01.00": the clock written with a full stop.
    public static func clock(_ time: TimeOfDay) -> String {
        "\(LocalDate.twoDigits(time.hour)).\(LocalDate.twoDigits(time.minute))"
    }

    /// "kl. 01.00".
    public static func time(_ time: TimeOfDay) -> String { "kl. \(clock(time))" }

    /// "20.11.2026 kl. 14.30", in Oslo.
    public static func dateTime(_ instant: Date) -> String {
        "\(date(OsloTime.today(at: instant))) \(time(OsloTime.clock(at: instant)))"
    }

    /// "08.00–03.00, fredag og lørdag, gruppe 1 og 2".
    public static func period(_ period: ServingPeriod) -> String {
        let groups = period.groups.sorted().map { String($0.rawValue) }
        var text = "\(clock(period.from))–\(clock(period.to))"
        if !period.everyDay {
            text += ", " + list(period.days.sorted().map(\.label))
        }
        text += ", gruppe " + list(groups)
        return text
    }

    /// "a, b og c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " og " + items[items.count - 1]
        }
    }
}

extension NorwegianFormat {
    /// "1 234,5": a space between thousands and a decimal comma; no decimals for whole numbers.
    public static func decimal(_ value: Double, maximumFractionDigits: Int = 1) -> String {
        // Built by hand rather than with String(format:): assessments format many numbers.
        let negative = value < 0
        var scale = 1
        for _ in 0..<max(0, maximumFractionDigits) { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let whole = scaled / scale
        var fraction = ""
        if scale > 1 {
            let digits = String(scaled % scale)
            fraction = String(repeating: "0", count: maximumFractionDigits - digits.count) + digits
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        let digits = Array(String(whole))
        var grouped = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped += "\u{00A0}" }
            grouped.append(d)
        }
        return (negative && scaled > 0 ? "−" : "") + grouped + (fraction.isEmpty ? "" : "," + fraction)
    }
}

extension NorwegianFormat {
    /// Grammatical gender of a counted noun: "ett sted" (neuter), "én klage" (common).
    public enum Gender: Sendable {
        case common, neuter
    }

    /// A whole number in running text: up to twelve in words ("åtte"), larger in digits with
    /// thin grouping ("1 234"). One is "én" or "ett" by `gender`.
    public static func number(_ value: Int, gender: Gender = .common) -> String {
        let words = ["null", "", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"]
        if value == 1 { return gender == .neuter ? "ett" : "én" }
        if (0...12).contains(value) { return words[value] }
        return decimal(Double(value), maximumFractionDigits: 0)
    }

    /// "ingen steder", "ett sted", "tre steder", "14 steder".
    public static func count(_ value: Int, _ singular: String, _ plural: String, gender: Gender = .neuter) -> String {
        if value == 0 { return "ingen \(plural)" }
        return "\(number(value, gender: gender)) \(value == 1 ? singular : plural)"
    }

    /// A span of minutes in words: "en halv time", "45 minutter", "én time", "halvannen time", "to timer og 15
    /// minutter".
    public static func duration(minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        if hours == 0 && rest == 30 { return "en halv time" }
        if hours == 1 && rest == 30 { return "halvannen time" }
        // «to og en halv time», as Norwegian says it, never «to timer og 30 minutter».
        if hours > 1 && rest == 30 { return "\(number(hours)) og en halv time" }
        let hourText = hours == 1 ? "én time" : "\(number(hours)) timer"
        switch (hours, rest) {
        case (0, _): return "\(number(rest)) \(rest == 1 ? "minutt" : "minutter")"
        case (_, 0): return hourText
        default: return "\(hourText) og \(number(rest)) minutter"
        }
    }

    /// Weekdays in words, Monday first: "fredag og lørdag"; every day as "alle dager", Monday to
    /// Friday as "hverdager (mandag–fredag)".
    public static func days(_ days: Set<Weekday>) -> String {
        if days.count == Weekday.allCases.count { return "alle dager" }
        if days == Set([.monday, .tuesday, .wednesday, .thursday, .friday]) { return "mandag til fredag" }
        return list(days.sorted().map(\.label))
    }
}

extension NorwegianFormat {
    /// The text with its first letter in upper case, for a phrase that starts a sentence.
    public static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "24. desember".
    public static func dayMonth(_ date: LocalDate) -> String {
        "\(date.day). \(months[date.month - 1])"
    }

    /// The months as Språkrådet abbreviates them: a full stop only where letters were left out,
    /// so "mai", "juni" and "juli" (and the short "mars") are written whole.
    private static let shortMonths = [
        "jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des.",
    ]

    /// "jan. 2026", "mai 2026": a month where space is short (chart axes, narrow tables).
    public static func shortMonth(_ month: YearMonth) -> String {
        "\(shortMonths[month.month - 1]) \(month.year)"
    }

    /// "januar 2026".
    public static func month(_ month: YearMonth) -> String {
        "\(months[month.month - 1]) \(month.year)"
    }
}
