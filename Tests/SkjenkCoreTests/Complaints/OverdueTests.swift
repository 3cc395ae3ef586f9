import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// Due dates and overdue days are Oslo dates: across month ends, leap days and the changes to and
/// from summer time, a complaint is overdue from the first minute of the day after its due date.
@Suite struct OverdueTests {
    func entry(due: String, status: ComplaintStatus = .received) -> ComplaintLogEntry {
        var entry = Fixtures.complaintEntry(received: "2026-01-01 10:00", incident: "2026-01-01", due: due)
        entry.status = status
        return entry
    }

    @Test(arguments: [
        // received (UTC instant), days, due (Oslo date)
        ("2026-01-31T10:00:00Z", 14, "2026-02-14"),
        ("2026-01-31T10:00:00Z", 30, "2026-03-02"),
        ("2028-02-15T10:00:00Z", 14, "2028-02-29"),
        ("2026-12-25T10:00:00Z", 14, "2027-01-08"),
        // 23:30 UTC on 28 March is 00:30 on 29 March in Oslo (winter time, UTC+1), the day summer time starts.
        ("2026-03-28T23:30:00Z", 14, "2026-04-12"),
        // 22:30 UTC on 24 October is 00:30 on 25 October in Oslo (summer time, UTC+2), the day it ends.
        ("2026-10-24T22:30:00Z", 14, "2026-11-08"),
        // 23:30 UTC on 24 October is still 25 October in Oslo.
        ("2026-10-24T23:30:00Z", 0, "2026-10-25"),
    ])
    func theFirstResponseIsDueCountedFromTheOsloDay(received: String, days: Int, due: String) throws {
        let instant = try Date.ISO8601FormatStyle().parse(received)
        #expect(ComplaintRouting.firstDue(receivedAt: instant, days: days) == Fixtures.day(due))
    }

    @Test(arguments: [
        // due, now (UTC instant), days overdue
        ("2026-02-28", "2026-03-01T00:30:00Z", 1),  // 01:30 on 1 March in Oslo
        ("2026-02-28", "2026-02-28T22:59:00Z", 0),  // 23:59 on 28 February in Oslo: due today
        ("2026-02-28", "2026-02-28T23:00:00Z", 1),  // midnight in Oslo: overdue
        ("2026-01-31", "2026-02-01T12:00:00Z", 1),
        ("2026-12-31", "2027-01-01T06:00:00Z", 1),
        // Summer time starts 29 March 2026: 22:30 UTC on 12 April is 00:30 on 13 April in Oslo.
        ("2026-04-12", "2026-04-12T22:30:00Z", 1),
        ("2026-04-12", "2026-04-12T21:59:00Z", 0),
        // Summer time ends 25 October 2026: 23:30 UTC on 25 October is 00:30 on 26 October (UTC+1).
        ("2026-10-25", "2026-10-25T23:30:00Z", 1),
        ("2026-10-25", "2026-10-25T22:30:00Z", 0),
        ("2026-11-30", "2026-11-28T12:00:00Z", -2),
    ])
    func overdueDaysFollowOsloMidnight(due: String, now: String, days: Int) throws {
        let today = OsloTime.today(at: try Date.ISO8601FormatStyle().parse(now))
        let entry = entry(due: due)
        #expect(entry.daysOverdue(on: today) == days)
        #expect(entry.isOverdue(on: today) == (days > 0))
    }

    @Test func closedComplaintsAreNeverOverdue() {
        let entry = entry(due: "2026-02-01", status: .closed)
        #expect(entry.daysOverdue(on: Fixtures.day("2026-06-01")) == nil)
        #expect(!entry.isOverdue(on: Fixtures.day("2026-06-01")))
    }

    @Test func theAgendaListsOverdueAndDueTodayPerOfficerSoonestFirst() {
        let today = Fixtures.day("2026-11-22")
        var entries: [ComplaintLogEntry] = []
        for (id, officer, due) in [
            (1, "ola", "2026-11-23"), (2, "kari", "2026-11-22"), (3, "kari", "2026-11-21"), (4, "ola", "2026-11-20"),
            (5, "Åse", "2026-11-22"), (6, "bjørn", "2026-11-22"),
        ] {
            var entry = Fixtures.complaintEntry(
                received: "2026-11-01 10:00", incident: "2026-11-01", officer: officer, due: due)
            entry.id = Int64(id)
            entries.append(entry)
        }
        var closed = entries[2]
        closed.id = 9
        closed.status = .closed
        entries.append(closed)
        let agenda = FollowUpAgenda(entries: entries, today: today)
        #expect(agenda.officers.map(\.officer) == ["bjørn", "kari", "ola", "Åse"])
        #expect(agenda.officers[1].items.map(\.entry.id) == [3, 2])
        #expect(agenda.officers[1].items.map(\.daysOverdue) == [1, 0])
        #expect(agenda.officers[2].items.map(\.entry.id) == [4])
        let ahead = FollowUpAgenda(entries: entries, today: today, withinDays: 1)
        #expect(ahead.officers[2].items.map(\.entry.id) == [4, 1])
        #expect(FollowUpAgenda.dueLabel(daysOverdue: 1) == "forfalt i går")
        #expect(FollowUpAgenda.dueLabel(daysOverdue: 0) == "forfaller i dag")
        #expect(FollowUpAgenda.dueLabel(daysOverdue: -1) == "forfaller i morgen")
    }

    @Test func addingDaysAgreesWithTheDayNumberOverFourHundredYears() throws {
        var date = try LocalDate(year: 1900, month: 1, day: 1)
        let start = date.dayNumber
        for offset in stride(from: 0, to: 146_097, by: 37) {
            date = LocalDate(dayNumber: start + offset)
            #expect(date.dayNumber == start + offset)
            #expect(try LocalDate(iso: date.iso) == date)
        }
        #expect(Fixtures.day("2026-12-31").adding(days: 1) == Fixtures.day("2027-01-01"))
        #expect(Fixtures.day("2028-03-01").adding(days: -1) == Fixtures.day("2028-02-29"))
    }
}
