import Foundation
import SkjenkCore
import Testing

@Suite struct ServingPeriodTests {
    @Test(arguments: [
        ("08:00", "01:00", true, 17 * 60),
        ("11:00", "03:00", true, 16 * 60),
        ("13:00", "23:30", false, 10 * 60 + 30),
        ("00:00", "00:00", true, 24 * 60),
    ])
    func lengthAcrossMidnight(from: String, to: String, crosses: Bool, minutes: Int) throws {
        let period = try ServingPeriod(area: .indoor, groups: [.group1], from: TimeOfDay(from), to: TimeOfDay(to))
        #expect(period.crossesMidnight == crosses)
        #expect(period.durationMinutes == minutes)
    }

    @Test func needsGroupsAndDays() throws {
        let from = try TimeOfDay("08:00")
        let to = try TimeOfDay("01:00")
        #expect(throws: ServingPeriod.Problem.noGroups) {
            try ServingPeriod(area: .indoor, groups: [], from: from, to: to)
        }
        #expect(throws: ServingPeriod.Problem.noDays) {
            try ServingPeriod(area: .outdoor, groups: [.group1], days: [], from: from, to: to)
        }
    }

    @Test func decodingCannotBypassValidation() {
        let json = #"{"area":"indoor","groups":[],"days":[1],"from":"08:00","to":"01:00"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ServingPeriod.self, from: Data(json.utf8)) }
    }

    @Test(arguments: ["24:00", "7:00", "07:60", "0700", "ab:cd", ""])
    func rejectsBadTimes(_ text: String) {
        #expect(throws: TimeOfDay.Problem.self) { try TimeOfDay(text) }
    }
}
