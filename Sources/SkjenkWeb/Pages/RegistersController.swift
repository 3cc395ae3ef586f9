import Foundation
import Hummingbird
import SkjenkCore
import SkjenkImport
import SkjenkStore

/// Uploading registers (administrators): sites, licensed venues, addresses and penalty points,
/// read with the same readers and rules as `skjenk sites import` and its kin.
struct RegisterUpload {
    let services: WebServices

    /// Reads and stores the uploaded file; returns the message and the problems to show.
    func store(kind: String, file: FormFields.File, actor: Actor) async throws -> (message: String?, problems: [String])
    {
        let name = file.fileName.isEmpty ? "opplastet" : file.fileName
        func finish<Entry>(
            _ result: RegisterFile<Entry>, _ what: String,
            _ replace: ([Entry]) async throws -> RegisterSummary
        ) async throws -> (String?, [String]) {
            let problems = (result.errors + result.skipped).map(\.description)
            guard result.isAccepted, !result.entries.isEmpty else {
                return (nil, problems.isEmpty ? ["\(name): ingen brukbare rader; ingenting er endret"] : problems)
            }
            let summary = try await replace(result.entries)
            return (
                "\(name): \(summary.added) \(what) lagt inn (\(summary.removed) fra forrige import erstattet); "
                    + "\(result.skipped.count) rader hoppet over.", problems
            )
        }
        let store = services.store
        switch kind {
        case "steder":
            return try await finish(SiteRegisterReader().read(data: file.data, fileName: name, source: name), "steder")
            {
                try await store.replaceSites($0, source: name, actor: actor)
            }
        case "skjenkesteder":
            return try await finish(
                VenueRegisterReader().read(data: file.data, fileName: name, source: name), "steder med bevilling"
            ) { try await store.replaceVenues($0, source: name, actor: actor) }
        case "adresser":
            return try await finish(AddressRegisterReader().read(data: file.data, fileName: name), "adresser") {
                try await store.replaceAddresses($0, source: name, actor: actor)
            }
        case "prikker":
            return try await finish(PenaltyPointsReader().read(data: file.data, fileName: name), "prikkvedtak") {
                try await store.replacePenaltyPoints($0, source: name, actor: actor)
            }
        default:
            throw HTTPError(.notFound)
        }
    }
}
