import Foundation
import Hummingbird
import HummingbirdBcrypt
import SkjenkApp
import SkjenkCore
import SkjenkImport
import SkjenkStore

/// The JSON API under `/api/v1`, for the district's other systems: sign in for a bearer token,
/// read cases and deadlines, read and post complaints. The same roles as the pages; a complaint's
/// complainant only for the roles that may read it.
struct APIController {
    let services: WebServices

    struct SignIn: Decodable {
        let navn: String
        let passord: String
    }

    struct Token: Encodable {
        let token: String
        let utloper: Date
        let rolle: String
    }

    struct CaseJSON: Encodable {
        let saksnummer: String
        let sted: String
        let adresse: String
        let soknad: String
        let frist: String
        let dagerIgjen: Int
        let status: String
    }

    struct ComplaintJSON: Encodable {
        let id: Int64
        let mottatt: Date
        let hendelse: String
        let sted: String
        let kategorier: [String]
        let status: String
        let ansvarlig: String
        let frist: String?
        let klager: ComplainantJSON?
    }

    struct ComplainantJSON: Encodable {
        let navn: String?
        let telefon: String?
        let epost: String?
        let adresse: String?
    }

    func register(_ router: Router<WebContext>) {
        let api = router.group("/api/v1")
        api.post("/sesjoner") { request, context -> Response in
            let buffer = try await request.body.collect(upTo: 64 * 1024)
            guard let body = try? JSONDecoder().decode(SignIn.self, from: Data(buffer.readableBytesView)) else {
                throw HTTPError(.badRequest, message: "Send JSON med «navn» og «passord».")
            }
            let address = services.clientAddress(request, context)
            let now = services.now()
            let user: WebUser
            switch try await services.signIn.check(
                name: body.navn, password: body.passord, address: address, store: services.store, now: now)
            {
            case .throttled: throw HTTPError(.tooManyRequests, message: "For mange mislykkede forsøk; vent et kvarter.")
            case .refused: throw HTTPError(.unauthorized, message: "Feil brukernavn eller passord.")
            case .signedIn(let found): user = found
            }
            let (token, expires) = try await Accounts.openSession(
                for: user, lifetime: services.configuration.sessionLifetime, store: services.store, now: now)
            return try APIResponse.json(
                Token(token: token, utloper: expires, rolle: user.role.code), status: .created)
        }
        api.get("/saker") { request, context -> Response in
            let session = try Access.require(Access.reviewers, request, context)
            let parameters = request.queryForm
            let all = parameters.get("alle") == "1"
            guard let page = Self.positive(parameters.get("side"), default: 1, max: 1_000_000),
                let size = Self.positive(parameters.get("antall"), default: 100, max: 1_000)
            else {
                throw HTTPError(.badRequest, message: "«side» og «antall» er positive heltall (antall høyst 1000).")
            }
            let today = services.today
            var list: CaseList
            if session.user.role == .councilMember || session.user.role == .manager {
                // The council sees only what has been sent to it for review (issue 15), with or without `alle`.
                let submitted = Set(
                    try await services.store.reviewQueue(.submitted, district: session.user.district).map(\.caseNumber.key))
                let everything = try await services.store.caseList(
                    CaseListQuery(
                        statuses: nil, text: parameters.get("sok") ?? "", offset: 0, limit: 1_000_000, today: today,
                        district: session.user.district))
                let theirs = everything.cases.filter { submitted.contains($0.caseNumber.key) }
                list = CaseList(
                    cases: Array(theirs.dropFirst((page - 1) * size).prefix(size)), total: theirs.count, overdue: 0)
            } else {
                list = try await services.store.caseList(
                    CaseListQuery(
                        statuses: all ? nil : [.open], text: parameters.get("sok") ?? "", offset: (page - 1) * size,
                        limit: size, today: today, district: session.user.district))
            }
            let cases = list.cases.map { summary in
                CaseJSON(
                    saksnummer: summary.caseNumber.text, sted: summary.venueName, adresse: summary.address.singleLine,
                    soknad: "\(summary.applicationType.code) \(summary.permitType.code)", frist: summary.deadline.iso,
                    dagerIgjen: DeadlineStatus(deadline: summary.deadline, today: today).daysLeft,
                    status: summary.status.rawValue)
            }
            var response = try APIResponse.json(cases)
            response.headers[.init("X-Total-Count")!] = String(list.total)
            if page * size < list.total {
                let query = FormFields.query([
                    ("side", String(page + 1)), ("antall", String(size)), ("alle", all ? "1" : nil),
                    ("sok", parameters.get("sok")),
                ])
                response.headers[.init("Link")!] = "</api/v1/saker?\(query)>; rel=\"next\""
            }
            return response
        }
        api.get("/klager") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let entries = try await services.store.complaintLog(ComplaintFilter(district: session.user.district))
            return try APIResponse.json(entries.map { Self.json($0, withComplainant: false) })
        }
        api.get("/klager/:id") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            guard let id = context.parameters.get("id").flatMap(Int64.init),
                let entry = try await services.store.complaint(
                    id: id, includingComplainant: session.user.role.mayReadComplainants),
                Access.reaches(recordOf: entry.district, session)
            else { throw HTTPError(.notFound, message: "Fant ingen slik klage.") }
            return try APIResponse.json(Self.json(entry, withComplainant: session.user.role.mayReadComplainants))
        }
        api.post("/klager") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let buffer = try await request.body.collect(upTo: 1024 * 1024)
            let file = ComplaintJSONReader().read(
                data: Data(buffer.readableBytesView), fileName: "forespørselen", now: services.now(),
                actor: session.user.name)
            guard file.isAccepted, file.entries.count == 1 else {
                throw HTTPError(
                    .badRequest,
                    message: file.errors.map(\.message).joined(separator: "; ").nonEmpty ?? "Send én klage som JSON.")
            }
            var entry = file.entries[0]
            entry.district = session.user.district
            do {
                let (id, _) = try await ComplaintDesk.receive(
                    entry,
                    intake: .standard(services.store, policy: try services.policy(forDistrict: session.user.district)),
                    store: services.store, replies: services.replies,
                    signature: services.replySignature(district: session.user.district, officer: session.user.profile),
                    actor: Actor(name: session.user.name, channel: "api"), now: services.now())
                let stored = try await services.store.complaint(id: id, includingComplainant: false)
                return try APIResponse.json(stored.map { Self.json($0, withComplainant: false) }, status: .created)
            } catch let error as ComplaintLogError {
                throw HTTPError(.badRequest, message: error.description)
            }
        }
    }

    /// A positive whole number from a query parameter, `default` when absent; nil when not one.
    static func positive(_ text: String?, default value: Int, max: Int) -> Int? {
        guard let text else { return value }
        guard let number = Int(text), number >= 1, number <= max else { return nil }
        return number
    }

    static func json(_ entry: ComplaintLogEntry, withComplainant: Bool) -> ComplaintJSON {
        ComplaintJSON(
            id: entry.id ?? 0, mottatt: entry.receivedAt, hendelse: entry.incident.start.iso, sted: entry.venue.label,
            kategorier: ComplaintCategory.allCases.filter(entry.categories.contains).map(\.code),
            status: entry.status.code, ansvarlig: entry.officer, frist: entry.nextDue?.iso,
            klager: withComplainant
                ? entry.complainant.map {
                    ComplainantJSON(navn: $0.name, telefon: $0.phone, epost: $0.email, adresse: $0.address)
                } : nil)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
