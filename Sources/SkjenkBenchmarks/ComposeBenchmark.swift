import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkTestSupport

/// `skjenk-bench compose [STATEMENTS]`: composes STATEMENTS statements (default 1 000) as HTML with
/// the map, from hearings spread over St. Hanshaugen with 2 000 sites and 800 licensed venues
/// around them, and prints statements per second (best of three rounds). Each statement is the
/// whole path: view, Markdown from the templates, blocks, HTML frame and the SVG map. Assessment
/// is not counted (`skjenk-bench assess` measures it). Target: 500 per second or more.
enum ComposeBenchmark {
    static func run(count: Int) throws {
        var random = AssessmentBenchmark.Generator(state: 1_234)
        func point() -> GeoPoint {
            GeoPoint(
                latitude: Double.random(in: 59.915...59.945, using: &random),
                longitude: Double.random(in: 10.71...10.77, using: &random))
        }
        func position(_ p: GeoPoint) -> Position { try! .wgs84(latitude: p.latitude, longitude: p.longitude) }
        let categories = SiteCategory.allCases
        let sites = (0..<2_000).map {
            Site(
                category: categories[$0 % categories.count], name: "Sted \($0)", position: position(point()),
                source: "bench")
        }
        let venues = (0..<800).map {
            LicensedVenue(name: "Skjenkested \($0)", position: position(point()), source: "bench")
        }
        let policy = try Fixtures.policy()
        let context = AssessmentContext(
            policy: policy, sites: sites, venues: venues, penaltyPoints: [], complaints: [], today: FixedClock().today)
        let kinds = ApplicationType.allCases
        let hearings = (0..<count).map { i -> Hearing in
            var hearing = Fixtures.statementHearing(kinds[i % kinds.count], i % 4 == 3 ? .retailSale : .serving)
            hearing.venue.position = position(point())
            return hearing
        }
        let assessments = Assessor.assessAll(hearings, context: context)
        let templates = try TemplateSet.bundledStatement()
        let renderer = StatementRenderer(templates: templates)
        let outcomes = StatementOutcome.allCases
        let date = FixedClock().today

        if ProcessInfo.processInfo.environment["SKJENK_BENCH_STAGES"] == "1" {
            var stage = [Double](repeating: 0, count: 7)
            func tick(_ i: Int, _ start: UInt64) {
                stage[i] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            }
            for (index, (hearing, assessment)) in zip(hearings, assessments).enumerated() {
                var t = DispatchTime.now().uptimeNanoseconds
                let gathered = StatementMap.gather(hearing: hearing, context: context)
                tick(0, t)
                t = DispatchTime.now().uptimeNanoseconds
                let map = gathered?.svg()
                tick(1, t)
                t = DispatchTime.now().uptimeNanoseconds
                let view = StatementComposer.view(
                    hearing: hearing, assessment: assessment, policy: policy,
                    options: StatementOptions(outcome: outcomes[index % outcomes.count], date: date), mapSVG: map)
                tick(2, t)
                t = DispatchTime.now().uptimeNanoseconds
                let markdown = try renderer.markdown(view)
                tick(3, t)
                t = DispatchTime.now().uptimeNanoseconds
                _ = try renderer.html(markdown: markdown, mapSVG: map)
                tick(4, t)
                t = DispatchTime.now().uptimeNanoseconds
                let document = StatementDocument(markdown: markdown)
                tick(5, t)
                t = DispatchTime.now().uptimeNanoseconds
                _ = HTMLRenderer.body(document)
                tick(6, t)
            }
            print(
                "stages ms: gather \(stage[0]) svg \(stage[1]) view \(stage[2]) markdown \(stage[3]) html \(stage[4]) parse \(stage[5]) body \(stage[6])"
            )
        }
        var times: [Double] = []
        var bytes = 0
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            bytes = 0
            for (index, (hearing, assessment)) in zip(hearings, assessments).enumerated() {
                let map = StatementMap.gather(hearing: hearing, context: context)?.svg()
                let view = StatementComposer.view(
                    hearing: hearing, assessment: assessment, policy: policy,
                    options: StatementOptions(outcome: outcomes[index % outcomes.count], date: date), mapSVG: map)
                let html = try renderer.html(markdown: try renderer.markdown(view), mapSVG: map)
                bytes += html.utf8.count
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let best = times.min() ?? .nan
        let rate = Double(count) / best
        print("compose: \(count) statements (HTML with map), \(sites.count) sites, \(venues.count) venues (best of 3)")
        print(String(format: "  time:                   %8.1f ms", best * 1000))
        print(String(format: "  statements per second:  %8.0f (target ≥ 500)", rate))
        print(String(format: "  average statement:      %8.1f KiB", Double(bytes) / Double(count) / 1024))
        print(rate >= 500 ? "OK" : "BELOW TARGET")
        if rate < 500 { exit(1) }
    }
}
