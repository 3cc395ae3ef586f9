import Foundation
import Hummingbird
import Logging
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkImport
import SkjenkStore

/// The hearings desk: open hearings by deadline, upload, one hearing with its assessment, map
/// and draft, new drafts, edits, sending for review, and export. Staff only.
struct CasesController {
    let services: WebServices

    struct CaseRow: Encodable {
        let path: String
        let caseNumber: String
        let deadline: String
        let deadlineLabel: String
        let isOverdue: Bool
        let application: String
        let venue: String
        let address: String
        let stage: String
        let stageCode: String
        let officer: String
        /// The level last assessed ("høy risiko"), or "ikke vurdert" since the hearing changed.
        let risk: String
        let riskCode: String
    }

    struct DeskContent: Encodable {
        let query: String
        let all: Bool
        let mine: Bool
        let officer: String
        let stages: [Option]
        let count: Int
        let overdue: Int
        let cases: [CaseRow]
        let paging: Paging
        let problems: [String]
        let hasProblems: Bool
    }

    func register(_ router: Router<WebContext>) {
        router.get("/saker") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            return try await desk(request, session: session, problems: [], message: nil)
        }
        router.post("/saker/import") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            guard let file = context.form?.file("fil"), !file.data.isEmpty else {
                return try await desk(
                    request, session: session, problems: ["Velg en XML-fil å laste opp."], message: nil)
            }
            let outcome = try await services.hearings.importFile(
                file.data, fileName: file.fileName.isEmpty ? "opplastet.xml" : file.fileName,
                district: session.user.district, store: { services.store }, actor: services.actor(session))
            guard let receipt = outcome.receipt else {
                return try await desk(
                    request, session: session, problems: outcome.diagnostics.map(\.description), message: nil)
            }
            // The desk shows the new cases' risk levels at once (none without a readable policy).
            if let summary = outcome.summary, let policies = try? services.policies() {
                try await AssessmentDesk.refreshLevels(
                    of: summary.created + summary.updated, policies: policies, store: services.store,
                    today: services.today)
            }
            return try await desk(request, session: session, problems: [], message: receipt + ".")
        }
        router.get("/saker/:year/:seq") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            return try await casePage(request, context, session: session, message: nil, error: nil)
        }
        router.post("/saker/:year/:seq/utkast") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let stored = try await storedCase(context)
            let form = context.form ?? FormFields()
            // Without a route in the form the previous draft's route stands (StatementDesk.compose).
            var route: DecisionRoute? = form["vei"] == nil ? nil : .delegated(signatory: nil)
            if form["vei"] == "bu" {
                guard let meeting = form["mote"].flatMap({ try? LocalDate(iso: $0) }) else {
                    var errors = FormErrors("mote", "Oppgi datoen for møtet der uttalelsen skal vedtas.")
                    errors.keep(form, "konklusjon", "lengde", "vei", "mote", "sak")
                    return try await casePage(request, context, session: session, message: nil, error: nil, errors: errors)
                }
                // Without an item number the statement is planned for the meeting; it gets its number on the agenda.
                let item = form["sak"]?.trimmingCharacters(in: .whitespaces) ?? ""
                let body = form["organ"].map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                route = .council(body: body.isEmpty ? "bydelsutvalget" : body, meetingDate: meeting, itemNumber: item)
            }
            let prepared = try await StatementDesk.prepare(
                [stored], policies: try services.policies(), store: services.store, today: services.today)
            do {
                let draft = try await StatementDesk.compose(
                    prepared[0], outcome: form["konklusjon"].flatMap { StatementOutcome(code: $0) }, route: route,
                    reference: nil, today: services.today, templates: services.statementTemplates,
                    store: services.store, actor: services.actor(session), officer: session.user.profile,
                    length: form["lengde"].flatMap { StatementLength(code: $0) } ?? .automatic)
                return try await casePage(
                    request, context, session: session, message: "Utkast versjon \(draft.version) er lagret.",
                    error: nil)
            } catch let error as StatementStoreError {
                return try await casePage(request, context, session: session, message: nil, error: error.description)
            } catch let error as NoMeetingPlanned {
                return try await casePage(request, context, session: session, message: nil, error: error.description)
            } catch let conflict as OutcomeConflict {
                var errors = FormErrors("konklusjon", NorwegianFormat.capitalized(conflict.description) + ".")
                errors.keep(form, "konklusjon", "lengde", "vei", "mote", "sak")
                return try await casePage(request, context, session: session, message: nil, error: nil, errors: errors)
            }
        }
        router.post("/saker/:year/:seq/fristutsettelse") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let stored = try await storedCase(context)
            let prepared = try await StatementDesk.prepare(
                [stored], policies: try services.policies(), store: services.store, today: services.today)
            do {
                let letter = try await RoutePlanner.requestLaterDeadline(
                    prepared[0], store: services.store, templates: services.statementTemplates,
                    officer: session.user.profile, actor: services.actor(session), today: services.today)
                return try await casePage(
                    request, context, session: session,
                    message: "Anmodningen om utsatt frist er lagret som brev \(letter.number).", error: nil)
            } catch let error as DeadlineHolds {
                return try await casePage(request, context, session: session, message: nil, error: error.description)
            }
        }
        router.get("/saker/:year/:seq/brev/:number") { request, context -> Response in
            _ = try Access.require(Access.staff, request, context)
            let stored = try await storedCase(context)
            guard let number = context.parameters.get("number").flatMap(Int.init),
                let letter = try await services.store.caseLetters(of: stored.hearing.caseNumber)
                    .first(where: { $0.number == number })
            else { throw HTTPError(.notFound, message: "Fant ikke brevet.") }
            return PageRenderer.html(
                try StatementRenderer(templates: services.statementTemplates).html(
                    markdown: letter.markdown, mapSVG: nil))
        }
        router.post("/saker/:year/:seq/sendt") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let stored = try await storedCase(context)
            guard let date = context.form?["dato"].flatMap({ try? LocalDate(iso: $0) }) else {
                var errors = FormErrors("sendt-dato", "Oppgi datoen uttalelsen ble sendt.")
                errors.keep(context.form?.get("dato"), as: "sendt-dato")
                return try await casePage(request, context, session: session, message: nil, error: nil, errors: errors)
            }
            do {
                _ = try await StatementDesk.review(
                    .markSent(date), of: stored, policies: services.policies, store: services.store,
                    today: services.today, actor: services.actor(session))
                return try await casePage(
                    request, context, session: session,
                    message: "Uttalelsen er merket som sendt \(NorwegianFormat.longDate(date)).", error: nil)
            } catch let error as StatementStoreError {
                return try await casePage(request, context, session: session, message: nil, error: error.description)
            }
        }
        router.post("/saker/:year/:seq/naeringsetatens-vedtak") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let stored = try await storedCase(context)
            let form = context.form ?? FormFields()
            let outcome = form["vedtak"].flatMap { AgencyDecision.Outcome(code: $0) }
            let date = form["dato"].flatMap { try? LocalDate(iso: $0) }
            guard let outcome, let date else {
                var errors = FormErrors()
                if outcome == nil { errors.add("vedtak", "Velg Næringsetatens vedtak.") }
                if date == nil { errors.add("vedtaksdato", "Oppgi datoen for Næringsetatens vedtak.") }
                errors.keep(form, "vedtak", "vilkaar")
                errors.keep(form.get("dato"), as: "vedtaksdato")
                return try await casePage(request, context, session: session, message: nil, error: nil, errors: errors)
            }
            let conditions = (form["vilkaar"] ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            do {
                let decision = try await DecisionDesk.record(
                    stored.hearing.caseNumber, outcome: outcome, date: date, conditions: conditions,
                    store: services.store, actor: services.actor(session), today: services.today)
                return try await casePage(
                    request, context, session: session, message: "Næringsetatens vedtak er ført: \(decision.label).",
                    error: nil)
            } catch let refused as DecisionRefused {
                return try await casePage(
                    request, context, session: session, message: nil,
                    error: NorwegianFormat.capitalized(refused.description) + ".")
            }
        }
        router.post("/saker/:year/:seq/send-til-behandling") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let stored = try await storedCase(context)
            do {
                _ = try await StatementDesk.review(
                    .submit, of: stored, policies: services.policies, store: services.store, today: services.today,
                    actor: services.actor(session))
                return try await casePage(
                    request, context, session: session, message: "Uttalelsen er sendt til behandling.", error: nil)
            } catch let error as StatementStoreError {
                return try await casePage(request, context, session: session, message: nil, error: error.description)
            }
        }
        router.get("/saker/:year/:seq/eksport/:format") { request, context -> Response in
            _ = try Access.require(Access.staff, request, context)
            let stored = try await storedCase(context)
            guard let code = context.parameters.get("format"), let format = StatementFormat(code: code) else {
                throw HTTPError(.notFound)
            }
            do {
                if format == .archive { return try await archive(stored, logger: context.logger) }
                let file = try await StatementDesk.export(
                    stored.hearing.caseNumber, as: format, store: services.store, templates: services.statementTemplates)
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: file.contentType,
                        .contentDisposition: "attachment; filename=\"\(file.fileName)\"",
                    ], body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
            } catch StatementDeskError.noDraft {
                throw HTTPError(.notFound, message: "Saken har ikke noe utkast.")
            } catch StatementDeskError.notApproved(let state) {
                throw HTTPError(
                    .conflict, message: "Bare en vedtatt uttalelse kan arkiveres; uttalelsen er \(state.label).")
            }
        }
    }

    /// The archive package (arkivmelding.xml and the statement as PDF/A) as a zip, once approved.
    func archive(_ stored: StoredCase, logger: Logger) async throws -> Response {
        let package: Data
        do {
            let created = services.now()
            let parts = try await StatementDesk.archive(
                stored, store: services.store, templates: services.statementTemplates, created: created)
            package = try StatementDesk.archivePackage((parts.xml, parts.pdf, parts.attachments), created: created)
        } catch let problem as PDFConverter.Problem {
            // The tool's own words (its log, install hints) are for the log and the administrator.
            logger.error("PDF/A conversion failed", metadata: ["problem": "\(problem.description)"])
            throw HTTPError(
                .serviceUnavailable,
                message: "Arkivpakken kan ikke lages akkurat nå: serveren får ikke laget PDF/A. Administratoren ser "
                    + "verktøyenes tilstand på registersiden.")
        } catch let problem as MapRasterizer.Problem {
            logger.error("map rasterising failed", metadata: ["problem": "\(problem.description)"])
            throw HTTPError(.serviceUnavailable, message: "Arkivpakken kan ikke lages akkurat nå: kartet kunne ikke tegnes.")
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/zip",
                .contentDisposition: "attachment; filename=\"arkiv-\(StatementDesk.fileStem(stored.hearing.caseNumber)).zip\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: package)))
    }

    func storedCase(_ context: WebContext) async throws -> StoredCase {
        guard let year = context.parameters.get("year"), let seq = context.parameters.get("seq"),
            let number = try? CaseNumber("\(year)/\(seq)"), let stored = try await services.store.storedCase(number),
            // Another district's hearing is not there for this user: the same answer as no hearing.
            let session = context.session, Access.reaches(stored.hearing.district, session)
        else { throw HTTPError(.notFound, message: "Fant ingen slik sak.") }
        return stored
    }

    /// Cases per page on the desk: a week's hearings in a large district, and a page that stays fast.
    static let pageSize = 50

    func desk(_ request: Request, session: WebSession, problems: [String], message: String?) async throws -> Response {
        let parameters = request.queryForm
        let all = parameters.get("alle") == "1"
        let query = String((parameters.get("sok") ?? "").trimmingCharacters(in: .whitespaces).prefix(200))
        let requestedPage = parameters.get("side").flatMap { Int($0) }.map { max(1, min($0, 100_000)) } ?? 1
        // The statement's stage (`uttalelse`), the officer (`saksbehandler`), or my own cases (`mine`).
        let stage = parameters.get("uttalelse").flatMap { StatementStage(code: $0) }
        let mine = parameters.get("mine") == "1"
        let officerText = String((parameters.get("saksbehandler") ?? "").trimmingCharacters(in: .whitespaces).prefix(64))
        let officer = mine ? session.user.name : (officerText.isEmpty ? nil : officerText)
        let today = services.today
        func listing(page: Int) async throws -> CaseList {
            try await services.store.caseList(
                CaseListQuery(
                    statuses: all ? nil : [.open], text: query, offset: (page - 1) * Self.pageSize,
                    limit: Self.pageSize, today: today, district: session.user.district, stages: stage.map { [$0] },
                    officer: officer))
        }
        var page = requestedPage
        var list = try await listing(page: page)
        let pages = max(1, (list.total + Self.pageSize - 1) / Self.pageSize)
        if page > pages {
            // A page past the end (the list shrank, or a typed address): show the last one.
            page = pages
            list = try await listing(page: page)
        }
        let rows = list.cases.map { summary -> CaseRow in
            let deadline = DeadlineStatus(deadline: summary.deadline, today: today)
            return CaseRow(
                path: summary.caseNumber.key, caseNumber: summary.caseNumber.text,
                deadline: NorwegianFormat.date(summary.deadline),
                deadlineLabel: summary.status == .open ? deadline.label : summary.status.label,
                isOverdue: summary.status == .open && deadline.isOverdue,
                application: "\(summary.applicationType.label), \(summary.permitType.label)",
                venue: summary.venueName, address: summary.address.street, stage: summary.stage.label,
                stageCode: summary.stage.code, officer: summary.officer ?? "–",
                risk: summary.riskLevel.map { "\($0.rawValue) risiko" } ?? "ikke vurdert",
                riskCode: summary.riskLevel.map(RiskTag.code) ?? "ukjent")
        }
        return try services.pages.page(
            "saker", title: "Høringer",
            content: DeskContent(
                query: query, all: all, mine: mine, officer: mine ? "" : officerText,
                stages: StatementStage.allCases.map { Option(code: $0.code, label: $0.label, selected: $0 == stage) },
                count: list.total, overdue: list.overdue, cases: rows,
                paging: Paging(
                    page: page, pages: pages,
                    link: { number in
                        "/saker?"
                            + FormFields.query([
                                ("side", String(number)), ("alle", all ? "1" : nil),
                                ("sok", query.isEmpty ? nil : query), ("uttalelse", stage?.code),
                                ("mine", mine ? "1" : nil), ("saksbehandler", mine || officerText.isEmpty ? nil : officerText),
                            ])
                    }),
                problems: problems, hasProblems: problems.count > 1),
            session: session, path: request.uri.path, message: message, errors: Self.uploadErrors(problems))
    }

    /// An upload's problems on the file field (`fil`): one is the field's message; several are
    /// listed under it (`problems`), with the count as the message.
    static func uploadErrors(_ problems: [String]) -> FormErrors {
        switch problems.count {
        case 0: FormErrors()
        case 1: FormErrors("fil", problems[0])
        default: FormErrors("fil", "Høringsfilen ble ikke lastet opp: den har \(problems.count) feil, som står under.")
        }
    }

    /// The risk level's tag class: `hoy`, `middels`, `lav` (ASCII, for CSS).
    enum RiskTag {
        static func code(_ level: RiskLevel) -> String {
            switch level {
            case .low: "lav"
            case .medium: "middels"
            case .high: "hoy"
            }
        }
    }

    struct Fact: Encodable {
        let label: String
        let value: String
    }

    struct FactorRow: Encodable {
        let name: String
        let score: Int
        /// The score as three dots, `score` of them filled.
        let pips: [Pip]
        let explanation: String
        let evidence: [String]
        let hasEvidence: Bool
    }

    struct Pip: Encodable {
        let filled: Bool
    }

    /// One § 1-7a criterion with its factors.
    struct CriterionGroup: Encodable {
        let code: String
        let criterion: String
        let factors: [FactorRow]
    }

    struct TaskRow: Encodable {
        let label: String
        let stateCode: String
        let stateLabel: String
        let note: String
        let hasNote: Bool
        /// Where on the page the step is done (empty: nowhere yet).
        let anchor: String
    }

    struct ComplaintRow: Encodable {
        let id: String
        let date: String
        let categories: String
        let note: String
        let hasNote: Bool
    }

    struct TimelineRow: Encodable {
        let time: String
        let what: String
        let who: String
        let detail: String
        let hasDetail: Bool
        let comment: String
        let hasComment: Bool
    }

    struct SectionChangeRow: Encodable {
        let heading: String
        let lines: [TextDiff.Line]
    }

    struct Option: Encodable {
        let code: String
        let label: String
        let selected: Bool
    }

    struct CaseContent: Encodable {
        let path: String
        let caseNumber: String
        let venue: String
        /// What the case is, in a sentence or two, for the top of the page.
        let summary: String
        let deadline: String
        let deadlineLabel: String
        let isOverdue: Bool
        let stage: String
        let stageCode: String
        let tasks: [TaskRow]
        /// The comment the draft came back with from the review, when it was returned.
        let reviewComment: String
        let hasReviewComment: Bool
        let facts: [Fact]
        let level: String
        let riskCode: String
        let criteria: [CriterionGroup]
        let uncertainties: [String]
        let uncertaintyCount: Int
        let hasUncertainties: Bool
        /// The recommendation: outcome, refused parts and conditions with their reasons, the weighing.
        let recommendation: String
        let refusals: [String]
        let hasRefusals: Bool
        let conditions: [String]
        let hasConditions: Bool
        let subsidiary: Bool
        let weighingAgainst: [String]
        let hasWeighingAgainst: Bool
        let weighingFor: [String]
        let hasWeighingFor: Bool
        let weighingConclusion: String
        let complaints: String
        let complaintRows: [ComplaintRow]
        let hasComplaintRows: Bool
        let mapSVG: String
        let hasMap: Bool
        /// The map's numbered sites, listed under it.
        let mapKey: [StatementMap.KeyEntry]
        let hasDraft: Bool
        let draftVersion: Int
        let draftOrigin: String
        let draftAuthor: String
        let draftTime: String
        let draftStale: Bool
        let draftHTML: String
        let mayEdit: Bool
        let maySubmit: Bool
        let mayArchive: Bool
        let mayMarkSent: Bool
        let today: String
        let outcomes: [Option]
        let lengths: [Option]
        /// The route of the latest draft, so a new draft keeps it unless the officer changes it.
        let routeIsCouncil: Bool
        let routeMeeting: String
        let routeItem: String
        /// The new-draft and agency-decision forms stand open (a first draft, or a refused form).
        let draftFormOpen: Bool
        let agencyFormOpen: Bool
        let routeBody: String
        let routeBodyLabel: String
        /// What the district's delegation says about who decides, and why (empty without one).
        let routeAdvice: String
        let hasRouteAdvice: Bool
        /// The deadline against the council's meetings (empty when it holds).
        let deadlineWarning: String
        let hasDeadlineWarning: Bool
        let letters: [LetterRow]
        let hasLetters: Bool
        /// Næringsetaten's final decision, when recorded, beside the district's recommendation.
        let agencyDecision: String
        let hasAgencyDecision: Bool
        let agencyConditions: [String]
        let hasAgencyConditions: Bool
        let agreement: String
        let agencyOutcomes: [Option]
        /// The sections the officer changed from the generated text, each with its lines.
        let sectionChanges: [SectionChangeRow]
        let changedSections: String
        let hasChangedSections: Bool
        /// The statement's drafts and review, oldest first, every comment with it.
        let timeline: [TimelineRow]
        let hasTimeline: Bool
    }

    struct LetterRow: Encodable {
        let number: Int
        let label: String
        let created: String
        let by: String
    }

    func casePage(
        _ request: Request, _ context: WebContext, session: WebSession, message: String?, error: String?,
        errors: FormErrors = FormErrors()
    )
        async throws -> Response
    {
        let stored = try await storedCase(context)
        let h = stored.hearing
        let prepared = try await StatementDesk.prepare(
            [stored], policies: try services.policies(), store: services.store, today: services.today)[0]
        let assessment = prepared.assessment
        let drafts = try await services.store.drafts(of: h.caseNumber)
        let draft = drafts.last
        let review = try await services.store.review(of: h.caseNumber)
        let stage = StatementStage(hasDraft: draft != nil, review: review)
        let draftStale = draft?.isStale(hearingVersion: stored.version, assessmentDigest: assessment.digest) ?? false
        let deadline = DeadlineStatus(deadline: h.deadline, today: services.today)
        var facts = [
            Fact(label: "Søker", value: "\(h.applicant.name), org.nr. \(h.applicant.organisationNumber.formatted)"),
            Fact(label: "Sted", value: "\(h.venue.name), \(h.venue.address.singleLine)"),
            Fact(label: "Søknad", value: "\(h.applicationType.label), \(h.permitType.label)"),
        ]
        // Zones decide serving hours only.
        if h.permitType == .serving { facts.append(Fact(label: "Sone", value: assessment.zone.label)) }
        if let concept = h.venue.concept { facts.append(Fact(label: "Konsept", value: concept)) }
        for period in h.servingPeriods {
            facts.append(
                Fact(
                    label: "Tid \(period.area.label)",
                    value: "\(NorwegianFormat.clock(period.from))–\(NorwegianFormat.clock(period.to))"))
        }
        let complaints =
            assessment.complaints.map { summary in
                summary.total == 0
                    ? "Ingen klager på stedet de siste \(NorwegianFormat.number(prepared.policy.complaintMonths)) månedene."
                    : "\(summary.total) klager om \(summary.episodes) episoder de siste "
                        + "\(NorwegianFormat.number(prepared.policy.complaintMonths)) månedene teller i vurderingen."
            } ?? "Klageloggen er ikke lest."
        let suggested = StatementOutcome.suggested(by: assessment)
        // A new draft keeps the latest one's route; a first follows the delegation.
        let plan = try await RoutePlanner.plan(
            h, outcome: draft?.outcome ?? suggested, policy: prepared.policy, store: services.store,
            today: services.today)
        var councilRoute: (body: String, meeting: LocalDate, item: String)?
        if case .council(let body, let meeting, let item)? = draft?.route ?? plan.route {
            councilRoute = (body, meeting, item)
        }
        var routeBody = "bydelsutvalget"
        let agency = try await services.store.agencyDecision(of: h.caseNumber)
        var agreement = ""
        if let agency, let recommended = draft?.outcome {
            agreement =
                agency.agrees(with: recommended)
                ? "Vedtaket samsvarer med bydelens konklusjon (\(recommended.label))."
                : "Vedtaket avviker fra bydelens konklusjon (\(recommended.label))."
        }
        let letters = try await services.store.caseLetters(of: h.caseNumber).map {
            LetterRow(
                number: $0.number, label: NorwegianFormat.capitalized($0.kind.label),
                created: NorwegianFormat.dateTime($0.createdAt), by: $0.createdBy)
        }
        if case .council(let body, _)? = plan.suggestion { routeBody = body }
        let mayEdit = review.state == .draft || review.state == .submitted
        let maySubmit = review.state == .draft && draft != nil
        let mayMarkSent = review.state == .approved
        let changes = Self.sectionChanges(drafts)
        let tasks = CaseTasks.list(
            stage: stage, draftStale: draftStale, council: !(draft?.route.isDelegated ?? true),
            uncertainties: assessment.uncertainties.count
        ).map { task in
            TaskRow(
                label: task.step.label, stateCode: task.state.rawValue, stateLabel: task.state.label, note: task.note,
                hasNote: !task.note.isEmpty,
                anchor: Self.anchor(task.step, maySubmit: maySubmit, mayMarkSent: mayMarkSent, hasDraft: draft != nil))
        }
        let trail = try await services.store.statementAuditTrail(h.caseNumber)
        // A refused form's values stand in the fields as typed.
        let typed = errors.values
        let typedOutcome = typed["konklusjon"].flatMap { StatementOutcome(code: $0) }
        let typedLength = typed["lengde"].flatMap { StatementLength(code: $0) }
        let deadlineWarning = review.state == .approved || review.state == .sent ? "" : plan.deadline?.message ?? ""
        let window = services.today.adding(months: -prepared.policy.complaintMonths)
        return try services.pages.page(
            "sak", title: "\(h.venue.name) – \(h.caseNumber.text)",
            content: CaseContent(
                path: h.caseNumber.key, caseNumber: h.caseNumber.text, venue: h.venue.name,
                summary: "\(NorwegianFormat.capitalized(h.applicationType.label)), \(h.permitType.label), for "
                    + "\(h.venue.name), \(h.venue.address.singleLine). Søker er \(h.applicant.name). Forslag til konklusjon: "
                    + "\(assessment.outcome.label).",
                deadline: NorwegianFormat.longDate(h.deadline), deadlineLabel: deadline.label,
                isOverdue: deadline.isOverdue, stage: stage.label, stageCode: stage.code, tasks: tasks,
                reviewComment: review.comment ?? "",
                hasReviewComment: review.state == .draft && !(review.comment ?? "").isEmpty, facts: facts,
                level: assessment.level.rawValue, riskCode: RiskTag.code(assessment.level),
                // One heading per § 1-7a criterion, in the law's order, as the letter has them.
                criteria: Criterion.allCases.compactMap { criterion in
                    let factors = assessment.factors.filter { $0.criterion == criterion }
                    guard !factors.isEmpty else { return nil }
                    return CriterionGroup(
                        code: criterion.code, criterion: NorwegianFormat.capitalized(criterion.label),
                        factors: factors.map {
                            FactorRow(
                                name: NorwegianFormat.capitalized($0.key.label), score: $0.score,
                                pips: (1...3).map { [score = $0.score] in Pip(filled: $0 <= score) },
                                explanation: $0.explanation, evidence: $0.evidence, hasEvidence: !$0.evidence.isEmpty)
                        })
                },
                uncertainties: assessment.uncertainties, uncertaintyCount: assessment.uncertainties.count,
                hasUncertainties: !assessment.uncertainties.isEmpty,
                recommendation: assessment.outcome.label,
                refusals: assessment.refusals.map { "\($0.part): \($0.reason). Det kan gis \($0.alternative)." },
                hasRefusals: !assessment.refusals.isEmpty,
                conditions: assessment.conditions.map { "\($0.text) Begrunnelse: \($0.reason)" },
                hasConditions: !assessment.conditions.isEmpty, subsidiary: assessment.outcome == .against,
                weighingAgainst: assessment.weighing.against, hasWeighingAgainst: !assessment.weighing.against.isEmpty,
                weighingFor: assessment.weighing.inFavour, hasWeighingFor: !assessment.weighing.inFavour.isEmpty,
                weighingConclusion: assessment.weighing.conclusion,
                complaints: complaints,
                complaintRows: prepared.venueComplaints.reversed().prefix(30).map { complaint in
                    ComplaintRow(
                        id: complaint.id.map(String.init) ?? "", date: NorwegianFormat.date(complaint.incidentDate),
                        categories: NorwegianFormat.list(complaint.categories.map(\.label).sorted()),
                        note: complaint.unfounded
                            ? "ugrunnet, teller ikke"
                            : (complaint.incidentDate <= window ? "eldre enn vurderingens periode" : ""),
                        hasNote: complaint.unfounded || complaint.incidentDate <= window)
                }, hasComplaintRows: !prepared.venueComplaints.isEmpty,
                mapSVG: prepared.mapSVG ?? "", hasMap: prepared.mapSVG != nil, mapKey: prepared.mapKey,
                hasDraft: draft != nil, draftVersion: draft?.version ?? 0, draftOrigin: draft?.origin.label ?? "",
                draftAuthor: draft?.author ?? "", draftTime: draft.map { NorwegianFormat.dateTime($0.createdAt) } ?? "",
                draftStale: draftStale,
                draftHTML: draft.map { HTMLRenderer.body(StatementDocument(markdown: $0.markdown)) } ?? "",
                mayEdit: mayEdit, maySubmit: maySubmit,
                mayArchive: StatementDesk.isFinished(review), mayMarkSent: mayMarkSent,
                today: typed["sendt-dato"] ?? services.today.iso,
                outcomes: StatementOutcome.allCases.map {
                    Option(code: $0.code, label: $0.label, selected: $0 == (typedOutcome ?? suggested))
                },
                lengths: StatementLength.allCases.map {
                    Option(code: $0.code, label: $0.label, selected: $0 == (typedLength ?? .automatic))
                }, routeIsCouncil: typed["vei"].map { $0 == "bu" } ?? (councilRoute != nil),
                routeMeeting: typed["mote"] ?? councilRoute?.meeting.iso ?? "",
                routeItem: typed["sak"] ?? councilRoute?.item ?? "",
                draftFormOpen: draft == nil || errors["mote"] != nil || errors["konklusjon"] != nil,
                agencyFormOpen: errors["vedtak"] != nil || errors["vedtaksdato"] != nil, routeBody: councilRoute?.body ?? routeBody,
                routeBodyLabel: NorwegianFormat.capitalized(councilRoute?.body ?? routeBody),
                routeAdvice: plan.suggestion?.reason ?? "", hasRouteAdvice: plan.suggestion != nil,
                deadlineWarning: deadlineWarning, hasDeadlineWarning: !deadlineWarning.isEmpty,
                letters: letters, hasLetters: !letters.isEmpty,
                agencyDecision: agency.map { NorwegianFormat.capitalized($0.label) } ?? "",
                hasAgencyDecision: agency != nil, agencyConditions: agency?.conditions ?? [],
                hasAgencyConditions: !(agency?.conditions ?? []).isEmpty, agreement: agreement,
                agencyOutcomes: AgencyDecision.Outcome.allCases.map {
                    Option(
                        code: $0.code, label: $0.label,
                        selected: typed["vedtak"].map { [code = $0.code] in $0 == code } ?? ($0 == agency?.outcome))
                },
                sectionChanges: changes, changedSections: NorwegianFormat.list(changes.map { "«\($0.heading)»" }),
                hasChangedSections: !changes.isEmpty,
                timeline: trail.map(Self.timelineRow), hasTimeline: !trail.isEmpty
            ), session: session, path: request.uri.path, message: message, error: error, errors: errors)
    }

    /// Where on the case page a step is done.
    static func anchor(_ step: CaseTask.Step, maySubmit: Bool, mayMarkSent: Bool, hasDraft: Bool) -> String {
        switch step {
        case .assess: "vurdering"
        case .draft: hasDraft ? "utkast" : "nytt-utkast"
        case .submit: maySubmit ? "send-til-behandling" : "utkast"
        case .decide: "behandling"
        case .send: mayMarkSent ? "merk-sendt" : "behandling"
        }
    }

    /// The latest draft's sections changed from the generated text it started from.
    static func sectionChanges(_ drafts: [StatementDraft]) -> [SectionChangeRow] {
        guard let draft = drafts.last, draft.origin == .edited,
            let generated = drafts.last(where: { $0.origin == .generated && $0.version < draft.version })
        else { return [] }
        let sections = StatementSections(markdown: draft.markdown)
        let changes = sections.changes(from: StatementSections(markdown: generated.markdown))
        return changes.keys.sorted().map { index in
            SectionChangeRow(
                heading: sections.sections[index].heading.isEmpty ? "Innledning" : sections.sections[index].heading,
                lines: changes[index]!.filter { $0.kind != .same && !$0.text.trimmingCharacters(in: .whitespaces).isEmpty })
        }
    }

    /// An event of the statement's audit trail in words, with a return's comment set apart.
    static func timelineRow(_ event: AuditEvent) -> TimelineRow {
        var detail = event.detail
        var comment = ""
        if let range = detail.range(of: "; kommentar: ") {
            comment = String(detail[range.upperBound...])
            detail = String(detail[..<range.lowerBound])
        }
        return TimelineRow(
            time: NorwegianFormat.dateTime(event.at),
            what: NorwegianFormat.capitalized(AuditEntry.phrase(action: event.action, entity: event.entity)),
            who: event.actor, detail: detail, hasDetail: !detail.isEmpty, comment: comment, hasComment: !comment.isEmpty)
    }

}
