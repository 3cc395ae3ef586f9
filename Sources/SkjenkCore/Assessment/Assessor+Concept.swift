import Foundation

/// The venue's concept and target group as the policy's word lists read them (`konsept.ord`):
/// whole words and stems, so "vinklubb" is not "klubb".
struct ConceptReading {
    /// The word that made it a bar, pub or nightclub, if any.
    let barWord: String?
    /// The word that made it a restaurant or café, if any.
    let restaurantWord: String?
    /// The word that made the target group young, if any.
    let youngWord: String?

    init(_ venue: Venue, words: Policy.ConceptWords) {
        let concept = WordPattern.words(venue.concept ?? "")
        let target = WordPattern.words(venue.targetGroup ?? "")
        barWord = WordPattern.firstMatch(in: concept, of: words.bar)
        restaurantWord = WordPattern.firstMatch(in: concept, of: words.restaurant)
        youngWord = WordPattern.firstMatch(in: target + concept, of: words.young)
    }

    var isBar: Bool { barWord != nil }
    /// A restaurant or café that is not also a bar.
    var isRestaurant: Bool { restaurantWord != nil && barWord == nil }
}

/// Stedets karakter og målgruppe (alkoholloven § 1-7a): bar or restaurant, group 3, late hours,
/// a young target group, capacity and age limit. Group 3 alone never weighs for a restaurant
/// (DOMAIN.md, "Fairness in the evidence"); a missing age limit is unknown, never 18.
extension AssessmentWork {
    mutating func assessConcept() {
        var flags: [String] = []
        if let word = concept.barWord { flags.append("konseptet er et utested («\(word)»)") }
        if concept.isBar, hearing.alcoholGroups.contains(.group3) { flags.append("det søkes om alkoholgruppe 3") }
        if let end = ServingHours.latestEnd(hearing.servingPeriods.filter { $0.area == .indoor }),
            ServingHours.lateness(end) > ServingHours.lateness(Self.normalEnd)
        {
            flags.append("stedet søker skjenking inne til \(NorwegianFormat.time(end))")
        }
        // An age limit above the policy's young limit answers a young-sounding target group (and
        // speaks for the application, DOMAIN «Fairness»).
        let olderThanYoung = hearing.venue.ageLimit.map { $0 > policy.youngAgeLimit } ?? false
        if let word = concept.youngWord, !olderThanYoung { flags.append("målgruppen er unge voksne («\(word)»)") }
        if olderThanYoung, let age = hearing.venue.ageLimit, concept.isBar {
            inFavour.append(
                "Stedet har aldersgrense \(NorwegianFormat.number(age)) år, over \(NorwegianFormat.number(policy.youngAgeLimit)) "
                    + "år som bydelen regner som grensen for en ung målgruppe.")
        }
        if let capacity = hearing.venue.capacity?.indoor, capacity >= policy.largeCapacity {
            flags.append("stedet har plass til \(NorwegianFormat.number(capacity)) gjester inne")
        }
        if concept.isBar {
            if let age = hearing.venue.ageLimit {
                if age < policy.youngAgeLimit {
                    flags.append("aldersgrensen er \(NorwegianFormat.number(age)) år")
                    // A condition for a new place or a change; a place that has run as it is (a
                    // renewal, a new owner of the same place) is not given a new age limit on this
                    // sign alone: the policy counts it as a sign, not as a rule.
                    if !existingPlace {
                        conditions.append(
                            Condition(
                                subject: .ageLimit, text: "Aldersgrense på \(policy.youngAgeLimit) år.",
                                reason: "Stedet er et utested med aldersgrense \(age) år; bydelens alkoholpolitikk "
                                    + "regner en aldersgrense under \(policy.youngAgeLimit) år på et utested som tegn på "
                                    + "en ung målgruppe, og en høyere aldersgrense demper det."))
                    }
                }
            } else {
                uncertainties.append("Søknaden oppgir ingen aldersgrense; den er ikke vurdert.")
            }
        }
        // Outdoor group 3 near children: the usual condition (DOMAIN.md, "What a statement says"),
        // with the site it answers.
        if hearing.servingPeriods.contains(where: { $0.area == .outdoor && $0.groups.contains(.group3) }),
            (factors.first { $0.key == .children }?.score ?? 0) >= 2,
            let site = spatial?.nearbySites?.first(where: { [.school, .kindergarten, .youth].contains($0.category) })
        {
            conditions.append(
                Condition(
                    subject: .outdoorGroup3, text: "Det skjenkes ikke alkoholgruppe 3 ute.",
                    reason: "\(named(site)) ligger \(metres(site.distanceMeters)) fra "
                        + "stedet, og bydelen mener brennevin ikke bør skjenkes ute så nær et sted for barn og "
                        + "unge."))
        }
        // Signs counted against the policy's cut-offs (`vurdering.konsept_tegn_middels`, `_hoy`);
        // a single sign below them is noted.
        let signs = policy.judgement
        let score =
            flags.count >= signs.conceptSignsHigh
            ? 3 : (flags.count >= signs.conceptSignsMedium ? 2 : min(flags.count, 1))
        let described = hearing.venue.concept.map { "«\($0)»" } ?? "ikke oppgitt"
        let explanation: String
        switch score {
        case 0:
            explanation =
                concept.isRestaurant
                ? "Konseptet (\(described)) er et spisested, og verken målgruppe eller kapasitet gir grunn til "
                    + "bekymring."
                : "Konseptet (\(described)) gir ikke grunn til bekymring."
            inFavour.append(
                concept.isRestaurant
                    ? "Stedet er et spisested (konsept: \(described))." : "Konseptet gir ikke grunn til bekymring.")
        case 1: explanation = "Bydelen merker seg at \(flags[0]), men konseptet gir ellers ikke grunn til bekymring."
        default: explanation = "Stedets karakter taler for varsomhet: " + NorwegianFormat.list(flags) + "."
        }
        factors.append(
            Factor(
                key: .concept, criterion: .character, score: score, explanation: explanation, evidence: flags,
                summary: explanation))
    }

    /// The law's normal end of serving groups 1 and 2 (§ 4-4 first paragraph).
    static let normalEnd = try! TimeOfDay(hour: 1, minute: 0)
}
