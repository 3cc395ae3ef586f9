import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// A case made ready for its statement: the current hearing (placed by its address when needed),
/// its assessment and its map.
public struct PreparedCase: Sendable {
    public let stored: StoredCase
    public let hearing: Hearing
    public let assessment: Assessment
    public let mapSVG: String?
    public let policy: Policy
    /// The complaints the district has logged about the venue itself (its address, or the holder
    /// at no other address), oldest first; empty when the complaint log was not read.
    public let venueComplaints: [Complaint]
    /// The map's numbered sites, for a list beside it (empty without a map).
    public var mapKey: [StatementMap.KeyEntry] = []
}

/// Drafting statements, the same way from the command line and the web.
public enum StatementDesk {
    /// Assesses `cases` for their statements, as `skjenk assess` does: each with the policy of its
    /// own district.
    public static func prepare(
        _ cases: [StoredCase], policies: PolicySet, store: any AppStore, today: LocalDate
    )
        async throws -> [PreparedCase]
    {
        let assessed = try await AssessmentDesk.assess(
            cases.map(\.hearing), policies: policies, store: store, today: today)
        // The desk shows the level each case was last assessed at.
        try await AssessmentDesk.recordLevels(of: cases, assessed.map(\.assessment), store: store)
        var prepared: [PreparedCase] = []
        for (stored, item) in zip(cases, assessed) {
            var map = StatementMap.gather(hearing: item.hearing, context: item.context)
            // Only the roads that meet the map's frame are read (the store keeps each road's box).
            if let frame = map?.frame { map?.roads = try await store.roads(intersecting: frame) }
            prepared.append(
                PreparedCase(
                    stored: stored, hearing: item.hearing, assessment: item.assessment, mapSVG: map?.svg(),
                    policy: item.policy,
                    venueComplaints: item.context.complaintIndex.map { index in
                        index.venueComplaints(of: item.hearing).map { index.complaints[$0] }
                    } ?? [], mapKey: map?.key ?? []))
        }
        return prepared
    }

    /// Composes a new version from the templates and stores it. Without `outcome` the assessment's
    /// suggestion is used; without `route`, the previous version's, or the one the district's
    /// delegation gives (`RoutePlanner`: the director, or the body's next meeting). `officer` is
    /// the person the letter names (never the actor's login); without one the letter says
    /// "(ikke oppgitt)".
    public static func compose(
        _ prepared: PreparedCase, outcome: StatementOutcome?, route: DecisionRoute?, reference: String?,
        today: LocalDate, templates: TemplateSet, store: any AppStore, actor: Actor, officer: OfficerContact?,
        length: StatementLength = .automatic
    ) async throws -> StatementDraft {
        let previous = try await store.drafts(of: prepared.stored.hearing.caseNumber).last
        let chosen = outcome ?? StatementOutcome.suggested(by: prepared.assessment)
        // The letter may not contradict its own assessment (the suggestion never does).
        if let conflict = chosen.conflict(with: prepared.assessment) { throw conflict }
        // Without a route of its own or a previous one, the draft follows the district's delegation.
        var planned = route ?? previous?.route
        if planned == nil {
            planned = try RoutePlanner.route(
                try await RoutePlanner.plan(
                    prepared.hearing, outcome: chosen, policy: prepared.policy, store: store, today: today))
        }
        let options = StatementOptions(
            outcome: chosen, route: planned ?? .delegated(signatory: nil), ourReference: reference, date: today,
            officer: officer, length: length)
        let view = StatementComposer.view(
            hearing: prepared.hearing, assessment: prepared.assessment, policy: prepared.policy, options: options,
            mapSVG: prepared.mapSVG)
        let markdown = try StatementRenderer(templates: templates).markdown(view)
        let draft = StatementDraft(
            caseNumber: prepared.stored.hearing.caseNumber, origin: .generated, markdown: markdown,
            mapSVG: prepared.mapSVG, outcome: options.outcome, route: options.route,
            hearingVersion: prepared.stored.version, assessmentDigest: prepared.assessment.digest, author: actor.name,
            createdAt: Date())
        return try await store.addDraft(draft, actor: actor)
    }

    /// Stores `text` (Markdown) as an edited version of the latest one, standing on the same basis.
    public static func storeEdit(
        _ text: String, of number: CaseNumber, basedOn version: Int? = nil, store: any AppStore, actor: Actor
    ) async throws
        -> StatementDraft?
    {
        guard var draft = try await store.drafts(of: number).last else { return nil }
        // An edit of an older version would silently undo what was stored since.
        if let version, version != draft.version { throw StatementStoreError.draftChangedMeanwhile }
        draft.origin = .edited
        // Stored with LF line ends, whatever the browser or editor sent (CRLF from a form).
        let text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        draft.markdown = text.hasSuffix("\n") ? text : text + "\n"
        draft.author = actor.name
        draft.createdAt = Date()
        return try await store.addDraft(draft, actor: actor)
    }

    /// The bytes of `draft` in `format` (not the archive message, which is a package). An approved
    /// statement is the finished letter: no draft mark, and the route sentence after approval.
    /// `decision`: the decision as recorded, when approved.
    public static func render(
        _ draft: StatementDraft, as format: StatementFormat, templates: TemplateSet, approved: Bool,
        decision: DecisionRoute? = nil
    ) throws -> Data {
        let markdown =
            approved ? StatementText.finalised(draft.markdown, route: draft.route, decided: decision) : draft.markdown
        switch format {
        case .markdown: return Data(markdown.utf8)
        case .html:
            return Data(
                try StatementRenderer(templates: templates).html(markdown: markdown, mapSVG: draft.mapSVG).utf8)
        case .docx:
            let document = StatementDocument(markdown: markdown)
            return try DocxWriter.docx(
                document, title: StatementRenderer.title(document), author: draft.author, created: draft.createdAt,
                map: try mapPicture(draft.mapSVG, archive: false))
        case .archive:
            throw ArchivePackageRequired()
        }
    }

    /// The archive package as a zip: `arkivmelding.xml`, `uttalelse.pdf` (PDF/A from LibreOffice) and
    /// the attachments (the map, the complaint summary) as PDF/A.
    public static func archivePackage(
        _ parts: (xml: String, pdf: Data, attachments: [ArchiveMessage.Attachment]), created: Date
    ) throws -> Data {
        try ZipPackage.make(
            [("arkivmelding.xml", Data(parts.xml.utf8)), ("uttalelse.pdf", parts.pdf)]
                + parts.attachments.map { ($0.fileName, $0.file) }, modified: created)
    }

    /// The archive message, the statement as PDF/A and its attachments as PDF/A.
    public static func archiveParts(
        _ draft: StatementDraft, review: ReviewStatus, agencyOfficer: String?, templates: TemplateSet, created: Date
    ) throws -> (xml: String, pdf: Data, attachments: [ArchiveMessage.Attachment]) {
        let text = StatementText.finalised(draft.markdown, route: draft.route, decided: review.decision)
        let document = StatementDocument(markdown: text)
        let title = StatementRenderer.title(document)
        // For the archive the map is a picture (PNG), so the PDF/A carries it as an image.
        let picture = try mapPicture(draft.mapSVG, archive: true)
        let docx = try DocxWriter.docx(
            document, title: title, author: draft.author, created: draft.createdAt, map: picture)
        let converter = PDFConverter()
        let pdf = try converter.pdfA(fromDocx: docx)
        var attachments: [ArchiveMessage.Attachment] = []
        if let picture {
            // The attachment stands alone in the archive: the table «Steder i nærheten» keys its numbers.
            let mapDocument = StatementDocument(
                markdown: "# Vedlegg: kart\n\n\(title)\n" + (mapKeyTable(text).map { "\n" + $0 + "\n" } ?? ""))
            let mapDocx = try DocxWriter.docx(
                mapDocument, title: "Vedlegg: kart", author: draft.author, created: draft.createdAt, map: picture)
            attachments.append(
                .init(title: "Kart med avstander", fileName: "vedlegg-kart.pdf", file: try converter.pdfA(fromDocx: mapDocx)))
        }
        if let summary = complaintSummary(text) {
            let summaryDocx = try DocxWriter.docx(
                StatementDocument(markdown: "# Vedlegg: oversikt over klager\n\n\(title)\n\n" + summary),
                title: "Vedlegg: oversikt over klager", author: draft.author, created: draft.createdAt)
            attachments.append(
                .init(
                    title: "Oversikt over klager", fileName: "vedlegg-klager.pdf",
                    file: try converter.pdfA(fromDocx: summaryDocx)))
        }
        let message = ArchiveMessage(
            title: title, author: draft.author, created: created,
            documentDate: OsloTime.today(at: draft.createdAt), sent: review.sentDate, recipientOfficer: agencyOfficer,
            agencyReference: draft.caseNumber.text, fileName: "uttalelse.pdf", file: pdf, attachments: attachments)
        return (message.xml(), pdf, attachments)
    }

    /// The map for a .docx: PNG with the SVG beside it where `rsvg-convert` is installed (PNG alone
    /// for the archive, so its PDF/A has the map as an image), else the SVG.
    static func mapPicture(_ svg: String?, archive: Bool) throws -> DocxWriter.MapPicture? {
        guard let svg else { return nil }
        guard let png = try MapRasterizer().png(fromSVG: svg) else { return .svg(svg) }
        return archive ? .png(png, size: DocxWriter.svgSize(svg)) : .pngWithSVG(png, svg: svg)
    }

    /// The statement's table of nearby sites (the section under "### Steder i nærheten"), whose
    /// numbers are the map's, to stand with the map in the archive's attachment; nil when it has none.
    public static func mapKeyTable(_ markdown: String) -> String? {
        guard let start = markdown.range(of: "### Steder i nærheten\n") else { return nil }
        let rest = markdown[start.upperBound...]
        let end = rest.range(of: "\n#")?.lowerBound ?? rest.endIndex
        let section = rest[..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        return section.isEmpty ? nil : "Nummerne i kartet:\n\n" + section
    }

    /// The complaint summary the statement carries as its attachment (the section under
    /// "### Oversikt over klager"), or nil when it has none.
    static func complaintSummary(_ markdown: String) -> String? {
        guard let start = markdown.range(of: "### Oversikt over klager\n") else { return nil }
        let rest = markdown[start.upperBound...]
        let end = rest.range(of: "\n#")?.lowerBound ?? rest.endIndex
        let section = rest[..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        return section.isEmpty ? nil : section
    }

    /// The archive message is written as a package (XML and PDF), never as one file.
    public struct ArchivePackageRequired: Error {}
}
