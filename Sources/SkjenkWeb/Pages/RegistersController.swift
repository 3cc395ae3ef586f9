import Foundation
import Hummingbird
import SkjenkApp
import SkjenkCore
import SkjenkImport
import SkjenkStore

/// Uploading registers (administrators): sites, licensed venues, addresses, penalty points, zones and roads,
/// read with the same readers and rules as `skjenk sites import` and its kin.
struct RegisterUpload {
    let services: WebServices

    /// The registers by the code in the page's address.
    static let kinds: [String: RegisterKind] = [
        "steder": .sites, "skjenkesteder": .venues, "adresser": .addresses, "prikker": .points, "soner": .zones,
        "veger": .roads,
    ]

    func store(kind code: String, file: FormFields.File, actor: Actor) async throws -> (message: String?, problems: [String])
    {
        guard let kind = Self.kinds[code] else { throw HTTPError(.notFound) }
        let outcome = try await RegisterDesk.upload(
            kind, data: file.data, fileName: file.fileName.isEmpty ? "opplastet" : file.fileName,
            store: services.store, actor: actor)
        let problems = (outcome.errors + outcome.skipped).map(\.description)
        return (outcome.receipt, problems + [outcome.refusal].compactMap { $0 })
    }
}
