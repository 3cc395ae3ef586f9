import Foundation
import SkjenkCore

/// Turns a hearing, its assessment and the officer's choices into a `StatementView`.
public enum StatementComposer {
    /// The view of one statement; `mapSVG` is the map (`StatementMap`), when the venue has a position.
    public static func view(
        hearing: Hearing, assessment: Assessment, policy: Policy, options: StatementOptions, mapSVG: String?
    ) -> StatementView {
        let h = hearing
        let serving = h.permitType == .serving
        let applicationKind = h.applicationType.label
        let permitKind = h.permitType.label
        let zone = assessment.zone
        var facts = applicationFacts(h)
        // The zone decides serving hours only; a shop's sale hours are the law's (§ 3-7).
        if serving {
            facts.append(
                StatementView.Fact(
                    label: "Sone",
                    value: zone.label + (assessment.zoneGiven ? "" : " (ikke oppgitt av Næringsetaten; se forbehold)")))
        }
        if let capacity = h.venue.capacity {
            var parts: [String] = []
            if let indoor = capacity.indoor { parts.append("\(NorwegianFormat.decimal(Double(indoor))) inne") }
            if let outdoor = capacity.outdoor { parts.append("\(NorwegianFormat.decimal(Double(outdoor))) ute") }
            if !parts.isEmpty { facts.append(.init(label: "Kapasitet", value: NorwegianFormat.list(parts))) }
        }
        if let area = h.venue.outdoorArea {
            var text = area.placement.label
            if let size = area.squareMetres { text += ", \(NorwegianFormat.decimal(size)) m²" }
            if area.facesHomes == true { text += ", mot boliger" }
            facts.append(.init(label: "Uteservering", value: text))
        }
        if let age = h.venue.ageLimit { facts.append(.init(label: "Aldersgrense", value: "\(age) år")) }

        let periods = requestedPeriods(h)

        // Sites nearest first, numbered as on the map; equal distances in Norwegian order.
        let sortedSites = assessment.nearbySites.sorted {
            $0.distanceMeters != $1.distanceMeters
                ? $0.distanceMeters < $1.distanceMeters : NorwegianOrder.less($0.name, $1.name)
        }
        let sites = sortedSites.enumerated().map { index, site in
            StatementView.Site(
                number: index + 1, category: site.category.label,
                name: site.publicName(policy) == site.category.label ? "(navn utelatt)" : site.name,
                distance: "\(NorwegianFormat.decimal(site.distanceMeters.rounded(), maximumFractionDigits: 0)) m")
        }

        let criteria = Criterion.allCases.compactMap { criterion -> StatementView.CriterionSection? in
            let factors = assessment.factors.filter { $0.criterion == criterion }
            guard !factors.isEmpty else { return nil }
            // Quoted in the letter («…»), so without the policy text's own full stop.
            var goal = (policy.goals[criterion] ?? "").trimmingCharacters(in: .whitespaces)
            if goal.hasSuffix(".") { goal.removeLast() }
            return StatementView.CriterionSection(
                key: criterion.code, heading: heading(criterion, permit: h.permitType),
                factors: factors.map {
                    StatementView.FactorText(
                        key: $0.key.rawValue, explanation: $0.explanation, evidence: $0.evidence,
                        hasEvidence: !$0.evidence.isEmpty, weighs: $0.score >= 2, weighsHeavily: $0.score >= 3)
                }, goal: goal, hasGoal: !goal.isEmpty)
        }
        var goals: [String] = []
        for section in criteria where section.hasGoal && !goals.contains(section.goal) { goals.append(section.goal) }

        let complaints = assessment.complaints
        let counts = ComplaintCategory.allCases.compactMap { category -> StatementView.CategoryCount? in
            guard let count = complaints?.byCategory[category], count > 0 else { return nil }
            return StatementView.CategoryCount(category: category.label, count: count, episodes: episodes(count))
        }
        let period = "de siste \(policy.complaintMonths) månedene"
        let complaintSummary: String
        if let complaints, complaints.total > 0 {
            complaintSummary =
                "Bydelen har registrert \(reports(complaints.total)) om \(episodes(complaints.episodes)) på stedet "
                + "eller adressen \(period)."
        } else if complaints != nil {
            complaintSummary = "Bydelen har ikke registrert klager på stedet \(period)."
        } else {
            complaintSummary = "Bydelens klagelogg er ikke lest for denne uttalelsen."
        }

        let density = assessment.venueDensity.map {
            "\(NorwegianFormat.count($0.count, "sted", "steder")) med bevilling innenfor "
                + "\(NorwegianFormat.decimal($0.radiusMeters)) m"
        }
        let conditions = [.noRemarks, .remarks].contains(options.outcome) ? [] : assessment.conditions
        let refusals = [.partialRefusal, .against].contains(options.outcome) ? assessment.refusals : []
        let weighing = assessment.weighing
        var attachments: [String] = []
        if mapSVG != nil { attachments.append("Kart med avstander til skoler, barnehager og andre steder") }
        if complaints.map({ $0.total > 0 }) == true { attachments.append("Oversikt over klager") }

        // A council decides in its meeting: the answer leaves then, not when the draft is written.
        var answerDate = options.date
        var lateReason = ""
        if case .council(let body, let meeting, _) = options.route, meeting > answerDate {
            answerDate = meeting
            if meeting > h.deadline {
                lateReason = StatementText.lateReason(options.route) ?? ""
            }
        }
        let district = policy.district
        let districtName = district?.name ?? "Bydel \(h.district)"
        // The director signs a delegated statement (the route may name someone else); a council's
        // statement is sent with the district's name.
        var signer: String?
        if case .delegated(let signatory) = options.route {
            signer = signatory.flatMap { $0.isEmpty ? nil : $0 } ?? district?.directorName
        }
        let contact = district.map { d in
            [
                d.postalAddress, d.visitingAddress.map { "besøksadresse \($0)" }, d.phone.map { "telefon \($0)" },
                d.email, d.web, "org.nr. \(d.organisationNumber.formatted)",
            ].compactMap { $0 }.joined(separator: " · ")
        }
        let letterhead = StatementView.Letterhead(
            title: "\(districtName) – høringsuttalelse til søknad om \(permitKind), \(h.venue.name), "
                + h.venue.address.street,
            districtName: districtName, agencyLetterDate: NorwegianFormat.longDate(h.sent), signerName: signer,
            signerTitle: district?.directorTitle ?? "bydelsdirektør", districtContact: contact, district: h.district,
            venueName: h.venue.name, address: h.venue.address.singleLine, agencyCaseNumber: h.caseNumber.text,
            agencyOfficer: h.agencyOfficer?.name,
            ourReference: options.ourReference ?? district?.reference(for: h.caseNumber),
            date: NorwegianFormat.longDate(options.date), deadline: NorwegianFormat.longDate(h.deadline),
            officer: options.officer)
        let application = StatementView.Application(
            kind: h.applicationType, applicationKind: applicationKind, permitKind: permitKind, isServing: serving,
            change: h.change, applicant: h.applicant.name, organisationNumber: h.applicant.organisationNumber.formatted,
            zone: zone.label, groups: groupsText(h.alcoholGroups), facts: facts, periods: periods,
            closing: closing(h.servingPeriods), concept: h.venue.concept, targetGroup: h.venue.targetGroup)
        let findings = StatementView.Findings(
            level: assessment.level.rawValue, criteria: criteria, sites: sites, density: density,
            complaintCounts: counts, complaintSummary: complaintSummary, goals: goals,
            uncertainties: assessment.uncertainties)
        let decision = StatementView.Decision(
            outcome: options.outcome,
            remarkTopics: NorwegianFormat.list(
                Criterion.allCases.filter { c in assessment.factors.contains { $0.criterion == c && $0.score >= 2 } }
                    .map(\.label)),
            conditions: conditions.enumerated().map {
                StatementView.Numbered(number: $0.offset + 1, text: $0.element.text, reason: $0.element.reason)
            },
            refusals: refusals.map {
                StatementView.Refusal(
                    heading: NorwegianFormat.capitalized($0.part), part: $0.part, reason: $0.reason,
                    alternative: $0.alternative)
            },
            weighingAgainst: weighing.against, weighingFor: weighing.inFavour,
            weighingConclusion: options.outcome == assessment.outcome ? weighing.conclusion : "",
            route: options.route, late: answerDate > h.deadline, lateReason: lateReason, agencyRemark: h.remark)
        return StatementView(
            short: options.length.isShort(
                h.applicationType, outcome: options.outcome, shortKinds: policy.shortStatementKinds),
            letterhead: letterhead, application: application, findings: findings, decision: decision,
            mapSVG: mapSVG, attachments: attachments)
    }

    /// The facts of the application every document about it states alike: applicant with
    /// organisation number, venue and address, kind of application and permit, and drink groups.
    /// Holds no personal data beyond the applicant company.
    public static func applicationFacts(_ h: Hearing) -> [StatementView.Fact] {
        [
            StatementView.Fact(
                label: "Søker", value: "\(h.applicant.name), org.nr. \(h.applicant.organisationNumber.formatted)"),
            StatementView.Fact(label: "Sted", value: "\(h.venue.name), \(h.venue.address.singleLine)"),
            StatementView.Fact(label: "Søknaden gjelder", value: "\(h.applicationType.label) (\(h.permitType.label))"),
            StatementView.Fact(label: "Alkoholgrupper", value: groupsText(h.alcoholGroups)),
        ]
    }

    /// The serving or sale periods the application asks for, as the statement lists them.
    public static func requestedPeriods(_ h: Hearing) -> [StatementView.Period] {
        h.servingPeriods.map { period in
            StatementView.Period(
                area: period.area.label, groups: groupsText(period.groups),
                days: period.everyDay ? "alle dager" : NorwegianFormat.list(period.days.sorted().map(\.label)),
                hours: "\(NorwegianFormat.clock(period.from))–\(NorwegianFormat.clock(period.to))")
        }
    }

    /// The criterion's heading; the hours are what the permit governs: serving or sale hours
    /// (the opening hours are the regulation's, and a different thing).
    static func heading(_ criterion: Criterion, permit: PermitType) -> String {
        switch criterion {
        case .location: "Beliggenhet: barn og unge, sårbare grupper og nabolaget"
        case .numberOfVenues: "Antall salgs- og skjenkesteder"
        case .character:
            "Stedets karakter, målgruppe og \(permit == .retailSale ? "salgstider" : "skjenketider")"
        case .publicOrder: "Trafikk- og ordensmessige forhold"
        case .earlierOperation: "Tidligere drift"
        }
    }

    /// "gruppe 1, 2 og 3".
    static func groupsText(_ groups: Set<AlcoholGroup>) -> String {
        "gruppe " + NorwegianFormat.list(groups.sorted().map { String($0.rawValue) })
    }

    /// "03.00/01.00": the latest closing inside and outside (a closing after midnight is later).
    /// The latest requested end per area in words: "inne kl. 01.00, ute kl. 22.00" (never
    /// "01.00/22.00", which Oslo's practice reads as closing time/serving stop).
    static func closing(_ periods: [ServingPeriod]) -> String {
        let ends = [ServingArea.indoor, .outdoor].compactMap { area in
            ServingHours.latestEnd(periods.filter { $0.area == area }).map { "\(area.label) \(NorwegianFormat.time($0))" }
        }
        return ends.isEmpty ? "ikke oppgitt" : ends.joined(separator: ", ")
    }

    /// "én episode", "to episoder": numbers to twelve in words in running text.
    static func episodes(_ count: Int) -> String {
        NorwegianFormat.count(count, "episode", "episoder", gender: .common)
    }

    static func reports(_ count: Int) -> String { NorwegianFormat.count(count, "klage", "klager", gender: .common) }
}

/// Norwegian alphabetical order: æ, ø and å after z, case ignored.
public enum NorwegianOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        key(a).lexicographicallyPrecedes(key(b))
    }

    /// The sort key: letters mapped so that z < æ < ø < å.
    static func key(_ text: String) -> [UInt32] {
        text.lowercased().unicodeScalars.map { scalar in
            switch scalar {
            case "æ", "ä": 0x7B
            case "ø", "ö": 0x7C
            case "å": 0x7D
            default: scalar.value
            }
        }
    }
}
