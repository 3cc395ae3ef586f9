import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// The conclusion follows from the factors and never contradicts itself (DOMAIN.md, "What a
/// district director signs"): "ingen merknader" only when nothing weighs against; a part-refusal
/// names its part, reason and lawful alternative; one condition per subject (the stricter closing);
/// conditions subsidiary when the district opposes; each condition with its reason.
@Suite struct RecommendationTests {
    let policy = try! Fixtures.policy()
    static let place = GeoPoint(latitude: 59.9290, longitude: 10.7505)

    func period(_ area: ServingArea, _ groups: Set<AlcoholGroup>, _ from: String, _ to: String) -> ServingPeriod {
        try! ServingPeriod(area: area, groups: groups, from: TimeOfDay(from), to: TimeOfDay(to))
    }

    /// Every combination of concept, zone, hours, outdoor area, nearby site and complaints.
    func variations() -> [(Hearing, AssessmentContext)] {
        let concepts = ["Restaurant med norsk mat", "Cocktailbar", "Nattklubb for studenter"]
        let hours: [[ServingPeriod]] = [
            [
                period(.indoor, [.group1, .group2], "12:00", "00:30"),
                period(.outdoor, [.group1, .group2], "12:00", "21:30"),
            ],
            [period(.indoor, [.group1, .group2], "12:00", "01:00")],
            [period(.indoor, [.group1, .group2, .group3], "13:00", "03:00")],
            [period(.indoor, [.group1, .group2], "12:00", "00:00"), period(.indoor, [.group3], "13:00", "00:30")],
            [
                period(.indoor, [.group1, .group2], "12:00", "00:30"),
                period(.outdoor, [.group1, .group2, .group3], "11:00", "21:00"),
            ],
        ]
        let outdoor: [OutdoorArea?] = [
            nil, OutdoorArea(placement: .pavement), OutdoorArea(placement: .backyard, facesHomes: true),
            OutdoorArea(placement: .backyard, facesHomes: nil),
        ]
        let at = { (north: Double) in
            let p = Fixtures.offset(Self.place, north: north)
            return try! Position.wgs84(latitude: p.latitude, longitude: p.longitude)
        }
        let siteSets: [[Site]] = [
            [Site(category: .school, name: "Langt unna", position: at(2_000), source: "t")],
            [Site(category: .school, name: "Ila skole", position: at(80), source: "t")],
            [Site(category: .kindergarten, name: "Ila barnehage", position: at(120), source: "t")],
        ]
        let complaintSets: [[Complaint]] = [
            [],
            (1...3).map {
                Complaint(
                    id: Int64($0), incidentDate: try! LocalDate(iso: "2026-10-0\($0)"), categories: [.disorder],
                    street: "Thereses gate 8")
            },
        ]
        var result: [(Hearing, AssessmentContext)] = []
        for concept in concepts {
            for zone in Zone.allCases {
                for periods in hours {
                    for area in outdoor {
                        for sites in siteSets {
                            for complaints in complaintSets {
                                var h = Fixtures.hearing(7)
                                h.venue.position = at(0)
                                h.venue.concept = concept
                                h.zone = zone
                                h.servingPeriods = periods
                                h.alcoholGroups = Set(periods.flatMap(\.groups))
                                h.venue.outdoorArea = area
                                h.venue.ageLimit = concept == "Cocktailbar" ? 18 : nil
                                let context = AssessmentContext(
                                    policy: policy, sites: sites, venues: [], penaltyPoints: [],
                                    complaints: complaints, today: try! LocalDate(iso: "2026-11-22"))
                                result.append((h, context))
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    @Test func noConclusionContradictsItself() {
        var outcomes: [StatementOutcome: Int] = [:]
        for (hearing, context) in variations() {
            let a = Assessor.assess(hearing, context: context)
            let label = "\(hearing.venue.concept ?? "") \(hearing.zone?.code ?? "") \(a.outcome.code)"
            outcomes[a.outcome, default: 0] += 1
            switch a.outcome {
            case .remarks:
                #expect(a.conditions.isEmpty && a.refusals.isEmpty, "\(label)")
                #expect(a.factors.contains { $0.score >= 2 } || a.level != .low, "\(label)")
            case .noRemarks:
                #expect(a.factors.allSatisfy { $0.score < 2 }, "\(label)")
                #expect(a.refusals.isEmpty && a.conditions.isEmpty, "\(label)")
                #expect(!a.factors.contains { $0.explanation.contains("taler for varsomhet") }, "\(label)")
                #expect(a.weighing.against.isEmpty, "\(label)")
            case .grantWithConditions:
                #expect(!a.conditions.isEmpty && a.refusals.isEmpty, "\(label)")
            case .partialRefusal:
                #expect(!a.refusals.isEmpty, "\(label)")
                #expect(a.level != .high || a.factors.contains { $0.key == .hours && $0.score > 0 }, "\(label)")
            case .against:
                #expect(a.level == .high, "\(label)")
            }
            // One condition per subject, each with its reason; subsidiary exactly when opposing.
            #expect(Set(a.conditions.map(\.subject)).count == a.conditions.count, "\(label)")
            #expect(a.conditions.allSatisfy { !$0.reason.isEmpty && !$0.text.isEmpty }, "\(label)")
            #expect(a.conditions.allSatisfy { $0.subsidiary == (a.outcome == .against) }, "\(label)")
            // Every refused part has its reason and lawful alternative, and no alternative offers
            // what a condition takes away (group 3 outdoors).
            #expect(a.refusals.allSatisfy { !$0.part.isEmpty && !$0.reason.isEmpty && !$0.alternative.isEmpty })
            if a.conditions.contains(where: { $0.subject == .outdoorGroup3 }) {
                #expect(!a.refusals.contains { $0.alternative.hasPrefix("alkoholgruppe 3 ute") }, "\(label)")
            }
            // The weighing says why the conclusion follows.
            #expect(!a.weighing.conclusion.isEmpty)
            // The weighing is discretionary: what the law forbids stands in the refusals, not here.
            let weighing = a.factors.filter { $0.key != .hours && $0.score >= 2 }
            #expect(a.weighing.against.count == weighing.count, "\(label)")
        }
        // The variations reach every outcome, so each branch above was checked.
        #expect(Set(outcomes.keys) == Set(StatementOutcome.allCases), "\(outcomes)")
    }

    @Test(arguments: [
        (
            "St. Hanshaugen ungdomshus ligger 40 m unna. Det taler for varsomhet.",
            "St. Hanshaugen ungdomshus ligger 40 m unna."
        ),
        ("Skjenking til kl. 01.00 er sent. Det veier.", "Skjenking til kl. 01.00 er sent."),
        (
            "Bar AS (org.nr. 974 760 673) har fått åtte prikker. Tolv gir inndragning.",
            "Bar AS (org.nr. 974 760 673) har fått åtte prikker."
        ),
        ("Én setning uten mer.", "Én setning uten mer."),
    ])
    func theFirstSentenceEndsAtASentenceNotAnAbbreviation(text: String, first: String) {
        #expect(Recommendation.firstSentence(text) == first)
    }

    @Test func theStricterClosingConditionIsKept() throws {
        let late = Condition(
            subject: .closingOutdoor, text: "Ute til kl. 22.00.", reason: "sonen",
            closing: try TimeOfDay("22:00"))
        let early = Condition(
            subject: .closingOutdoor, text: "Ute til kl. 20.00.", reason: "bakgården",
            closing: try TimeOfDay("20:00"))
        let afterMidnight = Condition(
            subject: .closingIndoor, text: "Inne til kl. 00.30.", reason: "sonen", closing: try TimeOfDay("00:30"))
        let beforeMidnight = Condition(
            subject: .closingIndoor, text: "Inne til kl. 23.00.", reason: "naboer", closing: try TimeOfDay("23:00"))
        #expect(Recommendation.consistent([late, early]) == [early])
        #expect(Recommendation.consistent([early, late]) == [early])
        // 23.00 is earlier in the serving day than 00.30.
        #expect(Recommendation.consistent([afterMidnight, beforeMidnight, late]) == [beforeMidnight, late])
    }

    /// The digest is taken over facts and scores: rewording an explanation keeps stored drafts
    /// current; a changed score, site or refusal makes them stale.
    @Test func theDigestIgnoresWordingButNotFacts() throws {
        var hearing = Fixtures.hearing(7)
        hearing.zone = .residential
        let context = AssessmentContext(
            policy: policy, sites: [], venues: [], penaltyPoints: [], complaints: [],
            today: try LocalDate(iso: "2026-11-22"))
        let assessment = Assessor.assess(hearing, context: context)
        let json = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(assessment)) as? [String: Any])

        func digest(_ change: (inout [String: Any]) -> Void) throws -> String {
            var copy = json
            change(&copy)
            let data = try JSONSerialization.data(withJSONObject: copy)
            return try JSONDecoder().decode(Assessment.self, from: data).digest
        }
        #expect(try digest { _ in } == assessment.digest)
        let reworded = try digest { object in
            var factors = object["factors"] as! [[String: Any]]
            for index in factors.indices { factors[index]["explanation"] = "Omskrevet setning \(index)." }
            object["factors"] = factors
            object["uncertainties"] = (object["uncertainties"] as! [String]).map { _ in "Omskrevet." }
        }
        #expect(reworded == assessment.digest)
        let rescored = try digest { object in
            var factors = object["factors"] as! [[String: Any]]
            factors[0]["score"] = ((factors[0]["score"] as? Int) ?? 0) == 3 ? 2 : 3
            object["factors"] = factors
        }
        #expect(rescored != assessment.digest)
        #expect(!assessment.refusals.isEmpty)
        let withoutRefusal = try digest { object in
            var recommendation = object["recommendation"] as! [String: Any]
            recommendation["refusals"] = []
            object["recommendation"] = recommendation
        }
        #expect(withoutRefusal != assessment.digest)
    }
}
