import Foundation
import SkjenkImport
import SkjenkTestSupport

// `swift run -c release skjenk-bench import [COUNT]`, `… assess [HEARINGS]` or `… compose [STATEMENTS]`, `… refuse [ROUNDS]`: see each benchmark.
var arguments = Array(CommandLine.arguments.dropFirst())
/// `--db URL`: the PostgreSQL database for `engines`.
var database: String?
if let index = arguments.firstIndex(of: "--db"), index + 1 < arguments.count {
    database = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
}
switch arguments.first {
case "engines":
    guard let database else {
        print("usage: skjenk-bench engines --db postgres://… [COUNT]")
        exit(2)
    }
    try await EngineBenchmark.run(database: database, count: arguments.dropFirst().first.flatMap(Int.init) ?? 10_000)
case "import", nil:
    try await ImportBenchmark.run(count: arguments.dropFirst().first.flatMap(Int.init) ?? 10_000)
case "assess":
    try await AssessmentBenchmark.run(hearingCount: arguments.dropFirst().first.flatMap(Int.init) ?? 10_000)
case "hearings":
    // `skjenk-bench hearings COUNT FILE`: writes COUNT generated hearings as one XML file (for load tests).
    guard arguments.count == 3, let count = Int(arguments[1]) else {
        print("usage: skjenk-bench hearings COUNT FILE")
        exit(2)
    }
    try HearingXMLWriter.document((1...count).map { Fixtures.hearing($0) }).write(
        to: URL(fileURLWithPath: arguments[2]))
case "refuse":
    try await RefusalBenchmark.run(rounds: arguments.dropFirst().first.flatMap(Int.init) ?? 50)
case "compose":
    try ComposeBenchmark.run(count: arguments.dropFirst().first.flatMap(Int.init) ?? 1_000)
default:
    print(
        "usage: skjenk-bench [import [COUNT] | assess [HEARINGS] | compose [STATEMENTS] | refuse [ROUNDS] "
            + "| engines --db URL [COUNT]]")
    exit(2)
}
