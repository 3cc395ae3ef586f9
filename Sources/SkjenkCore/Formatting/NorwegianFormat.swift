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
