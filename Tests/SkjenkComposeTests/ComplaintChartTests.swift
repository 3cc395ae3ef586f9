import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The SVG chart of complaints per month: well-formed, one bar segment per month and category,
/// a legend and a text alternative, and the same bytes as the golden file.
@Suite struct ComplaintChartTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/complaint-chart.svg")

    func statistics() -> ComplaintStatistics {
        let entries = [
            Fixtures.complaintEntry(received: "2026-01-12 09:00", incident: "2026-01-10", categories: [.noise]),
            Fixtures.complaintEntry(
                received: "2026-01-13 09:00", incident: "2026-01-10", categories: [.noise, .disorder]),
            Fixtures.complaintEntry(received: "2026-03-03 09:00", incident: "2026-02-28", categories: [.minors]),
            Fixtures.complaintEntry(received: "2026-06-03 09:00", incident: "2026-06-01", categories: [.noise]),
        ]
        return ComplaintStatistics(
            entries: entries, from: YearMonth(year: 2026, month: 1), to: YearMonth(year: 2026, month: 6))
    }

    @Test func theChartIsWellFormedWithASegmentPerMonthAndCategory() throws {
        let svg = ComplaintChart(statistics: statistics(), title: "Klager per måned, Pub Bislett & co <test>").svg()
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        // Background, 4 bar segments (Jan: noise + disorder; Mar: minors; Jun: noise), 3 legend keys.
        #expect(collector.counts["rect"] == 1 + 4 + 3)
        #expect(collector.titles.contains("januar 2026: støy 2"))
        #expect(collector.titles.contains("januar 2026: uro/vold 1"))
        #expect(collector.titles.contains("Klager per måned, Pub Bislett & co <test>"))
        #expect(
            svg.contains(
                "<desc id=\"chart-desc\">4 klager fra januar 2026 til juni 2026: støy 3, uro/vold 1, mindreårige 1.</desc>"
            ))
        #expect(svg.contains("&amp; co &lt;test&gt;"))
        for label in ["jan. 2026", "feb. 2026", "mars 2026", "juni 2026", "støy", "uro/vold", "mindreårige"] {
            #expect(collector.texts.contains(label), "\(label)")
        }
    }

    @Test func theChartMatchesTheGoldenFile() throws {
        let svg = ComplaintChart(statistics: statistics(), title: "Klager per måned, Pub Bislett").svg()
        if ProcessInfo.processInfo.environment["SKJENK_RECORD_GOLDEN"] == "1" {
            try Data(svg.utf8).write(to: Self.golden)
        }
        let golden = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(svg == golden, "run with SKJENK_RECORD_GOLDEN=1 to record a deliberate change")
    }

    @Test func anEmptyPeriodSaysSo() {
        let empty = ComplaintStatistics(
            entries: [], from: YearMonth(year: 2026, month: 1), to: YearMonth(year: 2026, month: 3))
        let svg = ComplaintChart(statistics: empty, title: "Klager").svg()
        #expect(svg.contains("Ingen klager i perioden"))
        #expect(svg.contains("0 klager fra januar 2026 til mars 2026."))
    }

    @Test func twoYearsLabelEverySecondMonthSoTheLabelsDoNotOverlap() throws {
        let stats = ComplaintStatistics(
            entries: [], from: YearMonth(year: 2025, month: 1), to: YearMonth(year: 2026, month: 12))
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(ComplaintChart(statistics: stats, title: "Klager").svg().utf8))
        parser.delegate = collector
        #expect(parser.parse())
        #expect(collector.texts.contains("jan. 2025"))
        #expect(collector.texts.contains("mars 2025"))
        #expect(collector.texts.contains("nov. 2026"))
        #expect(!collector.texts.contains("feb. 2025"))
        #expect(!collector.texts.contains("des. 2026"))
    }

    @Test(arguments: [(0, 1), (5, 1), (6, 2), (12, 5), (40, 10), (230, 50)])
    func ticksAreRound(maximum: Int, step: Int) {
        #expect(ComplaintChart.tickStep(for: maximum) == step)
    }
}

/// Counts elements and collects the text of `title` and `text` elements.
final class ElementCollector: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var titles: [String] = []
    var texts: [String] = []
    private var current = ""
    private var stack: [String] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        counts[elementName, default: 0] += 1
        stack.append(elementName)
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "title" { titles.append(current) }
        if elementName == "text" { texts.append(current) }
        stack.removeLast()
        current = ""
    }
}
