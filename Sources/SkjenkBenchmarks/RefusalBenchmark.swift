import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SkjenkTestSupport
import SkjenkWeb

/// `skjenk-bench refuse [ROUNDS]`: sends ROUNDS (default 50) unauthenticated 1.3 MB multipart bodies
/// to `/logg-inn` of a live server (`buildApplication`, as `skjenk serve` runs it, over a real
/// socket) and prints the median and slowest time to the 413 answer (issue 15, finding 1: the body
/// is refused before it is parsed). Target: under 100 ms.
enum RefusalBenchmark {
    static func run(rounds: Int) async throws {
        var configuration = WebConfiguration(policyPath: Fixtures.sample("policy.yaml").path)
        configuration.port = 0
        let services = try WebServices(store: try Fixtures.store(), configuration: configuration)
        let body = "--x\r\nContent-Disposition: form-data; name=\"navn\"\r\n\r\n"
            + String(repeating: "a", count: 1_300_000) + "\r\n--x--\r\n"
        var logger = Logger(label: "skjenk-bench")
        logger.logLevel = .warning
        let times = try await buildApplication(services: services, logger: logger).test(.live) { client in
            var times: [Double] = []
            for _ in 0..<max(1, rounds) {
                let start = ContinuousClock.now
                let answer = try await client.execute(
                    uri: "/logg-inn", method: .post, headers: [.contentType: "multipart/form-data; boundary=x"],
                    body: ByteBuffer(string: body))
                let elapsed = ContinuousClock.now - start
                guard answer.status == .contentTooLarge else {
                    throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "expected 413, got \(answer.status)"])
                }
                times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1_000)
            }
            return times.sorted()
        }
        let median = times[times.count / 2]
        print(
            String(
                format: "refuse: %d unauthenticated 1.3 MB bodies to /logg-inn answered 413; median %.1f ms, slowest %.1f ms",
                times.count, median, times.last ?? 0))
        if median >= 100 {
            print("refuse: the median is over the target of 100 ms")
            exit(1)
        }
    }
}
