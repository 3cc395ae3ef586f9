import Foundation
import Hummingbird
import Logging
import SkjenkApp
import SkjenkCore
import SkjenkImport
import SkjenkStore

/// Open311 GeoReport v2 under `/open311/v2/`: the service list (one service per complaint
/// category), service definitions, creating complaints and reading their status. Clients send an
/// `api_key` (issued with `skjenk apikeys add`); the complainant's `email`, `first_name`,
/// `last_name` and `phone` become restricted complainant details and no GET returns them.
struct Open311Controller {
    let services: WebServices

    /// The longest `description` the specification allows.
    static let descriptionLimit = 4_000
    /// The longest period a GET may ask for.
    static let maxDays = 90

    func register(_ router: Router<WebContext>) {
        let group = router.group("/open311/v2")
        for format in [Open311Format.json, .xml] {
            group.get("/services.\(format.rawValue)") { _, _ -> Response in
                format.response(.list(item: "service", ComplaintService.all.map(Self.service)), root: "services")
            }
            group.get("/requests.\(format.rawValue)") { request, context -> Response in
                try await answer(format, logger: context.logger) {
                    let key = try await reader(request, context: context)
                    return try await list(request, format: format, client: key)
                }
            }
            group.post("/requests.\(format.rawValue)") { request, context -> Response in
                try await answer(format, logger: context.logger) { try await create(request, context, format: format) }
            }
        }
        group.get("/services/:file") { _, context -> Response in
            guard let (code, format) = context.parameters.get("file").flatMap(Open311Format.split) else {
                throw HTTPError(.notFound)
            }
            guard let service = ComplaintService.named(code) else {
                return format.error(.notFound, "Ukjent service_code «\(code)».")
            }
            return format.response(Self.definition(service), root: "service_definition")
        }
        group.get("/requests/:file") { request, context -> Response in
            guard let (id, format) = context.parameters.get("file").flatMap(Open311Format.split) else {
                throw HTTPError(.notFound)
            }
            return try await answer(format, logger: context.logger) {
                let key = try await reader(request, context: context)
                guard let number = Int64(id),
                    let entry = try await services.store.complaint(id: number, includingComplainant: false),
                    try reaches(entry, key: key, request)
                else { throw Open311Error(.notFound, "Fant ingen henvendelse med id «\(id)».") }
                let own = try await posted(by: key, [entry])
                return format.response(
                    .list(item: "request", [request311(entry, detailed: own.contains(number))]),
                    root: "service_requests")
            }
        }
    }

    /// A refusal in the specification's error format.
    struct Open311Error: Error {
        let status: HTTPResponse.Status
        let description: String

        init(_ status: HTTPResponse.Status, _ description: String) {
            self.status = status
            self.description = description
        }
    }

    func answer(
        _ format: Open311Format, logger: Logger, _ body: () async throws -> Response
    ) async throws -> Response {
        do {
            return try await body()
        } catch let error as Open311Error {
            return format.error(error.status, error.description)
        } catch let error as ComplaintLogError {
            return format.error(.badRequest, error.description)
        } catch let unavailable as PolicyUnavailable {
            logger.error(
                "Open311 request refused: the policy file has errors or no policy applies",
                metadata: ["problem": "\(unavailable.problem)"])
            return format.error(
                .internalServerError, "Tjenesten kan ikke ta imot eller vise meldinger nå; bydelen retter en feil.")
        } catch let error as HTTPError {
            throw error
        } catch {
            // A busy or failing database answers in the specification's format, without its details.
            logger.error("Open311 request failed", metadata: ["problem": "\(String(describing: error))"])
            return format.error(.serviceUnavailable, "Tjenesten er midlertidig utilgjengelig; prøv igjen om litt.")
        }
    }

    /// The policy file has errors, or the folder has no policy for the district: answered in the
    /// specification's format, logged for the administrator.
    struct PolicyUnavailable: Error {
        let problem: String
    }

    /// The policy for `district` (nil: the only one), or `PolicyUnavailable` when its file has errors
    /// or the folder has none for it.
    func policy(forDistrict district: String?) throws -> Policy {
        switch services.policyFile.current() {
        case .success(let policies):
            do {
                return try policies.policy(forDistrict: district)
            } catch {
                throw PolicyUnavailable(problem: error.description)
            }
        case .failure(let errors): throw PolicyUnavailable(problem: "\(errors.diagnostics.count) diagnostics")
        }
    }

    /// The policy of the district a reader without a key names (`jurisdiction_id`); on a service for
    /// several districts a reader must name one, and a district without a policy is not served here.
    func keylessPolicy(_ request: Request) throws -> Policy {
        let district = try jurisdiction(request, key: nil)
        guard case .success(let policies) = services.policyFile.current(), policies.folder != nil else {
            return try policy(forDistrict: district)
        }
        do {
            return try policies.policy(forDistrict: district)
        } catch .noDistrict {
            throw Open311Error(
                .badRequest, "Tjenesten gjelder flere bydeler; oppgi bydelen med jurisdiction_id (for eksempel «Sagene»).")
        } catch .noPolicy {
            throw Open311Error(.notFound, "Fant ingen bydel «\(district ?? "")» i denne tjenesten.")
        }
    }

    /// Who reads requests: a key when one is given (an invalid key is refused), otherwise nobody
    /// when the district's policy allows keyless reads (`open311.les_uten_noekkel`, GeoReport v2's
    /// default), limited per address like the keys.
    func reader(_ request: Request, context: WebContext) async throws -> APIKey? {
        if Self.givenKey(request, context) != nil { return try await client(request, context: context) }
        guard try keylessPolicy(request).open311ReadWithoutKey else {
            throw Open311Error(.forbidden, "Gyldig api_key mangler.")
        }
        guard try await services.keyLimiter.take("adresse:\(services.clientAddress(request, context))", now: services.now()) else {
            throw Open311Error(.tooManyRequests, "For mange forespørsler; vent et minutt.")
        }
        return nil
    }

    /// The district whose requests a reader sees: its key's; without a key, the `jurisdiction_id` the
    /// reader names (GeoReport v2's parameter for an endpoint serving several jurisdictions), the
    /// district's name as hearings write it ("St. Hanshaugen"); nil for every district's.
    func jurisdiction(_ request: Request, key: APIKey?) throws -> String? {
        if let key { return key.district }
        guard let given = request.uri.queryParameters.get("jurisdiction_id"), !given.isEmpty else { return nil }
        guard let district = try? StoreRules.checkedDistrict(given) else {
            throw Open311Error(.badRequest, "jurisdiction_id skal være navnet på en bydel, som «St. Hanshaugen».")
        }
        return district
    }

    /// Whether the reader may see `entry`: a key sees its own district's log, a reader without a key
    /// the `jurisdiction_id` it names (every district's when it names none).
    func reaches(_ entry: ComplaintLogEntry, key: APIKey?, _ request: Request) throws -> Bool {
        guard let district = try jurisdiction(request, key: key) else { return true }
        return entry.district == district
    }

    /// The `api_key` the client sent, in the form or the query.
    static func givenKey(_ request: Request, _ context: WebContext) -> String? {
        context.form?["api_key"] ?? request.uri.queryParameters.get("api_key")
    }

    /// The client's key, from `api_key` in the query or the form; 403 without a valid one.
    func client(_ request: Request, context: WebContext) async throws -> APIKey {
        let given = Self.givenKey(request, context)
        guard let given, !given.isEmpty, let key = try await services.store.apiKey(hash: Tokens.hash(given)) else {
            throw Open311Error(.forbidden, "Gyldig api_key mangler.")
        }
        guard try await services.keyLimiter.take("nøkkel:\(key.id)", now: services.now()) else {
            throw Open311Error(.tooManyRequests, "For mange forespørsler med denne nøkkelen; vent et minutt.")
        }
        return key
    }

    // MARK: Services

    static func service(_ service: ComplaintService) -> Open311Value {
        .object([
            ("service_code", .string(service.code)), ("service_name", .string(service.name)),
            ("description", .string(service.description)), ("metadata", .bool(true)), ("type", .string("batch")),
            ("keywords", .string(service.keywords)), ("group", .string(service.group)),
        ])
    }

    static func definition(_ service: ComplaintService) -> Open311Value {
        func attribute(
            _ code: String, _ datatype: String, _ order: Int, _ description: String, _ help: String
        )
            -> Open311Value
        {
            .object([
                ("variable", .bool(true)), ("code", .string(code)), ("datatype", .string(datatype)),
                ("required", .bool(false)), ("datatype_description", .string(help)), ("order", .number(Double(order))),
                ("description", .string(description)),
            ])
        }
        return .object([
            ("service_code", .string(service.code)),
            (
                "attributes",
                .list(
                    item: "attribute",
                    [
                        attribute("sted", "string", 1, "Navnet på stedet klagen gjelder", "For eksempel «Bar Boble»."),
                        attribute(
                            "tidspunkt", "datetime", 2, "Når det skjedde",
                            "ISO 8601 med tidssone, for eksempel 2026-11-21T23:30:00+01:00."),
                    ])
            ),
        ])
    }

    // MARK: Requests

    func create(_ request: Request, _ context: WebContext, format: Open311Format) async throws -> Response {
        let key = try await client(request, context: context)
        let form = context.form ?? FormFields()
        guard let code = form["service_code"] else { throw Open311Error(.badRequest, "service_code mangler.") }
        guard let service = ComplaintService.named(code) else {
            throw Open311Error(.badRequest, "Ukjent service_code «\(code)»; se services.\(format.rawValue).")
        }
        var position: GeoPoint?
        if form["lat"] != nil || form["long"] != nil {
            guard let lat = form["lat"].flatMap(Double.init), let long = form["long"].flatMap(Double.init),
                lat.isFinite, long.isFinite, (-90...90).contains(lat), (-180...180).contains(long)
            else { throw Open311Error(.badRequest, "lat og long skal begge være tall i WGS84.") }
            // The registers' check: a report about a venue in the district lies in Norway.
            guard NorwayExtent.contains(GeoPoint(latitude: lat, longitude: long)) else {
                throw Open311Error(.badRequest, "lat og long ligger utenfor Norge.")
            }
            position = GeoPoint(latitude: lat, longitude: long)
        }
        // Free-text fields have limits of their own (the description's is the specification's).
        for (field, limit) in [
            ("address_string", 200), ("attribute[sted]", 200), ("first_name", 100), ("last_name", 100),
            ("phone", 40), ("email", 200),
        ] where (form[field]?.count ?? 0) > limit {
            throw Open311Error(.badRequest, "\(field) er lengre enn \(limit) tegn.")
        }
        // A reference of the client's own: at most 100 characters of A–Z, a–z, 0–9, «.», «_» and «-».
        if let reference = form["service_request_id"],
            reference.count > 100
                || !reference.unicodeScalars.allSatisfy({
                    ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
                        || $0 == "." || $0 == "_" || $0 == "-"
                })
        {
            throw Open311Error(
                .badRequest, "service_request_id kan ha høyst 100 tegn: bokstavene A–Z, tall, punktum, _ og -.")
        }
        let address = form["address_string"]
        guard position != nil || address != nil else {
            throw Open311Error(.badRequest, "Oppgi stedet med lat og long eller med address_string.")
        }
        let description = form["description"]
        if let description, description.count > Self.descriptionLimit {
            throw Open311Error(.badRequest, "description er lengre enn \(Self.descriptionLimit) tegn.")
        }
        let now = services.now()
        var incident = OsloTime.today(at: now)
        var time: TimeOfDay?
        if let text = form["attribute[tidspunkt]"] {
            guard let at = Self.parseDateTime(text) else {
                throw Open311Error(.badRequest, "attribute[tidspunkt] skal være ISO 8601 med tidssone.")
            }
            incident = OsloTime.today(at: at)
            time = OsloTime.clock(at: at)
        }
        let complainant = Complainant(
            name: [form["first_name"], form["last_name"]].compactMap { $0 }.joined(separator: " ").nonEmpty,
            phone: form["phone"], email: form["email"], address: nil)
        let entry = ComplaintLogEntry(
            receivedAt: now, incident: IncidentTime(start: incident, time: time),
            venue: ComplaintVenue(name: form["attribute[sted]"], street: address, position: position),
            categories: [service.category], description: description, source: .resident, officer: Self.unassigned,
            complainant: complainant.isEmpty ? nil : complainant, externalReference: form["service_request_id"],
            district: key.district)
        let (id, _) = try await ComplaintDesk.receive(
            entry, intake: .standard(services.store, policy: try policy(forDistrict: key.district)),
            store: services.store,
            replies: services.replies, signature: services.replySignature(district: key.district, officer: nil),
            actor: Actor(name: "open311:\(key.name)", channel: "open311"), now: now)
        let notice =
            "Klagen er registrert med nummer K-\(id). "
            + (ComplaintRouting.suggestions(for: [service.category], at: time).first.map {
                "Den følges opp av \($0.recipient)."
            } ?? "")
        return format.response(
            .list(
                item: "request",
                [
                    .object([
                        ("service_request_id", .string(String(id))), ("service_notice", .string(notice)),
                        ("account_id", .null),
                    ])
                ]), root: "service_requests", status: .ok)
    }

    /// The requests among `entries` that `key` posted (none without a key).
    func posted(by key: APIKey?, _ entries: some Collection<ComplaintLogEntry>) async throws -> Set<Int64> {
        guard let key else { return [] }
        return try await services.store.complaints(entries.compactMap(\.id), loggedBy: "open311:\(key.name)")
    }

    func list(_ request: Request, format: Open311Format, client: APIKey?) async throws -> Response {
        // Hummingbird's own query reading, not the web forms' (`+` stays `+`): clients send times
        // such as `2026-11-21T23:30:00+01:00` without escaping the offset's plus.
        let parameters = request.uri.queryParameters
        func time(_ name: String) throws -> Date? {
            try parameters.get(name).map { text in
                guard let date = Self.parseDateTime(text) else {
                    throw Open311Error(.badRequest, "\(name) skal være ISO 8601 med tidssone.")
                }
                return date
            }
        }
        let now = services.now()
        let start = try time("start_date")
        let until = try time("end_date") ?? now
        let from = start ?? until.addingTimeInterval(-Double(Self.maxDays) * 86_400)
        guard from <= until, until.timeIntervalSince(from) <= Double(Self.maxDays) * 86_400 else {
            throw Open311Error(
                .badRequest, "start_date og end_date kan være høyst \(Self.maxDays) dager fra hverandre.")
        }
        var filter = ComplaintFilter(district: try jurisdiction(request, key: client))
        if let code = parameters.get("service_code") {
            guard let service = ComplaintService.named(code) else {
                throw Open311Error(.badRequest, "Ukjent service_code «\(code)».")
            }
            filter.category = service.category
        }
        if let text = parameters.get("service_request_id") {
            let parts = text.split(separator: ",").map { Int64($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                throw Open311Error(.badRequest, "service_request_id er en kommaseparert liste med tall.")
            }
            // Asked for by id: the period does not limit them.
            filter.ids = Set(parts.compactMap { $0 })
        } else {
            filter.receivedFrom = OsloTime.today(at: from)
            filter.receivedTo = OsloTime.today(at: until)
        }
        if let text = parameters.get("status") {
            let wanted = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard wanted.allSatisfy({ $0 == "open" || $0 == "closed" }) else {
                throw Open311Error(.badRequest, "status er open eller closed.")
            }
            if Set(wanted).count == 1 {
                filter.statuses = Set(ComplaintStatus.allCases.filter { $0.isOpen == (wanted[0] == "open") })
            }
        }
        var entries = try await services.store.complaintLog(filter)
        if filter.ids == nil {
            // The store filters by Oslo dates; the specification's period is exact to the second.
            entries = entries.filter { $0.receivedAt >= from && $0.receivedAt <= until }
        }
        let shown = entries.prefix(1_000)
        let own = try await posted(by: client, shown)
        return format.response(
            .list(item: "request", shown.map { request311($0, detailed: own.contains($0.id ?? -1)) }),
            root: "service_requests")
    }

    /// One complaint as an Open311 request: never the complainant, nor the free text they wrote.
    /// `detailed` (the client that posted it, by its key) adds the status notes: the step and why it
    /// was closed.
    func request311(_ entry: ComplaintLogEntry, detailed: Bool) -> Open311Value {
        let category = ComplaintCategory.allCases.first(where: entry.categories.contains) ?? .other
        let service = ComplaintService.named(category.code)
        let routing = ComplaintRouting.suggestions(for: entry.categories, at: entry.incident.time)
        let updated = entry.steps.last?.at ?? entry.receivedAt
        var notes = entry.status.label
        if let reason = entry.closingReason { notes += ": \(reason.label)" }
        return .object([
            ("service_request_id", .string(String(entry.id ?? 0))),
            ("status", .string(entry.status.isOpen ? "open" : "closed")),
            ("status_notes", detailed ? .string(notes) : .null),
            ("service_name", .optional(service?.name)), ("service_code", .string(category.code)),
            ("description", .null), ("agency_responsible", .optional(routing.first?.recipient)),
            ("service_notice", .null), ("requested_datetime", .string(Self.format(entry.receivedAt))),
            ("updated_datetime", .string(Self.format(updated))),
            (
                "expected_datetime",
                entry.status.isOpen ? .optional(entry.nextDue.map(Self.endOfDay).map(Self.format)) : .null
            ),
            ("address", .optional(entry.venue.label)), ("address_id", .null),
            ("zipcode", .optional(entry.venue.postalCode)),
            ("lat", entry.venue.position.map { .number($0.latitude) } ?? .null),
            ("long", entry.venue.position.map { .number($0.longitude) } ?? .null), ("media_url", .null),
        ])
    }

    /// Who a complaint from outside belongs to until an officer takes it.
    static let unassigned = "ufordelt"

    /// ISO 8601 with the Oslo offset: `2026-11-22T10:00:00+01:00`.
    static let osloTime = Date.ISO8601FormatStyle(
        timeSeparator: .colon, timeZoneSeparator: .colon, timeZone: OsloTime.zone)

    static func format(_ date: Date) -> String { osloTime.format(date) }

    /// The end of an Oslo working day, when a due step is expected done.
    static let endOfWorkingDay = try! TimeOfDay(hour: 16, minute: 0)

    static func endOfDay(_ date: LocalDate) -> Date { OsloTime.instant(date, at: endOfWorkingDay) }

    /// ISO 8601 with `Z` or an offset (the specification's times); nil otherwise.
    static func parseDateTime(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 20,
            trimmed.hasSuffix("Z") || trimmed.dropFirst(19).contains(where: { "+-".contains($0) })
        else { return nil }
        return OsloTime.parse(trimmed)
    }
}
