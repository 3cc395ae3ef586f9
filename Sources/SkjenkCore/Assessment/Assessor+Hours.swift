import Foundation

/// Stedets karakter: the requested hours against the law (alkoholloven §§ 4-4 and 3-7) and the
/// zone's opening hours in Oslo's regulation. An hour that cannot be granted becomes a part-refusal
/// that names the part and the lawful alternative.
extension AssessmentWork {
    mutating func assessHours() {
        guard !hearing.servingPeriods.isEmpty else {
            factors.append(
                Factor(
                    key: .hours, criterion: .character, score: 0,
                    explanation: "Søknaden oppgir ingen skjenketider.", evidence: []))
            uncertainties.append("Søknaden oppgir ingen skjenketider; tidene er ikke vurdert mot sonens skjenketid.")
            return
        }
        var score = 0
        var sentences: [String] = []
        let evidence = hearing.servingPeriods.map { "\($0.area.label) \(NorwegianFormat.period($0))" }
        if hearing.applicationType == .change {
            // The hearing gives every period, changed or not; the change is described in words only.
            uncertainties.append(
                "Søknaden gjelder endring (\(hearing.change ?? "ikke beskrevet")); alle tidene i høringen er "
                    + "vurdert, "
                    + "også de som eventuelt gjelder i dag og ikke endres.")
        }
        for area in [ServingArea.indoor, .outdoor] {
            let periods = hearing.servingPeriods.filter { $0.area == area }
            guard !periods.isEmpty else { continue }
            score = max(score, checkStart(periods, area))
            score = max(score, checkGroup3(periods, area))
            let (excessScore, sentence) = checkServingStop(periods, area)
            score = max(score, excessScore)
            if let sentence { sentences.append(sentence) }
        }
        if refusals.isEmpty {
            let areas = [ServingArea.indoor, .outdoor].filter { area in
                hearing.servingPeriods.contains { $0.area == area }
            }
            // The requested hours and the zone's limits, each named for what it is.
            let requested = areas.compactMap { area in
                ServingHours.latestEnd(hearing.servingPeriods.filter { $0.area == area }).map {
                    "\(area.label) til \(NorwegianFormat.time($0))"
                }
            }
            let stops = areas.map { "\(NorwegianFormat.time(limits($0).servingStop)) \($0.label)" }
            let within =
                "Omsøkt skjenking \(NorwegianFormat.list(requested)) holder seg innenfor det som gjelder i "
                + "\(zone.label), der skjenkingen skal opphøre senest \(NorwegianFormat.list(stops)), før stedet skal "
                + "holde lukket, og innenfor alkohollovens rammer (§ 4-4)."
            sentences.append(within)
            inFavour.append("De omsøkte skjenketidene holder seg innenfor sonens skjenketid og alkohollovens rammer.")
        } else {
            // The serving-stop sentences above already give their reason; the rest are said here.
            for refusal in refusals where refusal.rule != .servingStop && refusal.rule != .courtyard {
                sentences.append("\(NorwegianFormat.capitalized(refusal.part)) kan ikke tilrås: \(refusal.reason).")
            }
        }
        factors.append(
            Factor(
                key: .hours, criterion: .character, score: score, explanation: sentences.joined(separator: " "),
                evidence: evidence))
    }

    /// Closing and serving stop for `area` in the zone; outdoors in a courtyard that homes face,
    /// the courtyard rule when it is stricter.
    func limits(_ area: ServingArea) -> (closing: TimeOfDay, servingStop: TimeOfDay, courtyard: Bool) {
        let zoneLimits =
            policy.zoneHours[zone]?.limits(area)
            ?? (closing: ServingHours.latestLegalEnd, servingStop: ServingHours.latestLegalEnd)
        if area == .outdoor, let outdoor = hearing.venue.outdoorArea, outdoor.placement == .backyard,
            outdoor.facesHomes == true
        {
            let courtyard = courtyardLimits
            if ServingHours.lateness(courtyard.servingStop) < ServingHours.lateness(zoneLimits.servingStop) {
                return (courtyard.closing, courtyard.servingStop, true)
            }
        }
        return (zoneLimits.closing, zoneLimits.servingStop, false)
    }

    /// § 4-4's start: never 03.00–06.00, and groups 1–2 not before the district's earliest start.
    mutating func checkStart(_ periods: [ServingPeriod], _ area: ServingArea) -> Int {
        let earliest = policy.earliestServingStart
        let early = periods.filter { $0.from.minutes >= 3 * 60 && $0.from < earliest }
        guard !early.isEmpty else { return 0 }
        let unlawful = early.contains { $0.from < ServingHours.earliestLegalStart }
        refusals.append(
            PartRefusal(
                rule: .outerLimits,
                part: "skjenking \(area.label) før \(NorwegianFormat.time(earliest))\(daysNote(early))",
                reason: unlawful
                    ? "alkoholloven § 4-4 tillater ikke skjenking mellom kl. 03.00 og kl. 06.00"
                    : "skjenking kan etter alkoholloven § 4-4 starte \(NorwegianFormat.time(earliest)) når kommunen "
                        + "ikke har fastsatt noe annet",
                alternative: "skjenking \(area.label) fra \(NorwegianFormat.time(earliest))", area: area,
                limit: earliest))
        return 2
    }

    /// § 4-4 on group 3: never before 13.00, and never later than groups 1 and 2 on the same day
    /// and area.
    mutating func checkGroup3(_ periods: [ServingPeriod], _ area: ServingArea) -> Int {
        var score = 0
        let group3 = periods.filter { $0.groups.contains(.group3) }
        guard !group3.isEmpty else { return 0 }
        let early = group3.filter { $0.from.minutes >= 3 * 60 && $0.from < ServingHours.group3Start }
        if !early.isEmpty {
            score = 2
            refusals.append(
                PartRefusal(
                    rule: .group3BeforeOnePM,
                    part: "skjenking av alkoholgruppe 3 \(area.label) før kl. 13.00\(daysNote(early))",
                    reason: "alkoholloven § 4-4 tillater ikke skjenking av alkoholgruppe 3 før kl. 13.00",
                    alternative: "skjenking av alkoholgruppe 3 \(area.label) fra kl. 13.00", area: area,
                    limit: ServingHours.group3Start))
        }
        // Per day: the latest end of groups 1–2 against the latest end of group 3.
        var daysByLimit: [Int: Set<Weekday>] = [:]
        for day in Weekday.allCases {
            let today = periods.filter { $0.days.contains(day) }
            let lower = today.filter { !$0.groups.isDisjoint(with: [.group1, .group2]) }
                .map { ServingHours.lateness($0.to) }.max()
            guard let upper = today.filter({ $0.groups.contains(.group3) }).map({ ServingHours.lateness($0.to) }).max(),
                upper > (lower ?? -1)
            else { continue }
            daysByLimit[lower ?? -1, default: []].insert(day)
        }
        for (limit, days) in daysByLimit.sorted(by: { $0.key < $1.key }) {
            score = 2
            let note = days.count == Weekday.allCases.count ? "" : " (\(NorwegianFormat.days(days)))"
            let reason =
                "skjenketiden for alkoholgruppe 3 kan ikke gå ut over skjenketiden for gruppe 1 og 2 "
                + "(alkoholloven § 4-4)"
            if limit < 0 {
                refusals.append(
                    PartRefusal(
                        rule: .group3AfterGroups12,
                        part: "skjenking av alkoholgruppe 3 \(area.label) uten skjenking av gruppe 1 og 2\(note)",
                        reason: reason, alternative: "skjenking av alkoholgruppe 3 \(area.label) bare når gruppe 1 og 2 skjenkes",
                        area: area))
            } else {
                let end = ServingHours.fromLateness(limit)
                refusals.append(
                    PartRefusal(
                        rule: .group3AfterGroups12,
                        part: "skjenking av alkoholgruppe 3 \(area.label) etter \(NorwegianFormat.time(end))\(note)",
                        reason: reason,
                        alternative:
                            "skjenking av alkoholgruppe 3 \(area.label) til \(NorwegianFormat.time(end)), som gruppe 1 og 2",
                        area: area, limit: end))
            }
        }
        return score
    }

    /// The zone's serving stop (or the courtyard's): serving later cannot be granted.
    mutating func checkServingStop(_ periods: [ServingPeriod], _ area: ServingArea) -> (Int, String?) {
        let limit = limits(area)
        let stop = ServingHours.lateness(limit.servingStop)
        let over = periods.filter { ServingHours.lateness($0.to) > stop || ServingHours.outsideServingDay($0) }
        guard let latest = ServingHours.latestEnd(over) else { return (0, nil) }
        let pastLaw = over.contains { ServingHours.outsideServingDay($0) }
        let excess = ServingHours.lateness(latest) - stop
        var reason =
            limit.courtyard
            ? "uteserveringen ligger i en bakgård med boliger mot arealet, der stedet skal holde lukket fra "
                + "\(NorwegianFormat.time(limit.closing)); skjenkingen må derfor opphøre "
                + NorwegianFormat.time(limit.servingStop)
            : "skjenkingen må opphøre \(NorwegianFormat.time(limit.servingStop)) fordi stedet skal holde lukket "
                + "\(area.label) fra \(NorwegianFormat.time(limit.closing)) i \(zone.label)"
        if pastLaw { reason += ", og alkoholloven § 4-4 tillater ikke skjenking mellom kl. 03.00 og kl. 06.00" }
        let refused = PartRefusal(
            rule: limit.courtyard ? .courtyard : .servingStop,
            part: "skjenking \(area.label) etter \(NorwegianFormat.time(limit.servingStop))\(daysNote(over))",
            reason: reason, alternative: "skjenking \(area.label) til \(NorwegianFormat.time(limit.servingStop))",
            area: area, limit: limit.servingStop)
        refusals.append(refused)
        let gap = ServingHours.lateness(limit.closing) - stop
        // A requested end equal to the closing time is most likely the opening hours written as
        // serving hours: the sentence names the closing time as such, so the applicant sees the half
        // hour before it, not a cut in the hours; the serving after the stop is still refused.
        let sentence: String
        if pastLaw {
            sentence = "\(NorwegianFormat.capitalized(refused.part)) kan ikke tilrås: \(reason)."
        } else if latest == limit.closing {
            sentence =
                "Søknaden oppgir skjenking \(area.label) til \(NorwegianFormat.time(latest)), som er stedets "
                + "stengetid \(area.label)\(limit.courtyard ? " i bakgården" : ""). Skjenkingen må etter "
                + "forskriften opphøre \(NorwegianFormat.duration(minutes: gap)) før, "
                + "\(NorwegianFormat.time(limit.servingStop)), og skjenking etter det kan ikke tilrås."
        } else {
            sentence =
                "Omsøkt skjenking \(area.label) til \(NorwegianFormat.time(latest)) er "
                + "\(NorwegianFormat.duration(minutes: excess)) etter skjenkestopp "
                + "\(NorwegianFormat.time(limit.servingStop)), og kan ikke tilrås: \(reason)."
        }
        // An unlawful hour always weighs; a lawful excess by how far it goes past the serving stop
        // (`vurdering.overskridelse_skjenkestopp_minutter`).
        return (pastLaw || excess > policy.judgement.servingStopExcessMinutes ? 2 : 1, sentence)
    }

    /// " (fredag og lørdag)" when `periods` do not cover every day.
    func daysNote(_ periods: [ServingPeriod]) -> String {
        let days = periods.reduce(into: Set<Weekday>()) { $0.formUnion($1.days) }
        return days.count == Weekday.allCases.count ? "" : " (\(NorwegianFormat.days(days)))"
    }

    // MARK: Retail sale

    /// Salgstid (alkoholloven § 3-7): weekdays to 20.00, days before Sundays and public holidays to
    /// 18.00, no sale on Sundays, public holidays, 1 and 17 May; the policy may only narrow them.
    mutating func assessRetailSale() {
        let periods = hearing.servingPeriods
        let weekdayClosing = policy.saleClosingWeekdays
        let eveClosing = policy.saleClosingEve
        let workdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
        var sentences: [String] = []
        let before = refusals.count
        func refuse(_ part: String, _ reason: String, _ alternative: String, limit: TimeOfDay? = nil) {
            refusals.append(
                PartRefusal(rule: .saleHours, part: part, reason: reason, alternative: alternative, limit: limit))
        }
        if periods.contains(where: { $0.days.contains(.sunday) }) {
            refuse(
                "salg på søndager", "alkoholloven § 3-7 tillater ikke salg på søn- og helligdager",
                "salg mandag til lørdag")
        }
        if periods.contains(where: { $0.from < policy.saleOpening }) {
            refuse(
                "salg før \(NorwegianFormat.time(policy.saleOpening))",
                "salget kan tidligst starte \(NorwegianFormat.time(policy.saleOpening)) (alkoholloven § 3-7)",
                "salg fra \(NorwegianFormat.time(policy.saleOpening))", limit: policy.saleOpening)
        }
        let lateWorkdays = periods.filter {
            !$0.days.isDisjoint(with: workdays) && ($0.to > weekdayClosing || $0.crossesMidnight)
        }
        if !lateWorkdays.isEmpty {
            refuse(
                "salg etter \(NorwegianFormat.time(weekdayClosing)) mandag til fredag",
                "salget skal stenge \(NorwegianFormat.time(weekdayClosing)) mandag til fredag (dager før søn- og "
                    + "helligdager tidligere)"
                    + (weekdayClosing < RetailSaleCalendar.lawWeekdayClosing
                        ? " etter kommunens salgstid" : " (alkoholloven § 3-7)"),
                "salg til \(NorwegianFormat.time(weekdayClosing)) mandag til fredag", limit: weekdayClosing)
        }
        if periods.contains(where: { $0.days.contains(.saturday) && ($0.to > eveClosing || $0.crossesMidnight) }) {
            refuse(
                "salg etter \(NorwegianFormat.time(eveClosing)) på lørdager",
                "på dager før søn- og helligdager skal salget stenge \(NorwegianFormat.time(eveClosing)) "
                    + "(alkoholloven § 3-7)",
                "salg til \(NorwegianFormat.time(eveClosing)) på lørdager", limit: eveClosing)
        }
        if periods.isEmpty {
            uncertainties.append("Søknaden oppgir ingen salgstider; tidene er ikke vurdert.")
            sentences.append("Søknaden oppgir ingen salgstider.")
        } else if refusals.count == before {
            sentences.append("Salgstidene holder seg innenfor alkohollovens og kommunens rammer.")
            inFavour.append("Salgstidene holder seg innenfor alkohollovens rammer.")
        } else {
            for refusal in refusals[before...] {
                sentences.append("\(NorwegianFormat.capitalized(refusal.part)) kan ikke tilrås: \(refusal.reason).")
            }
        }
        sentences.append(
            "Etter alkoholloven § 3-7 er salg ikke tillatt på søn- og helligdager, 1. og 17. mai, og på dager før "
                + "søn- og helligdager stenger salget \(NorwegianFormat.time(eveClosing)), unntatt dagen før "
                + "Kristi himmelfartsdag.")
        let special = RetailSaleCalendar.specialDays(
            from: context.today, days: 60, weekdayClosing: weekdayClosing, eveClosing: eveClosing)
        let upcoming = special.prefix(4).map { day -> String in
            switch day.rule {
            case .closed(let reason): return "\(NorwegianFormat.dayMonth(day.date)) (\(reason), stengt)"
            case .open(let until, let reason):
                let why = reason.map { "\($0), " } ?? ""
                return "\(NorwegianFormat.dayMonth(day.date)) (\(why)til \(NorwegianFormat.time(until)))"
            }
        }
        if !upcoming.isEmpty {
            sentences.append("De nærmeste dagene med egne salgstider er \(NorwegianFormat.list(upcoming)).")
        }
        factors.append(
            Factor(
                key: .saleHours, criterion: .character, score: refusals.count > before ? 2 : 0,
                explanation: sentences.joined(separator: " "),
                evidence: periods.map { NorwegianFormat.period($0) }))
    }
}

extension ServingHours {
    /// The clock time `minutes` after 06:00.
    static func fromLateness(_ minutes: Int) -> TimeOfDay {
        let value = (minutes + dayStart) % 1_440
        return try! TimeOfDay(hour: value / 60, minute: value % 60)
    }
}
