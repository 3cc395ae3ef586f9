import Foundation
import SkjenkCore

/// Complaints per month as a stacked SVG bar chart: one bar per month, one colour per category,
/// with a legend, axis and a text alternative, ready for a statement or a web page. Counts only.
public struct ComplaintChart: Sendable {
    public let statistics: ComplaintStatistics
    public let title: String
    public var width: Double = 720
    public var height: Double = 360

    public init(statistics: ComplaintStatistics, title: String) {
        self.statistics = statistics
        self.title = title
    }

    /// Colours per category, distinguishable for most colour-blind readers (Okabe–Ito and Tol's muted).
    static let colours: [ComplaintCategory: String] = [
        .noise: "#0072B2", .disorder: "#D55E00", .litter: "#009E73", .minors: "#CC79A7", .overserving: "#E69F00",
        .hours: "#56B4E9", .drugs: "#882255", .discrimination: "#F0E442", .smoking: "#999933", .traffic: "#44AA99",
        .other: "#888888",
    ]

    public func svg() -> String {
        let categories = statistics.categories
        let months = statistics.months
        let left = 44.0
        let right = 12.0
        let top = 40.0
        let legendRows = Double((categories.count + 3) / 4)
        let bottom = 44.0 + max(1, legendRows) * 18
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let stackMax = months.map { month in categories.reduce(0) { $0 + (month.byCategory[$1] ?? 0) } }.max() ?? 0
        let step = Self.tickStep(for: stackMax)
        let axisMax = max(step, Int((Double(stackMax) / Double(step)).rounded(.up)) * step)
        let scale = plotHeight / Double(axisMax)
        let band = plotWidth / Double(max(1, months.count))
        let barWidth = band * 0.7
        // A month label ("sep. 2026") is at most nine characters of about 5.6 units at font size 11:
        // label every month whose band is wide enough, else every second or third.
        let labelEvery = max(1, Int((Self.axisLabelWidth / band).rounded(.up)))

        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" \
            viewBox="0 0 \(n(width)) \(n(height))" role="img" aria-labelledby="chart-title chart-desc" \
            font-family="Arial, Helvetica, sans-serif" font-size="12">
            <title id="chart-title">\(Self.escape(title))</title>
            <desc id="chart-desc">\(Self.escape(description()))</desc>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(n(left))" y="22" font-size="15" font-weight="bold" fill="#222222">\(Self.escape(title))</text>

            """
        // Grid lines and the count axis.
        var tick = 0
        while tick <= axisMax {
            let y = top + plotHeight - Double(tick) * scale
            out += """
                <line x1="\(n(left))" y1="\(n(y))" x2="\(n(width - right))" y2="\(n(y))" stroke="#dddddd"/>
                <text x="\(n(left - 6))" y="\(n(y + 4))" text-anchor="end" fill="#444444">\(tick)</text>

                """
            tick += step
        }
        for (index, month) in months.enumerated() {
            let x = left + Double(index) * band + (band - barWidth) / 2
            var y = top + plotHeight
            for category in categories {
                guard let count = month.byCategory[category], count > 0 else { continue }
                let h = Double(count) * scale
                y -= h
                out += """
                    <rect x="\(n(x))" y="\(n(y))" width="\(n(barWidth))" height="\(n(h))" \
                    fill="\(Self.colours[category] ?? "#888888")"><title>\(Self.escape(
                        "\(month.month.label): \(category.label) \(count)"))</title></rect>

                    """
            }
            if index % labelEvery == 0 {
                out += """
                    <text x="\(n(x + barWidth / 2))" y="\(n(top + plotHeight + 16))" text-anchor="middle" \
                    font-size="11" fill="#444444">\(Self.escape(NorwegianFormat.shortMonth(month.month)))</text>

                    """
            }
        }
        out += """
            <line x1="\(n(left))" y1="\(n(top + plotHeight))" x2="\(n(width - right))" y2="\(n(top + plotHeight))" \
            stroke="#444444"/>

            """
        // Legend, four to a row.
        let legendTop = top + plotHeight + 32
        let column = plotWidth / 4
        for (index, category) in categories.enumerated() {
            let x = left + Double(index % 4) * column
            let y = legendTop + Double(index / 4) * 18
            out += """
                <rect x="\(n(x))" y="\(n(y))" width="12" height="12" fill="\(Self.colours[category] ?? "#888888")"/>
                <text x="\(n(x + 18))" y="\(n(y + 10))" fill="#222222">\(Self.escape(category.label))</text>

                """
        }
        if categories.isEmpty {
            out += """
                <text x="\(n(left + plotWidth / 2))" y="\(n(top + plotHeight / 2))" text-anchor="middle" \
                fill="#444444">Ingen klager i perioden</text>

                """
        }
        return out + "</svg>\n"
    }

    /// The text alternative: period, total and the count per category.
    func description() -> String {
        guard let first = statistics.months.first, let last = statistics.months.last else { return title }
        var text = "\(statistics.total) klager fra \(first.month.label) til \(last.month.label)"
        let totals = statistics.categories.map { category in
            (category, statistics.months.reduce(0) { $0 + ($1.byCategory[category] ?? 0) })
        }
        if !totals.isEmpty {
            text += ": " + totals.map { "\($0.0.label) \($0.1)" }.joined(separator: ", ")
        }
        return text + "."
    }

    /// The room a month label on the axis needs, with a little space between labels.
    static let axisLabelWidth = 9 * 5.6 + 4

    /// 1, 2 or 5 times a power of ten, giving about five ticks.
    public static func tickStep(for maximum: Int) -> Int {
        guard maximum > 5 else { return 1 }
        let raw = Double(maximum) / 5
        let magnitude = pow(10, floor(log10(raw)))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= raw { return Int(factor * magnitude) }
        return Int(10 * magnitude)
    }

    /// A coordinate with at most one decimal and a full stop, as SVG wants it.
    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String { HTMLRenderer.escape(text) }
}
