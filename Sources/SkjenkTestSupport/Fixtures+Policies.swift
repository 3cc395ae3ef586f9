import Foundation

/// Policy folders for the city-wide deployment: the sample policy once per district, with edits.
extension Fixtures {
    /// An edit to the sample policy's text that was not found (so a test never runs on an unedited copy).
    public struct MissingPolicyText: Error, CustomStringConvertible {
        public let text: String
        public var description: String { "not in Samples/policy.yaml: \(text)" }
    }

    /// Residential areas close at 03.30 inside instead of 01.00 (serving to 03.00 is then no refusal).
    public static let lateResidentialClosing = (
        "boligomraade:         { stengt_inne: \"01:00\"", "boligomraade:         { stengt_inne: \"03:30\""
    )

    /// A goal of its own for the location criterion (`maal.beliggenhet`), quoted by every location factor.
    public static func locationGoal(_ goal: String) -> (String, String) {
        (
            "  beliggenhet: \"Forebyggende arbeid rettet mot barn og unge: færre unge debuterer tidlig med alkohol.\"",
            "  beliggenhet: \"\(goal)\""
        )
    }

    /// The sample policy's text for `district` (`bydel.navn: Bydel DISTRICT`; nil leaves the section
    /// out), with each `(old, new)` edit made; every old text must be there.
    public static func samplePolicyText(district: String?, edits: [(String, String)] = []) throws -> String {
        var text = try String(contentsOf: sample("policy.yaml"), encoding: .utf8)
        let sampleName = "  navn: Bydel St. Hanshaugen\n"
        var all = edits
        if let district {
            all.append((sampleName, "  navn: Bydel \(district)\n"))
        } else {
            // Without `bydel` at all: the section from its key to the next blank line.
            guard let start = text.range(of: "\nbydel:\n"),
                let end = text.range(of: "\n\n", range: start.upperBound..<text.endIndex)
            else { throw MissingPolicyText(text: "bydel:") }
            text.replaceSubrange(start.lowerBound..<end.lowerBound, with: "")
        }
        for (old, new) in all {
            guard text.contains(old) else { throw MissingPolicyText(text: old) }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// A new, empty temporary folder.
    public static func temporaryFolder(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A new temporary folder holding `files` (name and text).
    public static func policyFolder(_ files: [String: String]) throws -> URL {
        let folder = try temporaryFolder("skjenk-policies")
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// A folder with St. Hanshaugen's policy (the sample) in `st-hanshaugen.yaml` and Sagene's in
    /// `sagene.yaml`: Sagene's residential areas close at 03.30 inside, and its location goal reads
    /// "Sagene: trygge skoleveier.".
    public static func twoDistrictPolicyFolder() throws -> URL {
        try policyFolder([
            "st-hanshaugen.yaml": try samplePolicyText(district: "St. Hanshaugen"),
            "sagene.yaml": try samplePolicyText(
                district: "Sagene", edits: [lateResidentialClosing, locationGoal(sageneGoal)]),
        ])
    }

    /// Sagene's location goal in `twoDistrictPolicyFolder()`.
    public static let sageneGoal = "Sagene: trygge skoleveier."
}
