import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkStore

/// Importing hearing files, the same way from `skjenk import` and the desk's upload: read strictly
/// against the format, and stored in one transaction only when the file has no errors.
public struct HearingDesk: Sendable {
    let reader: HearingXMLReader

    /// What importing one file did, or why it stored nothing.
    public struct Outcome: Sendable {
        public let fileName: String
        /// Errors and warnings, by position in the file.
        public let diagnostics: [Diagnostic]
        /// What was stored; nil when the file was refused.
        public let summary: HearingStoreSummary?

        public var receipt: String? {
            summary.map {
                "\(fileName): \($0.created.count) nye, \($0.updated.count) oppdatert, \($0.unchanged.count) uendret"
            }
        }

        public var refusal: String? {
            summary == nil
                ? "\(fileName): avvist, ingenting er lagret (\(diagnostics.count { $0.severity == .error }) feil)" : nil
        }
    }

    /// Loads the hearing format's schema (bundled with SkjenkImport).
    public init() throws {
        reader = try HearingXMLReader()
    }

    /// Reads `data` (named `fileName` in messages and stored as the versions' source) and stores its
    /// hearings when it is accepted. `store` is opened only for an accepted file, so rejected input
    /// does not even create a database. `strict: false` makes unknown elements warnings. With a
    /// `district` (the uploader's), a file holding another district's hearing is refused whole.
    public func importFile(
        _ data: Data, fileName: String, strict: Bool = true, district: String? = nil,
        store: () async throws -> any AppStore, actor: Actor, progress: StoreProgress? = nil
    ) async throws -> Outcome {
        let file = reader.read(data: data, fileName: fileName, strict: strict)
        if let district {
            let foreign = file.hearings.filter { $0.hearing.district != district }.map { imported in
                Diagnostic(
                    at: SourceLocation(file: file.fileName, line: imported.line, column: 1),
                    caseNumber: imported.hearing.caseNumber.text,
                    message: "høringen gjelder bydel \(imported.hearing.district); du kan bare laste opp høringer "
                        + "til bydel \(district)")
            }
            if !foreign.isEmpty {
                return Outcome(fileName: file.fileName, diagnostics: file.diagnostics + foreign, summary: nil)
            }
        }
        return try await keep(file, in: store, actor: actor, progress: progress)
    }

    /// As `importFile(_:fileName:…)`, for a file on disk (refused when it cannot be read).
    public func importFile(
        at url: URL, displayName: String, strict: Bool = true, store: () async throws -> any AppStore, actor: Actor,
        progress: StoreProgress? = nil
    ) async throws -> Outcome {
        try await keep(
            reader.read(contentsOf: url, displayName: displayName, strict: strict), in: store, actor: actor,
            progress: progress)
    }

    private func keep(
        _ file: HearingFile, in store: () async throws -> any AppStore, actor: Actor, progress: StoreProgress?
    ) async throws -> Outcome {
        guard file.isAccepted else { return Outcome(fileName: file.fileName, diagnostics: file.diagnostics, summary: nil) }
        let summary = try await store().storeHearings(
            file.hearings.map(\.hearing), source: (file.fileName as NSString).lastPathComponent, actor: actor,
            progress: progress)
        return Outcome(fileName: file.fileName, diagnostics: file.diagnostics, summary: summary)
    }
}
