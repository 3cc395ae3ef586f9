import Foundation
import Hummingbird
import SkjenkCore
import SkjenkStore

/// For administrators: the registers with their counts and last update, and the audit trail.
struct AdminController {
    let services: WebServices

    struct Source: Encodable {
        let kind: String
        let source: String
        let entries: Int
        let importedAt: String
        let importedBy: String
    }

    struct RegistersContent: Encodable {
        let sources: [Source]
    }

    struct Event: Encodable {
        let at: String
        let actor: String
        let channel: String
        let action: String
        let entity: String
        let detail: String
    }

    struct AuditContent: Encodable {
        let events: [Event]
    }

    func register(_ router: Router<WebContext>) {
        router.get("/registre") { request, context -> Response in
            let session = try Access.require(Access.admins, request, context)
            let sources = try await services.store.registerSources().map {
                Source(
                    kind: $0.kind.label, source: $0.source, entries: $0.entries,
                    importedAt: CasesController.format($0.importedAt), importedBy: $0.importedBy)
            }
            return try services.pages.page(
                "registre", title: "Registre", content: RegistersContent(sources: sources), session: session,
                path: request.uri.path)
        }
        router.get("/revisjon") { request, context -> Response in
            let session = try Access.require(Access.admins, request, context)
            let events = try await services.store.auditTrail(for: nil, limit: 500).map {
                Event(
                    at: CasesController.format($0.at), actor: $0.actor, channel: $0.channel, action: $0.action,
                    entity: "\($0.entity) \($0.entityId ?? "")", detail: $0.detail)
            }
            return try services.pages.page(
                "revisjon", title: "Revisjonsspor", content: AuditContent(events: events), session: session,
                path: request.uri.path)
        }
    }
}
