import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// Routing by category (DOMAIN.md, "Complaints about venues"), the validation of a complaint,
/// and the monthly statistics.
@Suite struct ComplaintRoutingTests {
    @Test(arguments: [
        ([ComplaintCategory.noise], nil as String?, [FollowUpAction.environmentalHealth]),
        ([.noise], "22:59", [.environmentalHealth]),
        ([.noise], "23:00", [.forwardedToPolice, .environmentalHealth]),
        ([.noise], "02:30", [.forwardedToPolice, .environmentalHealth]),
        ([.noise], "06:00", [.environmentalHealth]),
        ([.minors], nil, [.controlTip]),
        ([.overserving], nil, [.controlTip]),
        ([.hours], nil, [.controlTip]),
        ([.discrimination], nil, [.controlTip]),
        ([.disorder], nil, [.forwardedToPolice]),
        ([.drugs], nil, [.forwardedToPolice]),
        ([.litter], nil, [.contactedVenue]),
        ([.smoking, .traffic], nil, [.contactedVenue]),
        (
            [.minors, .disorder, .noise, .litter], "01:00",
            [.forwardedToPolice, .controlTip, .environmentalHealth, .contactedVenue]
        ),
    ])
    func suggestsTheFirstStepByCategoryAndTime(
        categories: [ComplaintCategory], time: String?, actions: [FollowUpAction]
    )
        throws
    {
        let suggestions = ComplaintRouting.suggestions(for: Set(categories), at: try time.map { try TimeOfDay($0) })
        #expect(suggestions.map(\.action) == actions)
        #expect(suggestions.allSatisfy { !$0.reason.isEmpty && !$0.recipient.isEmpty })
    }

    @Test func theReasonNamesTheCategoriesAndTheTime() throws {
        let suggestions = ComplaintRouting.suggestions(
            for: [.noise, .minors, .overserving], at: try TimeOfDay("23:40"))
        #expect(suggestions[0].reason == "støy kl. 23.40 (etter kl. 23.00) går til politiet")
        #expect(suggestions[1].recipient == "Næringsetaten")
        #expect(suggestions[1].reason.hasPrefix("mindreårige og overskjenking er brudd på alkoholloven"))
    }

    @Test func problemsNeverQuoteTheComplainant() {
        var entry = Fixtures.complaintEntry()
        entry.complainant = Complainant(
            name: String(repeating: "Kari ", count: 60), phone: "ring meg 12", email: "kari at example")
        let problems = ComplaintRules.problems(entry, now: Fixtures.oslo("2026-11-22 10:00"))
        #expect(problems.count == 3)
        for problem in problems {
            #expect(!problem.contains("Kari"))
            #expect(!problem.contains("ring meg"))
            #expect(!problem.contains("kari at"))
        }
    }

    @Test func aComplaintNeedsCategoriesAVenueAndSaneDates() {
        var entry = Fixtures.complaintEntry(received: "2026-11-20 14:30", incident: "2026-11-21")
        entry.categories = []
        entry.venue = ComplaintVenue(postalCode: "350")
        entry.incident.end = Fixtures.day("2026-11-01")
        let problems = ComplaintRules.problems(entry, now: Fixtures.oslo("2026-11-22 10:00"))
        #expect(problems.contains { $0.hasPrefix("oppgi minst én kategori") })
        #expect(problems.contains("oppgi stedet: navn, organisasjonsnummer, adresse eller posisjon"))
        #expect(problems.contains("postnummeret «350» skal ha fire sifre"))
        #expect(problems.contains("hendelsen (21.11.2026) kan ikke være etter at klagen ble mottatt (20.11.2026)"))
        #expect(problems.contains("hendelsen kan ikke slutte (01.11.2026) før den begynner (21.11.2026)"))
        #expect(ComplaintRules.problems(Fixtures.complaintEntry(), now: Fixtures.oslo("2026-11-22 10:00")).isEmpty)
        #expect(
            ComplaintRules.problems(Fixtures.complaintEntry(), now: Fixtures.oslo("2026-11-20 12:00"))
                == ["mottatt-tidspunktet er frem i tid"])
    }

    @Test func statisticsCountPerMonthAndCategoryIncludingEmptyMonths() {
        let entries = [
            Fixtures.complaintEntry(
                received: "2026-01-31 23:30", incident: "2026-01-30", categories: [.noise, .disorder]),
            Fixtures.complaintEntry(received: "2026-02-01 00:10", incident: "2026-01-31", categories: [.noise]),
            Fixtures.complaintEntry(received: "2026-04-15 12:00", incident: "2026-04-14", categories: [.minors]),
            Fixtures.complaintEntry(received: "2025-12-31 12:00", incident: "2025-12-30", categories: [.minors]),
        ]
        let statistics = ComplaintStatistics(
            entries: entries, from: YearMonth(year: 2026, month: 1), to: YearMonth(year: 2026, month: 4))
        #expect(statistics.months.map(\.month.iso) == ["2026-01", "2026-02", "2026-03", "2026-04"])
        #expect(statistics.months.map(\.total) == [1, 1, 0, 1])
        #expect(statistics.months[0].byCategory == [.noise: 1, .disorder: 1])
        #expect(statistics.categories == [.noise, .disorder, .minors])
        #expect(statistics.total == 3)
        #expect(YearMonth(year: 2026, month: 1).adding(months: -11) == YearMonth(year: 2025, month: 2))
        #expect(YearMonth(iso: "2026-13") == nil)
        #expect(YearMonth(year: 2026, month: 3).label == "mars 2026")
    }

    @Test(arguments: [
        ("2026-11-20T14:30", "2026-11-20T13:30:00Z"),
        ("2026-11-20 14:30", "2026-11-20T13:30:00Z"),
        ("20.11.2026 14.30", "2026-11-20T13:30:00Z"),
        ("2026-07-01 00:00", "2026-06-30T22:00:00Z"),
        ("2026-11-20", "2026-11-19T23:00:00Z"),
        ("2026-11-20T14:30:00Z", "2026-11-20T14:30:00Z"),
        ("2026-11-20T14:30:00+01:00", "2026-11-20T13:30:00Z"),
    ])
    func timesAreReadInOslo(text: String, utc: String) throws {
        #expect(OsloTime.parse(text) == (try Date.ISO8601FormatStyle().parse(utc)))
    }

    @Test(arguments: ["2026-11-31", "2026-11-20 25:00", "i går", "20.11.26", ""])
    func nonsenseTimesAreRefused(text: String) {
        #expect(OsloTime.parse(text) == nil)
    }
}
