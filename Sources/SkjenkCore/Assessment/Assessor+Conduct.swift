import Foundation

/// Trafikk- og ordensmessige forhold and tidligere bevilling (alkoholloven § 1-7a): the district's
/// complaints about the venue, and Næringsetaten's penalty points (alkoholforskriften kapittel 10).
extension AssessmentWork {
    /// Complaints about the venue itself score: by the holder's organisation number (unless the
    /// complaint names another street: the company's other place), or by the address, so the
    /// history stays with the place when the owner changes. Complaints about other venues within
    /// the policy's radius describe the area and are never charged to the applicant.
    mutating func assessComplaints() {
        guard let index = context.complaintIndex else {
            uncertainties.append("Klager på stedet er ikke vurdert: bydelens klageoversikt er ikke lest.")
            notAssessed(.complaints, .publicOrder, because: "bydelens klageoversikt er ikke lest")
            return
        }
        let today = context.today
        let windowStart = today.adding(months: -policy.complaintMonths)
        let counted = { (complaint: Complaint) in
            !complaint.unfounded && complaint.incidentDate > windowStart && complaint.incidentDate <= today
        }
        let own = Set(index.venueComplaints(of: hearing))
        var nearby: Set<Int> = []
        if let point = hearing.venue.position?.geographic, let spatial = index.spatial {
            nearby = Set(spatial.within(policy.complaintRadius, of: point).map(\.element)).subtracting(own)
        }
        let ownComplaints = own.sorted().map { index.complaints[$0] }.filter(counted)
        let areaComplaints = nearby.sorted().map { index.complaints[$0] }.filter(counted)
        let (episodes, weighted, recent, byCategory) = episodeCounts(ownComplaints)
        let areaEpisodes = episodeCounts(areaComplaints).episodes
        complaintSummary = ComplaintSummary(
            total: ownComplaints.count, episodes: episodes, byCategory: byCategory,
            nearbyEpisodes: areaEpisodes)
        let score = weighted >= policy.complaints.high ? 3 : (weighted >= policy.complaints.medium ? 2 : 0)
        // «to om støy og én om uro/vold»: counts in words, not «støy (2)» inside a bracket of its own.
        let counts = byCategory.sorted { ($0.value, $1.key.label) > ($1.value, $0.key.label) }
            .map { "\(NorwegianFormat.number($0.value, gender: .common)) om \($0.key.label)" }
        let months = NorwegianFormat.number(policy.complaintMonths)
        var explanation: String
        if episodes == 0 {
            explanation = "Bydelen har ikke registrert klager på stedet eller adressen de siste \(months) månedene."
            // Only a place that has been run counts its quiet record (a new place has none to praise).
            if hearing.applicationType != .new && hearing.applicationType != .singleOccasion {
                inFavour.append("Bydelen har ikke registrert klager på stedet.")
            }
        } else {
            explanation =
                "Bydelen har registrert \(Self.complaintsText(ownComplaints.count))"
                + " om \(Self.episodesText(episodes)) på stedet eller "
                + "adressen de siste \(months) månedene: " + NorwegianFormat.list(counts) + "."
            if recent > 0 {
                explanation +=
                    " \(NorwegianFormat.capitalized(NorwegianFormat.number(recent, gender: .common))) av episodene er "
                    + "fra de siste \(NorwegianFormat.number(policy.recentMonths)) månedene."
            }
            if hearing.applicationType == .changeOfOwner {
                explanation +=
                    " Klagene gjelder driften på adressen før eierskiftet. De regnes ikke som søkerens egen "
                    + "historikk, men viser belastningen for naboene om stedet drives videre på samme måte."
            }
        }
        if areaEpisodes > 0 {
            explanation +=
                " I området rundt (innenfor \(metres(policy.complaintRadius))) har bydelen registrert "
                + "\(Self.episodesText(areaEpisodes)) med klager på andre "
                + "steder; de beskriver situasjonen i området og regnes ikke mot søkeren."
        }
        // A condition answers repeated episodes of one kind (`vurdering.gjentatte_episoder`, two by
        // default), never a single one: disorder, drugs, minors or over-serving call for guards;
        // noise for closed doors.
        let repeated = policy.judgement.repeatedEpisodes
        let order: [ComplaintCategory] = [.disorder, .drugs, .minors, .overserving]
        let orderEpisodes = order.reduce(0) { $0 + (byCategory[$1] ?? 0) }
        let orderCategories = order.filter { byCategory[$0] != nil }.map(\.label)
        if score >= 2, orderEpisodes >= repeated {
            conditions.append(
                Condition(
                    subject: .guards,
                    text: "Stedet har godkjente ordensvakter fredag og lørdag fra kl. 22.00 til stengetid.",
                    reason:
                        "Bydelen har registrert \(Self.episodesText(orderEpisodes)) "
                        + "med klager på stedet om \(NorwegianFormat.list(orderCategories))."))
        } else if score >= 2, let noise = byCategory[.noise], noise >= repeated {
            conditions.append(
                Condition(
                    subject: .noise,
                    text: "Dører og vinduer holdes lukket når det spilles musikk, og musikken skal ikke høres i "
                        + "boligene rundt.",
                    reason:
                        "Bydelen har registrert \(Self.episodesText(noise)) "
                        + "med klager på støy fra stedet."))
        }
        let summary =
            episodes == 0
            ? nil
            : "Bydelen har registrert \(Self.episodesText(episodes)) med "
                + "klager på stedet de siste \(months) månedene (\(NorwegianFormat.list(counts)))."
        factors.append(
            Factor(
                key: .complaints, criterion: .publicOrder, score: score, explanation: explanation, evidence: counts,
                summary: summary))
    }

    /// Episodes (one episode reported by many counts once, at its latest report), their weighted
    /// count, how many are recent, and episodes per category.
    func episodeCounts(
        _ complaints: [Complaint]
    ) -> (
        episodes: Int, weighted: Double, recent: Int, byCategory: [ComplaintCategory: Int]
    ) {
        let recentStart = context.today.adding(months: -policy.recentMonths)
        var episodes: [Int64: [Complaint]] = [:]
        for (index, complaint) in complaints.enumerated() {
            episodes[complaint.episodeId ?? complaint.id ?? Int64(-1 - index), default: []].append(complaint)
        }
        var weighted = 0.0
        var recent = 0
        var byCategory: [ComplaintCategory: Int] = [:]
        for reports in episodes.values {
            let latest = reports.map(\.incidentDate).max() ?? context.today
            let isRecent = latest > recentStart
            if isRecent { recent += 1 }
            weighted += isRecent ? policy.recentWeight : 1
            for category in Set(reports.flatMap(\.categories)) { byCategory[category, default: 0] += 1 }
        }
        return (episodes.count, weighted, recent, byCategory)
    }

    // MARK: Earlier operation

    /// Penalty points (alkoholforskriften kapittel 10). A permit for a single occasion is outside
    /// the points system (§ 10-1): no factor. Twelve points within two years, counted by the dates
    /// of the breaches, mean withdrawal (§ 10-2): every two-year window is checked. At a renewal the
    /// whole previous permit period (four years, alkoholloven §§ 1-6 and 1-7a) is weighed; otherwise
    /// the last two years. A company without permit history is told apart from one that kept clean,
    /// and only a holder renewing its own permit is credited for having no points.
    mutating func assessPenaltyPoints() {
        guard hearing.applicationType != .singleOccasion else { return }
        guard let register = context.penaltyPoints else {
            uncertainties.append(
                "Bydelen har ikke Næringsetatens oversikt over prikker; tidligere drift er ikke vurdert.")
            notAssessed(.points, .earlierOperation, because: "bydelen har ikke Næringsetatens oversikt over prikker")
            return
        }
        let today = context.today
        let renewal = hearing.applicationType == .renewal
        let twoYears = Self.yearsBack(2, from: today)
        let periodStart = renewal ? Self.yearsBack(4, from: today) : twoYears
        let holder = hearing.applicant.organisationNumber
        let name = "\(hearing.applicant.name) (org.nr. \(holder.formatted))"
        let all = (register[holder] ?? []).filter { $0.date <= today }.sorted { $0.date < $1.date }
        let considered = all.filter { $0.date > periodStart }
        let recent = considered.filter { $0.date > twoYears }
        let recentTotal = recent.reduce(0) { $0 + $1.points }
        let worst = Self.worstTwoYears(considered)
        let points = { (n: Int) in NorwegianFormat.count(n, "prikk", "prikker", gender: .common) }
        let line = { (entry: PenaltyPoints) in
            "\(NorwegianFormat.date(entry.date)): \(points(entry.points)), \(Self.lowercasedFirst(entry.reason)) "
                + "(\(entry.venueName))"
        }
        var evidence = recent.map(line)
        // Scored on the worst two years of the period weighed.
        let weighed = Double(worst.total)
        let score =
            weighed >= policy.penaltyPoints.high
            ? 3 : (weighed >= policy.penaltyPoints.medium ? 2 : (worst.total > 0 ? 1 : 0))
        var explanation: String
        if considered.isEmpty {
            // A renewal or a change is by definition a holder with a permit; the list covers two years.
            if hearing.earlierPermit == false, all.isEmpty, !renewal, hearing.applicationType != .change {
                explanation = "\(name) har ikke hatt bevilling før, og det finnes ingen prikkhistorikk å vurdere."
            } else {
                explanation = "Næringsetatens oversikt over prikker viser ingen prikker på \(name) de siste to årene."
                if renewal {
                    inFavour.append("Næringsetatens oversikt over de siste to årene viser ingen prikker på bevillingshaveren.")
                }
            }
        } else {
            explanation = "\(name) har fått \(points(recentTotal)) de siste to årene."
            if renewal {
                let older = considered.filter { $0.date <= twoYears }
                if !older.isEmpty {
                    explanation +=
                        " Oversikten viser i tillegg \(points(older.reduce(0) { $0 + $1.points })) som er eldre enn "
                        + "to år; ved fornyelse kan bydelen legge vekt på hvordan stedet er drevet i hele "
                        + "bevillingsperioden (alkoholloven § 1-7a)."
                    evidence += older.map { "eldre enn to år: " + line($0) }
                }
            }
            if worst.total >= 12, let first = worst.first, let last = worst.last {
                explanation +=
                    " Etter oversikten fikk bevillingshaveren \(points(worst.total)) innenfor to år, etter datoene "
                    + "i oversikten mellom "
                    + "\(NorwegianFormat.longDate(first)) og \(NorwegianFormat.longDate(last)); tolv prikker innen to år "
                    + "gir inndragning av bevillingen i én uke, og flere prikker gir lengre inndragning "
                    + "(alkoholforskriften § 10-2). Bydelen kjenner ikke til om bevillingen er inndratt."
            }
        }
        if renewal {
            uncertainties.append(
                "Næringsetatens oversikt over prikker dekker normalt de siste to årene; eldre prikker fra "
                    + "bevillingsperioden finnes bare når bydelen har tatt vare på tidligere oversikter, og kan mangle.")
        }
        if hearing.applicationType == .changeOfOwner {
            let earlier = (context.penaltyPointsByVenue[hearing.venue.name.lowercased()] ?? []).filter {
                $0.organisationNumber != holder && $0.date > twoYears
            }
            if !earlier.isEmpty {
                explanation +=
                    " Prikker som den tidligere bevillingshaveren fikk på stedet, teller ikke for ny eier; ved "
                    + "eierskifte starter prikkberegningen på nytt."
            }
        }
        let summary =
            score >= 2
            ? "Bevillingshaveren har etter Næringsetatens oversikt fått \(points(worst.total)) innenfor to år." : nil
        factors.append(
            Factor(
                key: .points, criterion: .earlierOperation, score: score, explanation: explanation, evidence: evidence,
                summary: summary))
    }

    /// The most points within any two years of `entries` (sorted by date), and the dates of the
    /// first and last breach in that window.
    static func worstTwoYears(_ entries: [PenaltyPoints]) -> (total: Int, first: LocalDate?, last: LocalDate?) {
        var best: (total: Int, first: LocalDate?, last: LocalDate?) = (0, nil, nil)
        for (start, entry) in entries.enumerated() {
            // A window from this breach to the same day two years on.
            let end =
                (try? LocalDate(year: entry.date.year + 2, month: entry.date.month, day: entry.date.day))
                ?? entry.date.adding(days: 730)
            var total = 0
            var last = entry.date
            for later in entries[start...] where later.date < end {
                total += later.points
                last = later.date
            }
            if total > best.total { best = (total, entry.date, last) }
        }
        return best
    }

    /// The register's reason inside a sentence: «Skjenking etter skjenketidens slutt» → «skjenking …»
    /// (an all-capitals abbreviation at the start stays as written).
    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, text.dropFirst().first?.isLowercase == true else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// "tre klager", "én klage".
    static func complaintsText(_ count: Int) -> String {
        NorwegianFormat.count(count, "klage", "klager", gender: .common)
    }

    /// "to episoder", "én episode".
    static func episodesText(_ count: Int) -> String {
        NorwegianFormat.count(count, "episode", "episoder", gender: .common)
    }

    /// The same day `years` years back (from 29 February, back to 28 February).
    static func yearsBack(_ years: Int, from today: LocalDate) -> LocalDate {
        (try? LocalDate(year: today.year - years, month: today.month, day: today.day))
            ?? (try? LocalDate(year: today.year - years, month: today.month, day: 28)) ?? today
    }
}
