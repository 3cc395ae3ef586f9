import Foundation

/// Beliggenhet (alkoholloven § 1-7a): who is near, and when; and the neighbours.
extension AssessmentWork {
    mutating func assessChildren(categories: Set<SiteCategory>) {
        proximityFactor(
            key: .children, categories: categories, subject: "barn og unge",
            noneText: hearing.permitType == .retailSale
                ? "Ingen skoler eller ungdomstilbud" : "Ingen skoler, barnehager, ungdomstilbud eller idrettsanlegg")
    }

    mutating func assessVulnerable() {
        proximityFactor(
            key: .vulnerable, categories: [.treatment], subject: "sårbare grupper",
            noneText: "Ingen tilbud for sårbare grupper (rus-, behandlings- eller botilbud)")
    }

    /// A factor for how close sites of `categories` are, against each category's bands
    /// (policy `avstander`). A site that is closed during all the requested hours (its register
    /// hours, else the policy's `aapningstider_steder` for its kind, said to be assumed) weighs
    /// `vurdering.stengt_sted_trekk` steps less (two by default, so it never weighs against the
    /// application on its own). At a renewal or a change
    /// of owner the place and its surroundings are as before: nearness is noted, not weighed.
    mutating func proximityFactor(key: FactorKey, categories: Set<SiteCategory>, subject: String, noneText: String) {
        guard let sites = spatial?.nearbySites else {
            notAssessed(
                key, .location,
                because: context.sites == nil
                    ? "bydelen har ikke oversikt over slike steder" : "stedets posisjon er ikke kjent")
            return
        }
        var best: (site: NearbySite, score: Int, band: String, closedNote: String?)?
        var within: [NearbySite] = []
        var evidence: [String] = []
        for site in sites where categories.contains(site.category) {
            guard let bands = policy.distances[site.category] else { continue }
            var score: Int
            let band: String
            if site.distanceMeters < bands.high {
                score = 3
                band = "under \(metres(bands.high))"
            } else if site.distanceMeters < bands.medium {
                score = 2
                band = "under \(metres(bands.medium))"
            } else {
                continue
            }
            var closedNote: String?
            let known = site.openingHours
            if let hours = known ?? policy.siteHours[site.category], !hearing.servingPeriods.isEmpty,
                !ServingHours.overlaps(hearing.servingPeriods, hours)
            {
                score = max(0, score - policy.judgement.closedSiteReduction)
                // «har åpent» reads right whatever the site's gender; «normalt» when the hours are the
                // policy's assumption for its kind, not the register's.
                closedNote = (known == nil ? "har normalt åpent " : "har åpent ") + hours.description
            }
            let shown = site.publicName(policy)
            evidence.append(
                (shown == site.category.label
                    ? "\(shown), \(metres(site.distanceMeters))"
                    : "\(site.category.label): \(shown), \(metres(site.distanceMeters))")
                    + (closedNote.map { " (\($0), stengt i de omsøkte tidene)" } ?? ""))
            within.append(site)
            if best == nil || score > best!.score { best = (site, score, band, closedNote) }
        }
        var score = best?.score ?? 0
        let explanation: String
        var summary: String?
        if let best {
            let site = best.site
            let near =
                "\(named(site)) ligger \(metres(site.distanceMeters)) fra stedet, \(best.band), som bydelen regner "
                + "som nært for \(site.category.label)."
            var text = near
            // Every other site within its band is named too: the letter never leaves out a school
            // or a youth club the district's own limits put near.
            let others = within.filter { $0 != site }.map { other -> String in
                let name = named(other)
                let shown = name.hasPrefix("Et ") ? "et " + name.dropFirst(3) : name
                return shown.hasSuffix(")")
                    ? shown.dropLast() + ", \(metres(other.distanceMeters)))"
                    : shown + " (\(metres(other.distanceMeters)))"
            }
            if !others.isEmpty {
                text += " Innenfor bydelens avstandsgrenser ligger også \(NorwegianFormat.list(others))."
            }
            if let note = best.closedNote {
                let name = named(site)
                let subject = name.hasPrefix("Et ") ? "Tilbudet" : name
                text += " \(subject) \(note) og er stengt i hele den omsøkte \(timeWord); nærheten veier derfor lite."
            } else if existingPlace, score >= 2 {
                score = 1
                text +=
                    " \(hearing.applicationType == .renewal ? "Ved fornyelse" : "Ved eierskifte") er stedet og "
                    + "omgivelsene de samme som før; bydelen merker seg nærheten, men den endres ikke av søknaden."
            } else {
                text += " Nærhet til \(subject) taler for varsomhet."
                summary = String(near.dropLast()) + ", og nærhet til \(subject) taler for varsomhet."
            }
            explanation = text
        } else {
            explanation = "\(noneText) ligger innenfor bydelens avstandsgrenser."
            inFavour.append(explanation)
        }
        factors.append(
            Factor(
                key: key, criterion: .location, score: score, explanation: explanation, evidence: evidence,
                summary: summary))
    }

    /// "Ila skole", "Fagerborg fritidsklubb (fritidsklubb/ungdomstilbud)": the kind in brackets
    /// only when the name does not already say it; "Et tilbud for sårbare grupper" when the policy
    /// describes vulnerable services by kind.
    func named(_ site: NearbySite) -> String {
        let shown = site.publicName(policy)
        if shown == site.category.label { return "Et \(shown)" }
        let name = shown.lowercased()
        let kinds = site.category.label.lowercased().split(separator: "/").map(String.init) + [site.category.code]
        return kinds.contains { name.contains($0) } ? shown : "\(shown) (\(site.category.label))"
    }

    /// A renewal or a change of owner: the place and its surroundings stay as they are.
    var existingPlace: Bool { hearing.applicationType == .renewal || hearing.applicationType == .changeOfOwner }

    /// "skjenketiden" or "salgstiden".
    var timeWord: String { hearing.permitType == .retailSale ? "salgstiden" : "skjenketiden" }

    // MARK: Neighbours and outdoor serving

    /// Homes near the outdoor area, courtyards (the zone's courtyard rule; hotels are not homes),
    /// and indoor night-time serving of a bar or a large place in a residential zone.
    mutating func assessNeighbours() {
        var score = 0
        var sentences: [String] = []
        var evidence: [String] = []
        var summary: String?
        let outdoor = hearing.servingPeriods.filter { $0.area == .outdoor }
        if let end = ServingHours.latestEnd(outdoor) {
            evidence.append("skjenking ute til \(NorwegianFormat.time(end))")
            sentences.append("Det er søkt om skjenking ute til \(NorwegianFormat.time(end)).")
            if let area = hearing.venue.outdoorArea {
                evidence.append(
                    "plassering: \(area.placement.label)"
                        + (area.facesHomes == true ? ", boliger mot arealet" : ""))
                if area.placement == .backyard, area.facesHomes == nil {
                    score = 2
                    let stop = courtyardLimits.servingStop
                    sentences.append(
                        "Uteserveringen ligger i en bakgård, og høringen oppgir ikke om boliger vender mot arealet. "
                            + "Vender boliger mot bakgården, skal stedet holde lukket der fra "
                            + "\(NorwegianFormat.time(courtyardLimits.closing)), og skjenkingen må opphøre "
                            + "\(NorwegianFormat.time(stop)).")
                    conditions.append(
                        Condition(
                            subject: .courtyard,
                            text: "Vender boliger mot bakgården, avsluttes skjenkingen der senest "
                                + "\(NorwegianFormat.time(stop)), og gjester skal ikke oppholde seg der etter "
                                + "\(NorwegianFormat.time(courtyardLimits.closing)).",
                            reason: "Det er ikke opplyst om boliger vender mot bakgården, og naboer til en bakgård "
                                + "er særlig utsatt for støy.",
                            closing: stop))
                    uncertainties.append("Høringen oppgir ikke om boliger vender mot bakgården.")
                    summary = "Uteserveringen ligger i en bakgård, og det er ikke opplyst om boliger vender mot den."
                } else if area.placement == .backyard, area.facesHomes == true {
                    sentences.append(
                        "Uteserveringen ligger i en bakgård med boliger mot arealet; der skal stedet holde lukket fra "
                            + "\(NorwegianFormat.time(courtyardLimits.closing)).")
                    if !refusals.contains(where: { $0.rule == .courtyard }) {
                        sentences.append("Den omsøkte tiden ute holder seg innenfor dette.")
                    }
                } else if area.facesHomes == false, area.placement == .backyard {
                    sentences.append(
                        "Uteserveringen ligger i en bakgård uten boliger mot arealet (hotellrom regnes ikke som "
                            + "boliger)."
                    )
                }
            }
        } else {
            sentences.append("Det er ikke søkt om skjenking ute.")
        }
        // Indoor serving at night in a residential zone: guests leave late past the neighbours.
        let indoorEnd = ServingHours.latestEnd(hearing.servingPeriods.filter { $0.area == .indoor })
        if zone == .residential, let indoorEnd,
            ServingHours.lateness(indoorEnd) > ServingHours.lateness(policy.lateIndoorServing),
            concept.isBar || (hearing.venue.capacity?.indoor ?? 0) >= policy.largeCapacity
        {
            // At a renewal or change of owner the night-time traffic is as before: noted.
            score = max(score, existingPlace ? 1 : 2)
            let kind = concept.isBar ? "en bar" : "et stort sted"
            sentences.append(
                "Stedet ligger i et boligområde og søker skjenking inne til \(NorwegianFormat.time(indoorEnd)). For "
                    + "\(kind) betyr det gjester som forlater stedet om natten, forbi boligene.")
            summary =
                "Stedet er \(kind) i et boligområde med skjenking inne til \(NorwegianFormat.time(indoorEnd)), og "
                + "gjestene forlater stedet om natten, forbi boligene."
            evidence.append("skjenking inne til \(NorwegianFormat.time(indoorEnd)) i boligområde")
        }
        if score == 0, !outdoor.isEmpty, !refusals.contains(where: { $0.area == .outdoor }) {
            inFavour.append("Skjenkingen ute holder seg innenfor det som gjelder for sonen.")
        }
        factors.append(
            Factor(
                key: .neighbours, criterion: .location, score: score, explanation: sentences.joined(separator: " "),
                evidence: evidence, summary: summary))
    }

    /// Closing and serving stop in a courtyard facing homes, in this zone: the zone's courtyard
    /// rule, never later than the zone's outdoor hours.
    var courtyardLimits: (closing: TimeOfDay, servingStop: TimeOfDay) {
        let hours = policy.zoneHours[zone]
        let outdoor =
            hours?.limits(.outdoor)
            ?? (closing: ServingHours.latestLegalEnd, servingStop: ServingHours.latestLegalEnd)
        guard let closing = hours?.courtyardClosing, let stop = hours?.courtyardServingStop,
            ServingHours.lateness(stop) < ServingHours.lateness(outdoor.servingStop)
        else { return outdoor }
        return (closing, stop)
    }
}
