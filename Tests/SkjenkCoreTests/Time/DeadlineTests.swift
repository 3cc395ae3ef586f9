import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

@Suite struct DeadlineTests {
    @Test(arguments: [
        ("2026-11-22", 0, "frist i dag", false),
        ("2026-11-23", 1, "1 dag igjen", false),
        ("2026-12-08", 16, "16 dager igjen", false),
        ("2026-11-21", -1, "1 dag over fristen", true),
        ("2026-10-22", -31, "31 dager over fristen", true),
    ])
    func daysLeft(deadline: String, days: Int, label: String, overdue: Bool) throws {
        let status = DeadlineStatus(deadline: try LocalDate(iso: deadline), today: try LocalDate(iso: "2026-11-22"))
        #expect(status.daysLeft == days)
        #expect(status.label == label)
        #expect(status.isOverdue == overdue)
    }

    @Test func daysAcrossYearsAndLeapDays() throws {
        #expect(try LocalDate(iso: "2027-12-31").days(until: LocalDate(iso: "2028-03-01")) == 61)
        #expect(try LocalDate(iso: "2026-03-01").days(until: LocalDate(iso: "2026-02-28")) == -1)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-10", "26-11-02", "2026-11-02Z", ""])
    func rejectsBadDates(_ text: String) {
        #expect(throws: LocalDate.Problem.self) { try LocalDate(iso: text) }
    }

    @Test func todayIsTheOsloDate() {
        // 23:30 UTC on 22 November is already 23 November in Oslo.
        let lateEvening = Date(timeIntervalSince1970: 1_795_390_200)
        #expect(OsloTime.today(at: lateEvening).iso == "2026-11-23")
        #expect(FixedClock().today.iso == "2026-11-22")
    }
}
