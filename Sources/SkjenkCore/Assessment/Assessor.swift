import Foundation

/// The assessment of a hearing (alkoholloven § 1-7a): a pure function of the hearing, the
/// registers, the policy and the day. Every factor says what it rests on; what cannot be known
/// (no position, no register) is stated as an uncertainty, never counted as nothing.
public enum Assessor {
    public static func assess(_ hearing: Hearing, context: AssessmentContext) -> Assessment {
        var work = AssessmentWork(hearing: hearing, context: context)
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

/// One assessment in progress: the factors, refusals, conditions and uncertainties gathered so far.
struct AssessmentWork {
    let hearing: Hearing
    let context: AssessmentContext
    var policy: Policy { context.policy }
    var factors: [Factor] = []
    var refusals: [PartRefusal] = []
    var conditions: [Condition] = []
    var uncertainties: [String] = []
    /// What speaks for the application, one sentence each (for the weighing).
    var inFavour: [String] = []
    var spatial: SpatialEvidence?
    var complaintSummary: ComplaintSummary?
    var zone: Zone = .residential
    /// The concept as the policy's word lists read it.
    let concept: ConceptReading

    init(hearing: Hearing, context: AssessmentContext) {
        self.hearing = hearing
        self.context = context
        concept = ConceptReading(hearing.venue, words: context.policy.conceptWords)
    }

    mutating func run() {
        locateZone()
        gatherSpatialEvidence()
        if hearing.permitType == .retailSale {
            // Salgsbevilling (alkoholloven kapittel 3): children, vulnerable groups, sale hours, density.
            assessChildren(categories: [.school, .youth])
            assessVulnerable()
            assessRetailSale()
            assessDensity()
        } else {
            assessChildren(categories: [.school, .kindergarten, .youth, .sports])
            assessVulnerable()
            // Hours first: the neighbours factor reads the courtyard refusal.
            assessHours()
            assessNeighbours()
            assessDensity()
            assessConcept()
        }
        assessComplaints()
        assessPenaltyPoints()
    }

    /// The zone: the hearing's, the zone register's, or the policy's default (said as uncertain).
    mutating func locateZone() {
        if let given = hearing.zone {
            zone = given
        } else if hearing.permitType == .retailSale {
            // Sale hours are the law's (§ 3-7): the zone is not used, and nothing is uncertain about it.
            zone = policy.defaultZone
        } else if let point = hearing.venue.position?.geographic,
            let area = context.zones?.first(where: { $0.contains(point) })
        {
            zone = area.zone
            uncertainties.append(
                "Næringsetaten har ikke oppgitt sone; etter kommunens soneinndeling ligger stedet i "
                    + "\(zone.label)" + (area.name.map { " (\($0))" } ?? "") + ".")
        } else {
            zone = policy.defaultZone
            uncertainties.append(
                "Næringsetaten har ikke oppgitt sone"
                    + (context.zones == nil ? "" : ", og stedet ligger ikke i noe område i kommunens soneinndeling")
                    + "; bydelen har lagt \(zone.label) til grunn.")
        }
    }

    mutating func gatherSpatialEvidence() {
        if let point = hearing.venue.position?.geographic {
            spatial = SpatialEvidence.gather(at: point, ownName: hearing.venue.name, context: context)
            if context.sites == nil {
                uncertainties.append(
                    "Bydelen har ikke oversikt over skoler, barnehager og andre sårbare steder rundt stedet; "
                        + "avstanden til slike steder er ikke vurdert.")
            }
            if context.venues == nil {
                uncertainties.append(
                    "Bydelen har ikke oversikt over andre steder med bevilling i området; tettheten er ikke vurdert.")
            }
        } else {
            let address = "«\(hearing.venue.address.street), \(hearing.venue.address.postalCode)»"
            let reason: String
            switch context.positionLookups[hearing.caseNumber.key] {
            case .notFound: reason = ", og adressen \(address) er ikke funnet i kartgrunnlaget"
            case .noRegister: reason = ", og bydelen har ikke kartgrunnlag for adressen"
            default: reason = ""
            }
            uncertainties.append(
                "Næringsetaten har ikke oppgitt stedets posisjon\(reason); avstand til sårbare steder og tetthet "
                    + "av skjenkesteder er derfor ikke vurdert.")
        }
        if case .found(let address) = context.positionLookups[hearing.caseNumber.key] {
            uncertainties.append(
                "Næringsetaten har ikke oppgitt stedets posisjon; bydelen har plassert stedet etter adressen "
                    + "(\(address.street), \(address.postalCode)).")
        }
    }

    func result() -> Assessment {
        let weighted = { (factors: [Factor]) in
            factors.reduce(0.0) { $0 + Double($1.score) * (self.policy.weights[$1.criterion] ?? 1) }
        }
        let total = weighted(factors)
        let overall = level(total)
        // The level the application would have without the parts the district advises against.
        let withoutRefused = level(weighted(factors.filter { !$0.key.isHours }))
        let finished = factors.map { factor in
            var withGoal = factor
            withGoal.goal = policy.goals[factor.criterion]
            return withGoal
        }
        let recommendation = Recommendation.derive(
            factors: finished, level: overall, levelWithoutRefusedHours: withoutRefused, refusals: refusals,
            conditions: conditions, inFavour: inFavour,
            isRenewal: hearing.applicationType == .renewal)
        return Assessment(
            caseNumber: hearing.caseNumber.text, level: overall, totalScore: total, factors: finished,
            nearbySites: spatial?.nearbySites ?? [],
            venueDensity: spatial?.venueCount.map { VenueDensity(radiusMeters: policy.densityRadius, count: $0) },
            complaints: complaintSummary, recommendation: recommendation, uncertainties: uncertainties, zone: zone,
            zoneGiven: hearing.zone != nil)
    }

    func level(_ total: Double) -> RiskLevel {
        total >= policy.levels.high ? .high : (total >= policy.levels.medium ? .medium : .low)
    }

    // MARK: Density

    /// Antall salgs- og skjenkesteder: licensed venues within the policy's radius. Only a new place
    /// (or a change that widens one) adds to the number: at a renewal, a change of owner or a single
    /// occasion the count is described, not weighed.
    mutating func assessDensity() {
        guard let count = spatial?.venueCount else {
            notAssessed(
                .density, .numberOfVenues,
                because: context.venues == nil
                    ? "bydelen har ikke oversikt over steder med bevilling" : "stedets posisjon er ikke kjent")
            return
        }
        let radius = metres(policy.densityRadius)
        let places = "\(NorwegianFormat.count(count, "sted", "steder")) med bevilling innenfor \(radius)"
        var score = 0
        var explanation = "Det er \(places)."
        var dense = false
        var reason = ""
        switch policy.density {
        case .absolute(let thresholds):
            score = Double(count) >= thresholds.high ? 3 : (Double(count) >= thresholds.medium ? 2 : 0)
            dense = score >= 2
            reason =
                dense
                ? " Bydelen regner \(NorwegianFormat.number(Int(thresholds.medium))) eller flere som høy tetthet."
                : " Det er under bydelens grense på \(NorwegianFormat.number(Int(thresholds.medium)))."
        case .relative(let mediumPercentile, let highPercentile):
            if let cut = context.densityCutoffs {
                score = count >= cut.high ? 3 : (count >= cut.medium ? 2 : 0)
                dense = score >= 2
                // The cut-off is a percentile of the district's places: at least that share of them
                // has as many or fewer around it (ties make it more, never fewer), which is what the
                // sentence claims, and no more.
                let (percentile, limit) = score == 3 ? (highPercentile, cut.high) : (mediumPercentile, cut.medium)
                let share = NorwegianFormat.number(Int(percentile.rounded()))
                reason =
                    dense
                    ? " Minst \(share) prosent av bydelens steder med bevilling har like mange eller færre steder "
                        + "rundt seg; bydelen regner \(NorwegianFormat.number(limit)) eller flere som "
                        + "\(score == 3 ? "svært høy" : "høy") tetthet."
                    : " Bydelen regner \(NorwegianFormat.number(cut.medium)) eller flere som høy tetthet (minst "
                        + "\(share) prosent av bydelens steder har like mange eller færre rundt seg); stedet ligger "
                        + "under dette."
            } else {
                reason = " Bydelen har for få steder i oversikten til å sammenligne med bydelens øvrige steder."
            }
        }
        explanation += reason
        var summary: String?
        switch hearing.applicationType {
        case .new, .change:
            if dense {
                let what = hearing.applicationType == .new ? "et nytt sted" : "utvidet drift"
                explanation += " I et slikt område øker \(what) belastningen i nærmiljøet."
                summary =
                    "Det er \(places), en \(score == 3 ? "svært høy" : "høy") tetthet der \(what) øker belastningen "
                    + "i nærmiljøet."
            }
        case .renewal, .changeOfOwner, .singleOccasion:
            score = 0
            if dense {
                explanation +=
                    hearing.applicationType == .singleOccasion
                    ? " En enkelt anledning endrer ikke antallet steder i området."
                    : " Søknaden endrer ikke antallet steder i området."
            }
        }
        // Only where density is weighed (a new place or a change) does a low one speak for it.
        if !dense, [.new, .change].contains(hearing.applicationType) {
            inFavour.append("Tettheten av steder med bevilling rundt stedet er ikke høy (\(places)).")
        }
        factors.append(
            Factor(
                key: .density, criterion: .numberOfVenues, score: score, explanation: explanation, evidence: [places],
                summary: summary))
    }

    /// A factor that cannot be weighed, saying why (the reason also goes under uncertainties
    /// where the caller adds it).
    mutating func notAssessed(_ key: FactorKey, _ criterion: Criterion, because reason: String) {
        factors.append(
            Factor(key: key, criterion: criterion, score: 0, explanation: "Ikke vurdert: \(reason).", evidence: []))
    }

    // MARK: Formatting

    func metres(_ value: Double) -> String { "\(NorwegianFormat.decimal(value.rounded(), maximumFractionDigits: 0)) m" }
}
