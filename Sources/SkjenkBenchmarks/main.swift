import Foundation

// `swift run -c release skjenk-bench import [COUNT]`, `… assess [HEARINGS]` or `… compose [STATEMENTS]`: see each benchmark.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "import", nil:
    try await ImportBenchmark.run(count: arguments.dropFirst().first.flatMap(Int.init) ?? 10_000)
case "assess":
    try await AssessmentBenchmark.run(hearingCount: arguments.dropFirst().first.flatMap(Int.init) ?? 10_000)
case "compose":
    try ComposeBenchmark.run(count: arguments.dropFirst().first.flatMap(Int.init) ?? 1_000)
default:
    print("usage: skjenk-bench [import [COUNT] | assess [HEARINGS] | compose [STATEMENTS]]")
    exit(2)
}
