import Foundation

/// The assessment of a hearing (alkoholloven § 1-7a): a pure function of the hearing, the
/// registers, the policy and the day. Every factor says what it rests on; what cannot be known
/// (no position, no register) is stated as an uncertainty, never counted as nothing.
public enum Assessor {
    public static func assess(_ hearing: Hearing, context: AssessmentContext) -> Assessment {
        var work = Work(hearing: hearing, context: context)
        work.run()
        return work.result()
    }

    /// Assesses many hearings on every core, in order.
    public static func assessAll(_ hearings: [Hearing], context: AssessmentContext) -> [Assessment] {
        ParallelMap.map(hearings) { assess($0, context: context) }
    }
}

/// `map` over an array on every core, keeping the order.
enum ParallelMap {
    static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        let parts = items.count < 64 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
        guard parts > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let slots = Slots(results)
        let chunk = (items.count + parts - 1) / parts
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            for index in (part * chunk)..<min(items.count, (part + 1) * chunk) {
                slots.buffer[index] = transform(items[index])
            }
        }
        return results.map { $0! }
    }

    /// Each index is written by exactly one iteration, and read after all have finished.
    private struct Slots<U>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<U?>

        init(_ buffer: UnsafeMutableBufferPointer<U?>) {
            self.buffer = buffer
        }
    }
}

/// One assessment in progress.
private struct Work {
    let hearing: Hearing
    let context: AssessmentContext
    var policy: Policy { context.policy }
    var factors: [Factor] = []
    var conditions: [String] = []
    var uncertainties: [String] = []
    var spatial: SpatialEvidence?
    var complaintSummary: ComplaintSummary?
    var zone: Zone = .residential

    init(hearing: Hearing, context: AssessmentContext) {
        self.hearing = hearing
        self.context = context
    }

    mutating func run() {
        if let given = hearing.zone {
            zone = given
        } else if let point = hearing.venue.position?.geographic,
            let area = context.zones?.first(where: { $0.contains(point) })
        {
            zone = area.zone
            uncertainties.append(
                "Høringen oppgir ikke sone; etter soneregisteret ligger stedet i «\(zone.label)»"
                    + (area.name.map { " (\($0))" } ?? "") + ".")
        } else {
            zone = policy.defaultZone
            uncertainties.append(
                "Høringen oppgir ikke sone"
                    + (context.zones == nil ? "" : ", og stedet ligger ikke i noe område i soneregisteret")
                    + "; bydelens standardsone «\(zone.label)» er lagt til grunn.")
        }
        if let point = hearing.venue.position?.geographic {
            spatial = SpatialEvidence.gather(at: point, ownName: hearing.venue.name, context: context)
            if context.sites == nil {
                uncertainties.append(
                    "Ingen register over skoler, barnehager og andre sårbare steder er lagt inn; "
                        + "avstanden til slike steder er ikke vurdert.")
            }
            if context.venues == nil {
                uncertainties.append(
                    "Ingen register over steder med bevilling er lagt inn; tettheten av steder er ikke vurdert.")
            }
        } else {
            let address = "«\(hearing.venue.address.street), \(hearing.venue.address.postalCode)»"
            let reason: String
            switch context.positionLookups[hearing.caseNumber.key] {
            case .notFound: reason = ", og adressen \(address) finnes ikke i adresseregisteret"
            case .noRegister: reason = ", og adresseregisteret er ikke lagt inn"
            default: reason = ""
            }
            uncertainties.append(
                "Stedet har ingen posisjon i høringen\(reason); avstand til sårbare steder og tetthet av "
                    + "skjenkesteder er derfor ikke vurdert.")
        }
        if case .found(let address) = context.positionLookups[hearing.caseNumber.key] {
            uncertainties.append(
                "Høringen oppgir ingen posisjon; stedet er plassert etter adresseregisteret (\(address.street), "
                    + "\(address.postalCode)).")
        }
        if hearing.permitType == .retailSale {
            assessRetailSale()
        } else {
            assessChildren(categories: [.school, .kindergarten, .youth, .sports])
            assessVulnerable()
            assessNeighbours()
            assessHours()
            assessDensity()
            assessConcept()
        }
        assessComplaints()
        assessPenaltyPoints()
    }

    // MARK: Public order

    /// Complaints about the venue: by the holder's organisation number, by the address (so the
    /// history stays with the place when the owner changes) and within the policy's radius.
    mutating func assessComplaints() {
        guard let index = context.complaintIndex else {
            uncertainties.append("Klager på stedet er ikke vurdert: klageloggen er ikke tilgjengelig.")
            notAssessed("complaints", .publicOrder, because: "klageloggen er ikke tilgjengelig")
            return
        }
        let today = context.today
        let windowStart = today.adding(months: -policy.complaintMonths)
        let recentStart = today.adding(months: -policy.recentMonths)
        let street = StreetKey.make(hearing.venue.address.street)
        let point = hearing.venue.position?.geographic
        let holder = hearing.applicant.organisationNumber
        // Candidates by holder, by address and by distance, each complaint once, in log order.
        var candidates = Set(index.byHolder[holder] ?? [])
        candidates.formUnion(index.byStreet[street] ?? [])
        if let point, let spatial = index.spatial {
            candidates.formUnion(spatial.within(policy.complaintRadius, of: point).map(\.element))
        }
        let matched = candidates.sorted().map { index.complaints[$0] }.filter { complaint in
            !complaint.unfounded && complaint.incidentDate > windowStart && complaint.incidentDate <= today
        }
        // One episode reported by many counts once, at its latest report.
        var episodes: [Int64: [Complaint]] = [:]
        for (index, complaint) in matched.enumerated() {
            episodes[complaint.episodeId ?? complaint.id ?? Int64(-1 - index), default: []].append(complaint)
        }
        var weighted = 0.0
        var byCategory: [ComplaintCategory: Int] = [:]
        var recent = 0
        for reports in episodes.values {
            let latest = reports.map(\.incidentDate).max() ?? today
            let isRecent = latest > recentStart
            if isRecent { recent += 1 }
            weighted += isRecent ? policy.recentWeight : 1
            for category in Set(reports.flatMap(\.categories)) { byCategory[category, default: 0] += 1 }
        }
        complaintSummary = ComplaintSummary(total: matched.count, episodes: episodes.count, byCategory: byCategory)
        let score = weighted >= policy.complaints.high ? 3 : (weighted >= policy.complaints.medium ? 2 : 0)
        let counts = byCategory.sorted { ($0.value, $1.key.label) > ($1.value, $0.key.label) }
            .map { "\($0.key.label) (\($0.value))" }
        var explanation: String
        if episodes.isEmpty {
            explanation =
                "Bydelen har ikke registrert klager på stedet, på adressen eller innen "
                + "\(metres(policy.complaintRadius)) de siste \(policy.complaintMonths) månedene."
        } else {
            explanation =
                "Bydelen har registrert \(matched.count) \(matched.count == 1 ? "klage" : "klager") om "
                + "\(episodes.count) \(episodes.count == 1 ? "episode" : "episoder") på stedet, på adressen eller innen "
                + "\(metres(policy.complaintRadius)) de siste \(policy.complaintMonths) månedene: "
                + NorwegianFormat.list(counts) + "."
            if recent > 0 { explanation += " \(recent) av episodene er fra de siste \(policy.recentMonths) månedene." }
            if hearing.applicationType == .changeOfOwner {
                explanation += " Klagene følger stedet og adressen, også når eieren skifter."
            }
        }
        factors.append(
            Factor(
                key: "complaints", criterion: .publicOrder, score: score, explanation: explanation,
                evidence: counts))
    }

    // MARK: Earlier operation

    mutating func assessPenaltyPoints() {
        guard let register = context.penaltyPoints else {
            uncertainties.append("Prikker fra Næringsetaten er ikke vurdert: prikklisten er ikke lagt inn.")
            notAssessed("points", .earlierOperation, because: "prikklisten fra Næringsetaten er ikke lagt inn")
            return
        }
        let today = context.today
        // The last two years, counted back from today (from 29 February, back to 28 February).
        let windowStart =
            (try? LocalDate(year: today.year - 2, month: today.month, day: today.day))
            ?? (try? LocalDate(year: today.year - 2, month: today.month, day: 28)) ?? today
        let holder = hearing.applicant.organisationNumber
        let own = (register[holder] ?? []).filter { $0.date > windowStart && $0.date <= today }
        let total = own.reduce(0) { $0 + $1.points }
        var evidence = own.map {
            "\(NorwegianFormat.date($0.date)): \($0.points) \($0.points == 1 ? "prikk" : "prikker"), \($0.reason) (\($0.venueName))"
        }
        let score =
            Double(total) >= policy.penaltyPoints.high
            ? 3 : (Double(total) >= policy.penaltyPoints.medium ? 2 : (total > 0 ? 1 : 0))
        var explanation =
            total == 0
            ? "\(hearing.applicant.name) (org.nr. \(holder.formatted)) har ikke fått prikker de siste to årene."
            : "\(hearing.applicant.name) (org.nr. \(holder.formatted)) har fått \(total) prikker de siste to årene."
        if total >= 12 {
            explanation +=
                " Tolv prikker eller mer innen to år gir inndragning av bevillingen i én uke (alkoholforskriften § 10-3)."
        }
        if hearing.applicationType == .changeOfOwner {
            let earlier = (context.penaltyPointsByVenue[hearing.venue.name.lowercased()] ?? []).filter {
                $0.organisationNumber != holder && $0.date > windowStart
            }
            let earlierTotal = earlier.reduce(0) { $0 + $1.points }
            if earlierTotal > 0 {
                explanation +=
                    " Tidligere innehaver fikk \(earlierTotal) prikker på stedet; ved eierskifte starter "
                    + "prikkberegningen på nytt, så de teller ikke for ny eier."
                evidence += earlier.map {
                    "tidligere innehaver \($0.organisationNumber.formatted), \(NorwegianFormat.date($0.date)): \($0.points) prikker"
                }
            }
        }
        factors.append(
            Factor(
                key: "points", criterion: .earlierOperation, score: score, explanation: explanation,
                evidence: evidence))
    }

    func result() -> Assessment {
        let total = factors.reduce(0.0) { $0 + Double($1.score) * (policy.weights[$1.criterion] ?? 1) }
        let level: RiskLevel = total >= policy.levels.high ? .high : (total >= policy.levels.medium ? .medium : .low)
        return Assessment(
            caseNumber: hearing.caseNumber.text, level: level, totalScore: total,
            factors: factors.map { factor in
                var withGoal = factor
                withGoal.goal = policy.goals[factor.criterion]
                return withGoal
            },
            nearbySites: spatial?.nearbySites ?? [],
            venueDensity: spatial?.venueCount.map { VenueDensity(radiusMeters: policy.densityRadius, count: $0) },
            complaints: complaintSummary, conditions: conditions, uncertainties: uncertainties, zone: zone,
            zoneGiven: hearing.zone != nil)
    }

    // MARK: Location

    mutating func assessChildren(categories: Set<SiteCategory>) {
        proximityFactor(
            key: "children", categories: categories,
            subject: "barn og unge", noneText: "Ingen skoler, barnehager, ungdomstilbud eller idrettsanlegg")
    }

    mutating func assessVulnerable() {
        proximityFactor(
            key: "vulnerable", categories: [.treatment], subject: "sårbare grupper",
            noneText: "Ingen rus- eller behandlingstilbud")
    }

    /// A factor for how close sites of `categories` are, against each category's bands.
    mutating func proximityFactor(key: String, categories: Set<SiteCategory>, subject: String, noneText: String) {
        guard let sites = spatial?.nearbySites else {
            notAssessed(
                key, .location, because: context.sites == nil ? "stedsregisteret mangler" : "stedet har ingen posisjon")
            return
        }
        var score = 0
        var evidence: [String] = []
        var closest: (NearbySite, String)?
        for site in sites where categories.contains(site.category) {
            guard let bands = policy.distances[site.category] else { continue }
            let band: String
            if site.distanceMeters < bands.high {
                score = max(score, 3)
                band = "under \(metres(bands.high))"
            } else if site.distanceMeters < bands.medium {
                score = max(score, 2)
                band = "under \(metres(bands.medium))"
            } else {
                continue
            }
            evidence.append("\(site.category.label): \(site.name), \(metres(site.distanceMeters))")
            if closest == nil { closest = (site, band) }
        }
        let explanation: String
        if let (site, band) = closest {
            explanation =
                "\(site.name) (\(site.category.label)) ligger \(metres(site.distanceMeters)) fra stedet, "
                + "\(band), som bydelen regner som nært for \(site.category.label). Nærhet til \(subject) taler for "
                + "varsomhet."
        } else {
            explanation = "\(noneText) ligger innenfor bydelens avstandsgrenser."
        }
        factors.append(
            Factor(key: key, criterion: .location, score: score, explanation: explanation, evidence: evidence))
    }

    // MARK: Neighbours and outdoor serving

    mutating func assessNeighbours() {
        let outdoor = hearing.servingPeriods.filter { $0.area == .outdoor }
        guard let closing = ServingHours.latestClosing(outdoor) else {
            factors.append(
                Factor(
                    key: "neighbours", criterion: .location, score: 0,
                    explanation: "Det er ikke søkt om skjenking ute.", evidence: []))
            return
        }
        var score = 0
        var evidence = ["uteservering til \(NorwegianFormat.time(closing))"]
        var explanation = "Det er søkt om uteservering til \(NorwegianFormat.time(closing))."
        if let area = hearing.venue.outdoorArea {
            evidence.append(
                "plassering: \(area.placement.label)" + (area.facesHomes == true ? ", boliger mot arealet" : ""))
            let courtyard = area.placement == .backyard || area.facesHomes == true
            if courtyard, ServingHours.lateness(closing) > ServingHours.lateness(policy.courtyardClosing) {
                score = 3
                explanation +=
                    " Arealet ligger i bakgård eller har boliger mot seg, og bydelen legger til grunn at "
                    + "uteservering der avsluttes senest \(NorwegianFormat.time(policy.courtyardClosing)) av hensyn til naboene."
                conditions.append(
                    "Uteserveringen i bakgården avsluttes senest \(NorwegianFormat.time(policy.courtyardClosing)), "
                        + "og gjester skal ikke oppholde seg der etter dette.")
            }
        }
        if score == 0, zone == .residential || zone == .outsideCentre,
            let norm = policy.zoneNorms[zone], ServingHours.lateness(closing) > ServingHours.lateness(norm.outdoor)
        {
            score = 2
            explanation +=
                " Stedet ligger i \(zone.label), der uteservering normalt avsluttes \(NorwegianFormat.time(norm.outdoor)); "
                + "lengre tid ute gir støy for naboer."
        }
        if score == 0 { explanation += " Dette er innenfor normen for sonen." }
        factors.append(
            Factor(key: "neighbours", criterion: .location, score: score, explanation: explanation, evidence: evidence))
    }

    // MARK: Hours

    mutating func assessHours() {
        guard !hearing.servingPeriods.isEmpty else {
            factors.append(
                Factor(
                    key: "hours", criterion: .character, score: 0,
                    explanation: "Søknaden oppgir ingen skjenketider.", evidence: []))
            uncertainties.append("Søknaden oppgir ingen skjenketider; tidene er ikke vurdert mot normen.")
            return
        }
        var score = 0
        var evidence: [String] = []
        var sentences: [String] = []
        for period in hearing.servingPeriods {
            evidence.append("\(period.area.label) \(NorwegianFormat.period(period))")
            if let problem = ServingHours.legalProblem(period) {
                score = 3
                sentences.append(
                    "Perioden \(period.area.label) \(NorwegianFormat.period(period)) strider mot loven: \(problem).")
            }
        }
        let norm = policy.zoneNorms[zone]
        for area in [ServingArea.indoor, .outdoor] {
            guard let norm, let closing = ServingHours.latestClosing(hearing.servingPeriods.filter { $0.area == area })
            else { continue }
            let limit = area == .indoor ? norm.indoor : norm.outdoor
            let excess = ServingHours.lateness(closing) - ServingHours.lateness(limit)
            guard excess > 0 else { continue }
            score = max(score, excess > 60 ? 2 : 1)
            evidence.append("norm \(area.label) i \(zone.label): \(NorwegianFormat.time(limit))")
            sentences.append(
                "Omsøkt skjenketid \(area.label) til \(NorwegianFormat.time(closing)) er \(duration(excess)) lengre "
                    + "enn normen \(NorwegianFormat.time(limit)) for \(zone.label).")
            conditions.append(
                area == .indoor
                    ? "Skjenketiden inne avsluttes senest \(NorwegianFormat.time(limit))."
                    : "Uteserveringen avsluttes senest \(NorwegianFormat.time(limit)).")
        }
        let explanation =
            sentences.isEmpty
            ? "De omsøkte skjenketidene er innenfor normen for \(zone.label) og lovens rammer."
            : sentences.joined(separator: " ")
        factors.append(
            Factor(key: "hours", criterion: .character, score: score, explanation: explanation, evidence: evidence))
    }

    // MARK: Density

    mutating func assessDensity() {
        guard let count = spatial?.venueCount else {
            notAssessed(
                "density", .numberOfVenues,
                because: context.venues == nil
                    ? "registeret over steder med bevilling mangler" : "stedet har ingen posisjon")
            return
        }
        let score = Double(count) >= policy.density.high ? 3 : (Double(count) >= policy.density.medium ? 2 : 0)
        let radius = metres(policy.densityRadius)
        let explanation =
            "Det er \(count) \(count == 1 ? "sted" : "steder") med bevilling innenfor \(radius). "
            + (score >= 2
                ? "Bydelen regner \(Int(policy.density.medium)) eller flere som en høy tetthet, der et nytt "
                    + "sted øker belastningen i nærmiljøet."
                : "Det er under bydelens grense på \(Int(policy.density.medium)).")
        factors.append(
            Factor(
                key: "density", criterion: .numberOfVenues, score: score, explanation: explanation,
                evidence: ["\(count) \(count == 1 ? "sted" : "steder") innenfor \(radius)"]))
    }

    // MARK: Concept and target group

    mutating func assessConcept() {
        let words = [hearing.venue.concept, hearing.venue.targetGroup].compactMap { $0?.lowercased() }.joined(
            separator: " ")
        let barWords = ["bar", "pub", "nattklubb", "klubb", "diskotek", "cocktail", "dans"]
        let youngWords = ["student", "ung", "unge"]
        var flags: [String] = []
        let isBar = barWords.contains { words.contains($0) }
        if isBar { flags.append("konseptet er bar, pub eller nattklubb") }
        if hearing.alcoholGroups.contains(.group3) { flags.append("det søkes om alkoholgruppe 3") }
        if let closing = ServingHours.latestClosing(hearing.servingPeriods.filter { $0.area == .indoor }),
            ServingHours.lateness(closing) > 19 * 60
        {  // later than 01:00
            flags.append("skjenketiden går ut over kl. 01.00")
        }
        let young = youngWords.contains { words.contains($0) }
        if young { flags.append("målgruppen er unge voksne") }
        if isBar, (hearing.venue.ageLimit ?? 18) < policy.youngAgeLimit {
            flags.append("aldersgrensen er under \(policy.youngAgeLimit) år")
            conditions.append("Aldersgrense på \(policy.youngAgeLimit) år.")
        }
        if let capacity = hearing.venue.capacity?.indoor, capacity >= policy.largeCapacity {
            flags.append("stedet har plass til \(capacity) gjester inne")
        }
        if hearing.alcoholGroups.contains(.group3), (factors.first { $0.key == "children" }?.score ?? 0) >= 2,
            hearing.servingPeriods.contains(where: { $0.area == .outdoor && $0.groups.contains(.group3) })
        {
            conditions.append("Det skjenkes ikke alkoholgruppe 3 ute.")
        }
        let score = flags.count >= 4 ? 3 : (flags.count >= 2 ? 2 : (flags.isEmpty ? 0 : 1))
        let explanation =
            flags.isEmpty
            ? "Konseptet (\(hearing.venue.concept ?? "ikke oppgitt")) gir ikke særlig grunn til bekymring."
            : "Stedets karakter taler for varsomhet: " + NorwegianFormat.list(flags) + "."
        factors.append(
            Factor(key: "concept", criterion: .character, score: score, explanation: explanation, evidence: flags))
    }

    // MARK: Retail sale

    mutating func assessRetailSale() {
        assessChildren(categories: [.school, .youth])
        var score = 0
        var evidence: [String] = []
        var sentences: [String] = []
        for period in hearing.servingPeriods {
            evidence.append(NorwegianFormat.period(period))
            if period.days.contains(.sunday) {
                score = 3
                sentences.append("Salg på søndager er ikke tillatt (alkoholloven § 3-7).")
            }
            let weekdays = period.days.subtracting([.saturday, .sunday])
            if !weekdays.isEmpty, ServingHours.lateness(period.to) > ServingHours.lateness(policy.saleClosingWeekdays) {
                score = max(score, 3)
                sentences.append(
                    "Salg til \(NorwegianFormat.time(period.to)) på hverdager er etter \(NorwegianFormat.time(policy.saleClosingWeekdays))."
                )
            }
            if period.days.contains(.saturday),
                ServingHours.lateness(period.to) > ServingHours.lateness(policy.saleClosingSaturday)
            {
                score = max(score, 3)
                sentences.append(
                    "Salg til \(NorwegianFormat.time(period.to)) på lørdager er etter \(NorwegianFormat.time(policy.saleClosingSaturday))."
                )
            }
        }
        if hearing.servingPeriods.isEmpty {
            uncertainties.append("Søknaden oppgir ingen salgstider; tidene er ikke vurdert.")
        }
        let explanation =
            sentences.isEmpty
            ? (hearing.servingPeriods.isEmpty
                ? "Søknaden oppgir ingen salgstider." : "Salgstidene er innenfor lovens og bydelens rammer.")
            : sentences.joined(separator: " ")
        if score > 0 {
            conditions.append(
                "Salg avsluttes senest \(NorwegianFormat.time(policy.saleClosingWeekdays)) på hverdager og "
                    + "\(NorwegianFormat.time(policy.saleClosingSaturday)) på lørdager, og ikke på søndager.")
        }
        factors.append(
            Factor(key: "saleHours", criterion: .character, score: score, explanation: explanation, evidence: evidence))
        assessDensity()
    }

    /// A factor that cannot be weighed, saying why (the reason also goes under uncertainties
    /// where the caller adds it).
    mutating func notAssessed(_ key: String, _ criterion: Criterion, because reason: String) {
        factors.append(
            Factor(key: key, criterion: criterion, score: 0, explanation: "Ikke vurdert: \(reason).", evidence: []))
    }

    // MARK: Formatting

    func metres(_ value: Double) -> String { "\(NorwegianFormat.decimal(value.rounded(), maximumFractionDigits: 0)) m" }

    func duration(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        switch (hours, rest) {
        case (0, _): return "\(rest) minutter"
        case (_, 0): return hours == 1 ? "én time" : "\(hours) timer"
        default: return "\(hours) t \(rest) min"
        }
    }
}
