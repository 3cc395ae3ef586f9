import Foundation
import SkjenkCore

/// A horizontal SVG bar chart: one bar per row with its label on the left and its value at the
/// bar's end, a title and a text alternative, in `ComplaintChart`'s style; for the annual report,
/// where labels (a kind of application, a venue) are too long to stand under a bar.
public struct BarChart: Sendable {
    /// One bar: what it shows, its length, and the value as printed.
    public struct Bar: Sendable, Hashable {
        public let label: String
        public let value: Double
        public let text: String

        public init(label: String, value: Double, text: String) {
            self.label = label
            self.value = value
            self.text = text
        }

        /// A count, printed as digits.
        public init(label: String, count: Int) {
            self.init(label: label, value: Double(count), text: String(count))
        }
    }

    /// Unique on the page: the title's and description's element ids start with it.
    public let id: String
    public let title: String
    public let bars: [Bar]
    /// The axis' end (100 for a percentage); the longest bar's when nil.
    public var maximum: Double?
    public var width: Double = 640
    public var colour = "#0072B2"

    public init(id: String, title: String, bars: [Bar], maximum: Double? = nil) {
        self.id = id
        self.title = title
        self.bars = bars
        self.maximum = maximum
    }

    static let rowHeight = 26.0
    static let top = 40.0
    static let bottom = 16.0

    public var height: Double { Self.top + Double(max(1, bars.count)) * Self.rowHeight + Self.bottom }

    public func svg() -> String {
        let labelWidth = min(260, max(90, Double(bars.map(\.label.count).max() ?? 0) * 7 + 12))
        let valueWidth = 56.0
        let left = labelWidth
        let plotWidth = width - left - valueWidth
        let top = Self.top
        let largest = max(maximum ?? 0, bars.map(\.value).max() ?? 0)
        let scale = largest > 0 ? plotWidth / largest : 0
        let titleId = "\(id)-tittel"
        let descId = "\(id)-beskrivelse"
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" \
            viewBox="0 0 \(n(width)) \(n(height))" role="img" aria-labelledby="\(titleId) \(descId)" \
            font-family="Arial, Helvetica, sans-serif" font-size="12">
            <title id="\(titleId)">\(Self.escape(title))</title>
            <desc id="\(descId)">\(Self.escape(description()))</desc>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="8" y="22" font-size="15" font-weight="bold" fill="#222222">\(Self.escape(title))</text>

            """
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * Self.rowHeight
            let length = max(0, bar.value * scale)
            out += """
                <text x="\(n(left - 8))" y="\(n(y + 16))" text-anchor="end" fill="#222222">\(Self.escape(
                    Self.clip(bar.label, Int((labelWidth - 12) / 7))))</text>
                <rect x="\(n(left))" y="\(n(y + 4))" width="\(n(length))" height="\(n(Self.rowHeight - 8))" \
                fill="\(colour)"><title>\(Self.escape("\(bar.label): \(bar.text)"))</title></rect>
                <text x="\(n(left + length + 6))" y="\(n(y + 16))" fill="#222222">\(Self.escape(bar.text))</text>

                """
        }
        out += """
            <line x1="\(n(left))" y1="\(n(top))" x2="\(n(left))" y2="\(n(top + Double(max(1, bars.count)) * Self.rowHeight))" \
            stroke="#444444"/>

            """
        if bars.isEmpty {
            out += """
                <text x="\(n(left + 6))" y="\(n(top + 16))" fill="#444444">Ingen tall i perioden</text>

                """
        }
        return out + "</svg>\n"
    }

    /// The text alternative: every bar's label and value.
    func description() -> String {
        guard !bars.isEmpty else { return "\(title): ingen tall i perioden." }
        return "\(title): " + bars.map { "\($0.label) \($0.text)" }.joined(separator: ", ") + "."
    }

    static func clip(_ text: String, _ length: Int) -> String {
        text.count > length ? String(text.prefix(max(1, length - 1))) + "…" : text
    }

    /// A coordinate with at most one decimal and a full stop, as SVG wants it.
    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String { HTMLRenderer.escape(text) }
}
