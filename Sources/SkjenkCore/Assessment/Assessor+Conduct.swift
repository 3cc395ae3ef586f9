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
            uncertainties.append("Klager på stedet er ikke vurdert: klageloggen er ikke tilgjengelig.")
            notAssessed("complaints", .publicOrder, because: "klageloggen er ikke tilgjengelig")
            return
        }
        let today = context.today
        let windowStart = today.adding(months: -policy.complaintMonths)
        let street = StreetKey.make(hearing.venue.address.street)
        let counted = { (complaint: Complaint) in
            !complaint.unfounded && complaint.incidentDate > windowStart && complaint.incidentDate <= today
        }
        var own = Set(index.byStreet[street] ?? [])
        for candidate in index.byHolder[hearing.applicant.organisationNumber] ?? [] {
            let other = index.complaints[candidate].street.map { StreetKey.make($0) != street } ?? false
            if !other { own.insert(candidate) }
        }
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
        let counts = byCategory.sorted { ($0.value, $1.key.label) > ($1.value, $0.key.label) }
            .map { "\($0.key.label) (\($0.value))" }
        let months = NorwegianFormat.number(policy.complaintMonths)
        var explanation: String
        if episodes == 0 {
            explanation = "Bydelen har ikke registrert klager på stedet eller adressen de siste \(months) månedene."
            inFavour.append("Bydelen har ikke registrert klager på stedet.")
        } else {
            explanation =
                "Bydelen har registrert \(NorwegianFormat.count(ownComplaints.count, "klage", "klager", gender: .common))"
                + " om \(NorwegianFormat.count(episodes, "episode", "episoder", gender: .common)) på stedet eller "
                + "adressen de siste \(months) månedene: " + NorwegianFormat.list(counts) + "."
            if recent > 0 {
                explanation +=
                    " \(NorwegianFormat.capitalized(NorwegianFormat.number(recent, gender: .common))) av episodene er "
                    + "fra de siste \(NorwegianFormat.number(policy.recentMonths)) månedene."
            }
            if hearing.applicationType == .changeOfOwner {
                explanation += " Klagene følger stedet og adressen, også når eieren skifter."
            }
        }
        if areaEpisodes > 0 {
            explanation +=
                " I området rundt (innenfor \(metres(policy.complaintRadius))) har bydelen registrert "
                + "\(NorwegianFormat.count(areaEpisodes, "episode", "episoder", gender: .common)) med klager på andre "
                + "steder; de beskriver situasjonen i området og regnes ikke mot søkeren."
        }
        if score >= 2 {
            // Disorder, drugs, minors or over-serving call for guards; noise alone for closed doors.
            let order: [ComplaintCategory] = [.disorder, .drugs, .minors, .overserving]
            let orderCategories = order.filter { byCategory[$0] != nil }.map(\.label)
            conditions.append(
                orderCategories.isEmpty
                    ? Condition(
                        subject: .noise,
                        text: "Dører og vinduer holdes lukket når det spilles musikk, og musikken skal ikke høres "
                            + "i boligene rundt.",
                        reason: "Bydelen har registrert gjentatte klager på støy fra stedet.")
                    : Condition(
                        subject: .guards,
                        text: "Stedet har godkjente ordensvakter fredag og lørdag fra kl. 22.00 til stengetid.",
                        reason: "Bydelen har registrert gjentatte klager på stedet om "
                            + "\(NorwegianFormat.list(orderCategories)).")
            )
        }
        factors.append(
            Factor(
                key: "complaints", criterion: .publicOrder, score: score, explanation: explanation, evidence: counts))
    }

    /// Episodes (one episode reported by many counts once, at its latest report), their weighted
    /// count, how many are recent, and episodes per category.
    func episodeCounts(_ complaints: [Complaint]) -> (
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
    /// the points system (§ 10-1): no factor. Points within two years score; at a renewal the whole
    /// previous permit period (four years, alkoholloven § 1-6) is reported as history. A company
    /// without permit history is told apart from one that kept clean.
    mutating func assessPenaltyPoints() {
        guard hearing.applicationType != .singleOccasion else { return }
        guard let register = context.penaltyPoints else {
            uncertainties.append("Prikker fra Næringsetaten er ikke vurdert: prikklisten er ikke lagt inn.")
            notAssessed("points", .earlierOperation, because: "prikklisten fra Næringsetaten er ikke lagt inn")
            return
        }
        let today = context.today
        let twoYears = Self.yearsBack(2, from: today)
        let fourYears = Self.yearsBack(4, from: today)
        let holder = hearing.applicant.organisationNumber
        let name = "\(hearing.applicant.name) (org.nr. \(holder.formatted))"
        let all = (register[holder] ?? []).filter { $0.date <= today }
        let own = all.filter { $0.date > twoYears }
        let total = own.reduce(0) { $0 + $1.points }
        let line = { (entry: PenaltyPoints) in
            "\(NorwegianFormat.date(entry.date)): \(NorwegianFormat.count(entry.points, "prikk", "prikker", gender: .common)), "
                + "\(entry.reason) (\(entry.venueName))"
        }
        var evidence = own.map(line)
        let score =
            Double(total) >= policy.penaltyPoints.high
            ? 3 : (Double(total) >= policy.penaltyPoints.medium ? 2 : (total > 0 ? 1 : 0))
        var explanation: String
        if total > 0 {
            explanation =
                "\(name) har fått \(NorwegianFormat.count(total, "prikk", "prikker", gender: .common)) de siste to årene."
            if total >= 12 {
                explanation +=
                    " Tolv prikker eller flere innen to år gir inndragning av bevillingen i minst én uke "
                    + "(alkoholforskriften § 10-2)."
            }
        } else if hearing.earlierPermit == false, all.isEmpty {
            explanation = "\(name) har ikke hatt bevilling før, og det finnes ingen prikkhistorikk å vurdere."
        } else {
            explanation = "\(name) har ikke fått prikker de siste to årene."
            if hearing.applicationType == .renewal || hearing.earlierPermit == true {
                inFavour.append("Bevillingshaveren har ikke fått prikker de siste to årene.")
            }
        }
        if hearing.applicationType == .renewal {
            let older = all.filter { $0.date > fourYears && $0.date <= twoYears }
            if !older.isEmpty {
                let sum = older.reduce(0) { $0 + $1.points }
                explanation +=
                    " I den forrige bevillingsperioden (fire år, alkoholloven § 1-6) fikk bevillingshaveren i tillegg "
                    + "\(NorwegianFormat.count(sum, "prikk", "prikker", gender: .common)) som er eldre enn to år; de "
                    + "inngår i historikken, men ikke i prikkberegningen."
                evidence += older.map { "eldre enn to år: " + line($0) }
            }
        }
        if hearing.applicationType == .changeOfOwner {
            let earlier = (context.penaltyPointsByVenue[hearing.venue.name.lowercased()] ?? []).filter {
                $0.organisationNumber != holder && $0.date > twoYears
            }
            let earlierTotal = earlier.reduce(0) { $0 + $1.points }
            if earlierTotal > 0 {
                explanation +=
                    " Den tidligere bevillingshaveren fikk \(NorwegianFormat.count(earlierTotal, "prikk", "prikker", gender: .common)) "
                    + "på stedet; ved eierskifte starter prikkberegningen på nytt, så de teller ikke for ny eier."
                evidence += earlier.map {
                    "tidligere bevillingshaver \($0.organisationNumber.formatted), \(NorwegianFormat.date($0.date)): "
                        + NorwegianFormat.count($0.points, "prikk", "prikker", gender: .common)
                }
            }
        }
        factors.append(
            Factor(
                key: "points", criterion: .earlierOperation, score: score, explanation: explanation, evidence: evidence))
    }

    /// The same day `years` years back (from 29 February, back to 28 February).
    static func yearsBack(_ years: Int, from today: LocalDate) -> LocalDate {
        (try? LocalDate(year: today.year - years, month: today.month, day: today.day))
            ?? (try? LocalDate(year: today.year - years, month: today.month, day: 28)) ?? today
    }
}
