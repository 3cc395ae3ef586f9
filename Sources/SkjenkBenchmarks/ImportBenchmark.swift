import CLibXML2
import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkSQLite
import SkjenkStore
import SkjenkTestSupport

/// `skjenk-bench import [COUNT]`: generates COUNT hearings (default 10 000) as one file, imports it
/// into a fresh SQLite database, and compares the import rate with a plain libxml2 parse of the
/// same file measured in the same run. Exits 1 when the import runs at less than a third of the
/// raw parse rate (the target of issue 2).
enum ImportBenchmark {
    static func run(count: Int) async throws {
        let rounds = 5
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let hearings = (1...count).map { Fixtures.hearing($0) }
        let file = folder.appendingPathComponent("hoeringer.xml")
        let data = HearingXMLWriter.document(hearings)
        try data.write(to: file)

        func seconds(_ work: () throws -> Void) rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try work()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }

        /// The baseline: libxml2 parsing the file into a tree, nothing else.
        func rawParse() -> Double {
            seconds {
                guard let bytes = try? Data(contentsOf: file) else { fatalError("cannot read \(file.path)") }
                bytes.withUnsafeBytes { raw in
                    let doc = xmlReadMemory(
                        raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count),
                        file.path, nil, Int32(XML_PARSE_NONET.rawValue))
                    precondition(doc != nil, "libxml2 could not parse the generated file")
                    xmlFreeDoc(doc)
                }
            }
        }

        let reader = try HearingXMLReader()
        var readTimes: [Double] = []
        var storeTimes: [Double] = []
        var totalTimes: [Double] = []
        var parseTimes: [Double] = []
        for round in 0..<rounds {
            parseTimes.append(rawParse())
            let store = try SQLiteStore(path: folder.appendingPathComponent("round\(round).sqlite").path)
            var result: HearingFile?
            let read = seconds { result = reader.read(contentsOf: file) }
            guard let result, result.isAccepted, result.hearings.count == count else {
                print("the generated file was rejected:")
                result?.diagnostics.prefix(5).forEach { print("  \($0)") }
                exit(2)
            }
            let batch = result.hearings.map(\.hearing)
            let start = DispatchTime.now().uptimeNanoseconds
            let summary = try await store.storeHearings(
                batch, source: "hoeringer.xml",
                actor: Actor(name: "bench", channel: "bench"), progress: nil)
            let stored = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            precondition(summary.created.count == count, "not every hearing was stored")
            readTimes.append(read)
            storeTimes.append(stored)
            totalTimes.append(read + stored)
        }

        let best = { (times: [Double]) in times.min() ?? .nan }
        let parseRate = Double(count) / best(parseTimes)
        let importRate = Double(count) / best(totalTimes)
        let ratio = importRate / parseRate
        func ms(_ t: Double) -> String { String(format: "%.1f ms", t * 1000) }
        print("skjenk import benchmark: \(count) hearings, \(data.count / 1024) KiB, best of \(rounds) rounds")
        print("  raw libxml2 parse:        \(ms(best(parseTimes)))  \(Int(parseRate)) hearings/s")
        print("  read + validate + map:    \(ms(best(readTimes)))")
        print("  store (one transaction):  \(ms(best(storeTimes)))")
        print("  import total:             \(ms(best(totalTimes)))  \(Int(importRate)) hearings/s")
        print(String(format: "  import / raw parse ratio: %.2f (target ≥ 0.33)", ratio))
        if ratio < 1.0 / 3.0 {
            print("BELOW TARGET")
            exit(1)
        }
    }
}
