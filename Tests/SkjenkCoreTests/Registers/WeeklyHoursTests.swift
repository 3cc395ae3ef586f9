import Foundation
import SkjenkCore
import Testing

/// Opening hours of sensitive sites: the texts registers write, the canonical text, whether a
/// site is open during a venue's hours, and the words a statement uses.
@Suite struct WeeklyHoursTests {
    @Test(arguments: [
        ("man-fre 07:00-17:00", "man-fre 07:00-17:00", [span(weekdays, "07:00", "17:00")]),
        (
            "man-fre 08:00-16:00; loer 10:00-14:00", "man-fre 08:00-16:00; loer 10:00-14:00",
            [span(weekdays, "08:00", "16:00"), span([.saturday], "10:00", "14:00")]
        ),
        ("alle 00:00-00:00", "alle 00:00-00:00", [span(Set(Weekday.allCases), "00:00", "00:00")]),
        ("hele døgnet", "alle 00:00-00:00", [span(Set(Weekday.allCases), "00:00", "00:00")]),
        ("Hele   Døgnet", "alle 00:00-00:00", [span(Set(Weekday.allCases), "00:00", "00:00")]),
        (
            "man,ons,fre 07.00-12.30", "man,ons,fre 07:00-12:30",
            [span([.monday, .wednesday, .friday], "07:00", "12:30")]
        ),
        ("loer 10:00-14:00", "loer 10:00-14:00", [span([.saturday], "10:00", "14:00")]),
        ("Man – Fre 7:00 – 17:00", "man-fre 07:00-17:00", [span(weekdays, "07:00", "17:00")]),
        ("fre-søn 18:00-02:00", "fre-soen 18:00-02:00", [span([.friday, .saturday, .sunday], "18:00", "02:00")]),
        ("søn-man 09:00-24:00", "man,soen 09:00-00:00", [span([.sunday, .monday], "09:00", "00:00")]),
        ("lørdag hele døgnet", "loer 00:00-00:00", [span([.saturday], "00:00", "00:00")]),
        (
            "man-ons,fre 08:00-16:00", "man-ons,fre 08:00-16:00",
            [span([.monday, .tuesday, .wednesday, .friday], "08:00", "16:00")]
        ),
        ("hverdager 07:00-17:00", "man-fre 07:00-17:00", [span(weekdays, "07:00", "17:00")]),
        ("helg 10:00-14:00", "loer-soen 10:00-14:00", [span([.saturday, .sunday], "10:00", "14:00")]),
        ("stengt", "stengt", []),
    ])
    func acceptsWhatRegistersWrite(text: String, canonical: String, spans: [WeeklyHours.Span]) throws {
        let hours = try WeeklyHours(parsing: text)
        #expect(hours.spans == spans)
        #expect(hours.text == canonical)
        #expect(try WeeklyHours(parsing: hours.text) == hours)
    }

    @Test(arguments: [
        ("", "åpningstiden er tom"),
        ("   ", "åpningstiden er tom"),
        ("man-fre", "«man-fre» mangler dager eller klokkeslett; skriv for eksempel «man-fre 07:00-17:00»"),
        ("07:00-17:00", "«07:00-17:00» mangler dager eller klokkeslett; skriv for eksempel «man-fre 07:00-17:00»"),
        ("mon-fri 07:00-17:00", "«mon» er ikke en dag; bruk man, tir, ons, tor, fre, loer, soen eller alle"),
        ("man-fre 07:00", "«07:00» er ikke et tidsrom; skriv for eksempel «07:00-17:00»"),
        ("man-fre 07:00-17:00-18:00", "«07:00-17:00-18:00» er ikke et tidsrom; skriv for eksempel «07:00-17:00»"),
        ("man-fre 25:00-17:00", "«25:00» er ikke et klokkeslett; skriv TT:MM, for eksempel 07:00"),
        ("man-fre 24:00-17:00", "«24:00» er ikke et klokkeslett; skriv TT:MM, for eksempel 07:00"),
        ("man-fre 07:00-17:60", "«17:60» er ikke et klokkeslett; skriv TT:MM, for eksempel 07:00"),
        ("man-fre 0700-1700", "«0700» er ikke et klokkeslett; skriv TT:MM, for eksempel 07:00"),
        ("man-tir-ons 07:00-17:00", "«man-tir-ons» er ikke en dag eller et dagsintervall"),
        ("man,,fre 07:00-17:00", "«» er ikke en dag; bruk man, tir, ons, tor, fre, loer, soen eller alle"),
        ("man-fre 07:00-17:00;", "tom del i åpningstiden «man-fre 07:00-17:00;»"),
        ("ukjent", "«ukjent» mangler dager eller klokkeslett; skriv for eksempel «man-fre 07:00-17:00»"),
    ])
    func refusesAnythingElse(text: String, message: String) {
        #expect(throws: WeeklyHours.Problem(message)) { try WeeklyHours(parsing: text) }
    }

    @Test(arguments: [
        // Weekdays 07:00–17:00.
        ("man-fre 07:00-17:00", Weekday.monday, 16 * 60, 18 * 60, true),
        ("man-fre 07:00-17:00", .monday, 17 * 60, 18 * 60, false),
        ("man-fre 07:00-17:00", .friday, 0, 7 * 60, false),
        ("man-fre 07:00-17:00", .friday, 0, 7 * 60 + 1, true),
        ("man-fre 07:00-17:00", .saturday, 0, 1_440, false),
        // Friday and Saturday 22:00–02:00: Saturday and Sunday nights count, Friday night does not.
        ("fre,loer 22:00-02:00", .friday, 23 * 60, 1_440, true),
        ("fre,loer 22:00-02:00", .friday, 0, 2 * 60, false),
        ("fre,loer 22:00-02:00", .saturday, 0, 60, true),
        ("fre,loer 22:00-02:00", .sunday, 60, 3 * 60, true),
        ("fre,loer 22:00-02:00", .sunday, 2 * 60, 3 * 60, false),
        ("fre,loer 22:00-02:00", .monday, 0, 60, false),
        ("fre,loer 22:00-02:00", .thursday, 21 * 60, 22 * 60, false),
        // Sunday past midnight counts on Monday.
        ("soen 20:00-01:00", .monday, 0, 30, true),
        // Till midnight: nothing on the next day.
        ("man 09:00-24:00", .tuesday, 0, 60, false),
        ("man 09:00-24:00", .monday, 23 * 60, 1_440, true),
        // The whole day.
        ("hele døgnet", .wednesday, 3 * 60, 3 * 60 + 1, true),
        ("loer 00:00-00:00", .sunday, 0, 1_440, false),
        ("stengt", .monday, 0, 1_440, false),
    ])
    func isOpenAcrossMidnight(text: String, day: Weekday, from: Int, to: Int, open: Bool) throws {
        #expect(try WeeklyHours(parsing: text).isOpen(on: day, from: from, to: to) == open)
    }

    @Test(arguments: [
        ("man-fre 07:00-17:00", "hverdager kl. 07.00–17.00"),
        ("hele døgnet", "hele døgnet"),
        ("man,ons,fre 08:00-16:00", "mandag, onsdag og fredag kl. 08.00–16.00"),
        ("man-fre 08:00-16:00; loer 10:00-14:00", "hverdager kl. 08.00–16.00; lørdag kl. 10.00–14.00"),
        ("loer,soen 00:00-00:00", "lørdag og søndag hele døgnet"),
        ("man-ons,fre 08:00-16:00", "mandag–onsdag og fredag kl. 08.00–16.00"),
        ("alle 06:00-23:00", "alle dager kl. 06.00–23.00"),
        ("stengt", "stengt"),
    ])
    func describesInBokmaal(text: String, description: String) throws {
        #expect(try WeeklyHours(parsing: text).description == description)
    }

    @Test func everySetOfDaysSurvivesTheCanonicalText() throws {
        for mask in 1..<128 {
            let days = Set(Weekday.allCases.filter { mask & (1 << ($0.rawValue - 1)) != 0 })
            let hours = WeeklyHours(spans: [span(days, "21:30", "01:15")])
            #expect(try WeeklyHours(parsing: hours.text) == hours, "\(hours.text)")
        }
    }

    @Test func codesAsItsCanonicalText() throws {
        let hours = try WeeklyHours(parsing: "man-fre 08:00-16:00; loer 10:00-14:00")
        let data = try JSONEncoder().encode(hours)
        #expect(String(decoding: data, as: UTF8.self) == #""man-fre 08:00-16:00; loer 10:00-14:00""#)
        #expect(try JSONDecoder().decode(WeeklyHours.self, from: data) == hours)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(WeeklyHours.self, from: Data(#""man-fre""#.utf8))
        }
    }
}

private let weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]

private func span(_ days: Set<Weekday>, _ from: String, _ to: String) -> WeeklyHours.Span {
    WeeklyHours.Span(days: days, from: try! TimeOfDay(from), to: try! TimeOfDay(to))
}
