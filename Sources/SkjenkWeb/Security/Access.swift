import Foundation
import Hummingbird
import SkjenkCore
import SkjenkStore

/// Thrown when a page needs a signed-in user and there is none: answered with the sign-in page.
struct SignInRequired: Error {
    let path: String
}

/// Who may use what. Every route calls one of these first.
enum Access {
    static let staff: Set<Role> = [.caseworker, .complaintOfficer]
    static let reviewers: Set<Role> = [.caseworker, .complaintOfficer, .councilMember, .manager]
    static let admins: Set<Role> = [.admin]

    /// Whether the signed-in user may reach a hearing of `district`: a user tied to a district
    /// reaches that district's hearings only (a user without one, in a deployment for one district,
    /// reaches all).
    static func reaches(_ district: String, _ session: WebSession) -> Bool {
        session.user.district.map { $0 == district } ?? true
    }

    /// Whether the signed-in user reaches a record kept per district — a complaint in `district`'s log,
    /// a meeting of `district` (nil: of no district): a user tied to a district reaches that district's only.
    static func reaches(recordOf district: String?, _ session: WebSession) -> Bool {
        session.user.district.map { $0 == district } ?? true
    }

    /// The council's secretary records what a meeting decided.
    static let secretaries: Set<Role> = [.councilMember]

    /// The session of a user with one of `roles`; otherwise sign-in (no session) or 403.
    static func require(_ roles: Set<Role>, _ request: Request, _ context: WebContext) throws -> WebSession {
        guard let session = context.session else {
            if request.uri.path.hasPrefix("/api/") {
                throw HTTPError(.unauthorized, message: "Logg inn først.")
            }
            throw SignInRequired(path: request.uri.path)
        }
        guard roles.contains(session.user.role) else {
            throw HTTPError(
                .forbidden, message: "Du har ikke tilgang til denne siden med rollen \(session.user.role.label).")
        }
        return session
    }
}
