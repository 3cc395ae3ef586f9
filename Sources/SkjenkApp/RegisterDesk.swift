import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkStore

/// Uploading a register file, the same way from the command line and the registers page: read
/// strictly, stored only when the file as a whole is accepted and has usable rows, replacing what
/// came from the same source before in one transaction.
public enum RegisterDesk {
    /// What an upload did, or why it stored nothing.
    public struct Outcome: Sendable {
        public let kind: RegisterKind
        public let fileName: String
        public let source: String
        /// What was replaced; nil when nothing was stored.
        public let summary: RegisterSummary?
        /// Rows left out (the rest was stored) and problems with the file as a whole (nothing stored).
        public let skipped: [Diagnostic]
        public let errors: [Diagnostic]

        /// Why nothing was stored, in Norwegian; nil when the register was replaced.
        public var refusal: String? {
            guard summary == nil else { return nil }
            return errors.isEmpty
                ? "\(fileName): ingen brukbare rader; ingenting er endret" : "\(fileName): avvist, ingenting er endret"
        }

        /// What was stored, in Norwegian; nil when nothing was.
        public var receipt: String? {
            guard let summary else { return nil }
            let rows = skipped.count == 1 ? "rad" : "rader"
            return "\(fileName): \(summary.added) \(RegisterDesk.noun(kind)) lagt inn fra kilden «\(source)» "
                + "(\(summary.removed) fra forrige import erstattet); \(skipped.count) \(rows) hoppet over."
        }
    }

    /// What the entries of a register are called in a receipt.
    public static func noun(_ kind: RegisterKind) -> String {
        switch kind {
        // Venues are places too: the receipt names the source, which tells the two registers apart.
        case .sites, .venues: "steder"
        case .addresses: "adresser"
        case .points: "prikkvedtak"
        case .zones: "soneområder"
        case .roads: "veger"
        }
    }

    /// Reads the file at `url` (named `displayName` in messages) as `upload(_:data:…)` does, or
    /// refuses it when it cannot be read.
    public static func upload(
        _ kind: RegisterKind, contentsOf url: URL, displayName: String, source: String? = nil,
        defaultSRID: SRID? = nil, store: any AppStore, actor: Actor
    ) async throws -> Outcome {
        guard let data = try? Data(contentsOf: url) else {
            return Outcome(
                kind: kind, fileName: displayName, source: source ?? url.lastPathComponent, summary: nil, skipped: [],
                errors: [
                    Diagnostic(
                        at: SourceLocation(file: displayName, line: 0, column: 0),
                        message: "filen finnes ikke eller kan ikke leses")
                ])
        }
        return try await upload(
            kind, data: data, fileName: displayName, source: source ?? url.lastPathComponent,
            defaultSRID: defaultSRID, store: store, actor: actor)
    }

    /// Reads `data` as a register of `kind` and stores it under `source` (the file name when nil).
    /// `defaultSRID` reads east/north columns without an EPSG column (sites and venues).
    public static func upload(
        _ kind: RegisterKind, data: Data, fileName: String, source: String? = nil, defaultSRID: SRID? = nil,
        store: any AppStore, actor: Actor
    ) async throws -> Outcome {
        let source = source ?? (fileName as NSString).lastPathComponent
        func finish<Entry>(
            _ file: RegisterFile<Entry>, _ replace: ([Entry]) async throws -> RegisterSummary
        ) async throws -> Outcome {
            let stored = file.isAccepted && !file.entries.isEmpty ? try await replace(file.entries) : nil
            return Outcome(
                kind: kind, fileName: fileName, source: source, summary: stored, skipped: file.skipped,
                errors: file.errors)
        }
        switch kind {
        case .sites:
            return try await finish(
                SiteRegisterReader(defaultSRID: defaultSRID).read(data: data, fileName: fileName, source: source)
            ) { try await store.replaceSites($0, source: source, actor: actor) }
        case .venues:
            return try await finish(
                VenueRegisterReader(defaultSRID: defaultSRID).read(data: data, fileName: fileName, source: source)
            ) { try await store.replaceVenues($0, source: source, actor: actor) }
        case .addresses:
            return try await finish(AddressRegisterReader().read(data: data, fileName: fileName)) {
                try await store.replaceAddresses($0, source: source, actor: actor)
            }
        case .points:
            return try await finish(PenaltyPointsReader().read(data: data, fileName: fileName)) {
                try await store.replacePenaltyPoints($0, source: source, actor: actor)
            }
        case .zones:
            return try await finish(ZoneRegisterReader().read(data: data, fileName: fileName)) {
                try await store.replaceZones($0, source: source, actor: actor)
            }
        case .roads:
            return try await finish(RoadRegisterReader().read(data: data, fileName: fileName)) {
                try await store.replaceRoads($0, source: source, actor: actor)
            }
        }
    }
}
