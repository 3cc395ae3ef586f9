import Foundation
import SkjenkCore
import SkjenkTestSupport

/// `skjenk-bench assess [HEARINGS]`: assesses HEARINGS hearings (default 10 000) against 20 000
/// sites and 5 000 licensed venues spread over Oslo's extent, timing the whole assessment and its
/// spatial stage alone, and runs `Benchmarks/spatial_reference.py` (shapely's STRtree) on the same
/// queries in the same run, checking that every nearest distance agrees within 1 m.
/// `$SKJENK_PYTHON` names the Python with shapely and pyproj (default `python3`).
enum AssessmentBenchmark {
    /// A fixed pseudo-random sequence: the same data every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static func run(hearingCount: Int) async throws {
        var random = Generator(state: 2026)
        func point() -> GeoPoint {
            GeoPoint(
                latitude: Double.random(in: 59.81...60.01, using: &random),
                longitude: Double.random(in: 10.60...10.95, using: &random))
        }
        let categories = SiteCategory.allCases
        let sites = (0..<20_000).map { i -> Site in
            let p = point()
            return Site(
                category: categories[i % categories.count], name: "Sted \(i)",
                position: try! .wgs84(latitude: p.latitude, longitude: p.longitude), source: "bench")
        }
        let venues = (0..<5_000).map { i -> LicensedVenue in
            let p = point()
            return LicensedVenue(
                name: "Skjenkested \(i)", position: try! .wgs84(latitude: p.latitude, longitude: p.longitude),
                source: "bench")
        }
        let hearings = (1...hearingCount).map { i -> Hearing in
            var hearing = Fixtures.hearing(i)
            // Every applicant its own holder, as in a real city.
            hearing.applicant.organisationNumber = Fixtures.organisationNumber(i)
            // Half give no zone, so the zone register is searched.
            if i % 2 == 0 { hearing.zone = nil }
            let p = point()
            hearing.venue.position = try! .wgs84(latitude: p.latitude, longitude: p.longitude)
            return hearing
        }
        // 2,000 complaints (some by holder, some by address, the rest by position only), 1,000 penalty-point
        // decisions and a grid of 100 zone areas, so every factor has work to do.
        let categories2 = ComplaintCategory.allCases
        let complaints = (0..<2_000).map { i -> Complaint in
            let hearing = hearings[(i * 7) % hearings.count]
            return Complaint(
                id: Int64(i + 1), incidentDate: try! LocalDate(year: 2025 + i % 2, month: 1 + i % 12, day: 1 + i % 28),
                categories: [categories2[i % categories2.count]],
                organisationNumber: i % 3 == 0 ? hearing.applicant.organisationNumber : nil,
                street: i % 3 == 1 ? hearing.venue.address.street : nil, position: point(),
                unfounded: i % 10 == 0, episodeId: i % 5 == 4 ? Int64(i) : nil)
        }
        let points = (0..<1_000).map { i in
            PenaltyPoints(
                date: try! LocalDate(year: 2025, month: 1 + i % 12, day: 1 + i % 28),
                organisationNumber: hearings[(i * 13) % hearings.count].applicant.organisationNumber,
                venueName: "Sted", points: 1 + i % 4, reason: "Brudd")
        }
        let zones = (0..<100).map { i -> ZoneArea in
            let lat = 59.81 + Double(i / 10) * 0.02
            let lon = 10.60 + Double(i % 10) * 0.035
            return ZoneArea(
                zone: Zone.allCases[i % 4],
                rings: [
                    [
                        GeoPoint(latitude: lat, longitude: lon), GeoPoint(latitude: lat, longitude: lon + 0.035),
                        GeoPoint(latitude: lat + 0.02, longitude: lon + 0.035),
                        GeoPoint(latitude: lat + 0.02, longitude: lon),
                    ]
                ])
        }
        let policy = try Fixtures.policy()
        let today = FixedClock().today

        func time<T>(_ work: () -> T) -> (T, Double) {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = work()
            return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }

        // Best of three rounds for each measure.
        var buildTimes: [Double] = []
        var spatialTimes: [Double] = []
        var wholeTimes: [Double] = []
        var evidence: [SpatialEvidence] = []
        var nearest: [Double] = []
        for _ in 0..<3 {
            let (context, build) = time {
                AssessmentContext(
                    policy: policy, sites: sites, venues: venues, penaltyPoints: points, complaints: complaints,
                    zones: zones, today: today)
            }
            let points = hearings.map { $0.venue.position!.geographic }
            let (spatial, spatialTime) = time { SpatialEvidence.gatherAll(at: points, context: context) }
            let (assessments, whole) = time { Assessor.assessAll(hearings, context: context) }
            precondition(assessments.count == hearings.count)
            buildTimes.append(build)
            spatialTimes.append(spatialTime)
            wholeTimes.append(whole)
            evidence = spatial
            nearest = spatial.map { $0.nearestSite!.distanceMeters }
        }
        let best = { (values: [Double]) in values.min() ?? .nan }
        print(
            "skjenk assessment benchmark: \(hearingCount) hearings, \(sites.count) sites, \(venues.count) venues, "
                + "\(complaints.count) complaints, \(points.count) penalty-point decisions, \(zones.count) zone areas (best of 3)"
        )
        print(String(format: "  index build (all registers):      %8.1f ms", best(buildTimes)))
        print(
            String(
                format: "  spatial stage (nearest site, sites within %.0f m, venues within %.0f m): %8.1f ms",
                policy.largestSiteRadius, policy.densityRadius, best(spatialTimes)))
        print(String(format: "  whole assessment (all factors):   %8.1f ms", best(wholeTimes)))
        let withinCounts = evidence.map { $0.nearbySites?.count ?? 0 }
        let venueCounts = evidence.map { $0.venueCount ?? 0 }

        // The same queries with shapely's STRtree, on the same data.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-assess-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("points.json")
        let payload: [String: Any] = [
            "sites": sites.map { [$0.position.x, $0.position.y] },
            "venues": venues.map { [$0.position.x, $0.position.y] },
            "hearings": hearings.map { [$0.venue.position!.x, $0.venue.position!.y] },
            "siteRadius": policy.largestSiteRadius, "venueRadius": policy.densityRadius,
        ]
        try JSONSerialization.data(withJSONObject: payload).write(to: input)
        let output = folder.appendingPathComponent("reference.json")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Benchmarks/spatial_reference.py")
        let python = ProcessInfo.processInfo.environment["SKJENK_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script.path, input.path, output.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: output),
            let reference = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let shapelyMs = reference["queryMs"] as? Double, let referenceNearest = reference["nearest"] as? [Double],
            let referenceWithin = reference["sitesWithin"] as? [Int],
            let referenceVenues = reference["venuesWithin"] as? [Int]
        else {
            print(
                "  shapely reference: not run (needs Python with shapely and pyproj: pip install shapely pyproj; "
                    + "set SKJENK_PYTHON)")
            exit(1)
        }
        let worst = zip(nearest, referenceNearest).map { abs($0 - $1) }.max() ?? 0
        let countDifferences =
            zip(withinCounts, referenceWithin).filter { $0 != $1 }.count
            + zip(venueCounts, referenceVenues).filter { $0 != $1 }.count
        print(
            String(
                format: "  shapely STRtree, same queries:    %8.1f ms (Python %@)", shapelyMs,
                (reference["version"] as? String) ?? "?"))
        print(String(format: "  spatial stage / shapely:          %8.2f (target ≤ 1)", best(spatialTimes) / shapelyMs))
        print(
            String(
                format: "  largest nearest-distance difference: %.3f m over %d hearings (target < 1 m)", worst,
                nearest.count))
        print(
            "  radius counts that differ (boundary cases, projection vs ellipsoid): \(countDifferences) of \(2 * nearest.count)"
        )
        let ok = best(wholeTimes) < 1_000 && best(spatialTimes) <= shapelyMs && worst < 1
        print(ok ? "OK" : "BELOW TARGET")
        if !ok { exit(1) }
    }
}
