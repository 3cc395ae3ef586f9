import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkImport
import SkjenkTestSupport
import Testing

@Suite struct PolicyFileTests {
    /// The server reads the policy once and again only when the district edits the file.
    @Test func anEditedPolicyFileIsReadAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-policy-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("policy.yaml").path
        let sample = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Samples/policy.yaml"), encoding: .utf8)
        try sample.write(toFile: path, atomically: true, encoding: .utf8)
        let file = PolicyFile(path: path)

        let first = try file.current().get()
        #expect(try file.current().get() == first)

        // A broken edit is reported at the next use, and a repaired one applies again
        try (sample + "\nukjent_noekkel: [\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: PolicyErrors.self) { try file.current().get() }
        let changed = sample.replacingOccurrences(of: "  forste_svar_dager: 14", with: "  forste_svar_dager: 10")
        #expect(changed != sample)
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try file.current().get().policy(forDistrict: nil).firstResponseDays == 10)

        // A file that disappears is an error, not the last good policy
        try FileManager.default.removeItem(atPath: path)
        #expect(throws: PolicyErrors.self) { try file.current().get() }
    }
}
