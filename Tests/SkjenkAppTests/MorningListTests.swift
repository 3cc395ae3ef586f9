import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkMail
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 18, item 4: the morning list per person, read from the store (`MorningFixture`), and the
/// reminders it makes, on every engine.
@Suite struct MorningListTests {
    static func user(_ store: any AppStore, _ name: String) async throws -> WebUser {
        try #require(try await store.users().first { $0.name == name })
    }

    @Test(arguments: StoreEngine.all) func eachPersonGetsTheirOwnEntries(engine: StoreEngine) async throws {
        let store = try await engine.store()
        try await MorningFixture.seed(store)
        let today = MorningFixture.today

        let kari = try await MorningList.dueItems(
            for: try await Self.user(store, "kari"), store: store, today: today, withinDays: 7)
        #expect(kari.complaints.map(\.entry.id) == [1])
        #expect(kari.deadlines.map(\.line.caseNumber) == [5, 21, 24].map(MorningFixture.number))
        #expect(kari.deadlines.map(\.daysLeft) == [-15, 1, 4])
        #expect(kari.deadlines.map(\.owner) == ["kari", "kari", nil])
        #expect(kari.returned.map(\.line.caseNumber) == [MorningFixture.number(21)])
        #expect(kari.returned.map(\.comment) == [MorningFixture.returnComment])
        #expect(kari.approvals.isEmpty && kari.unrecorded.isEmpty)

        let ola = try await MorningList.dueItems(
            for: try await Self.user(store, "ola"), store: store, today: today, withinDays: 7)
        #expect(ola.complaints.isEmpty && ola.returned.isEmpty)
        #expect(ola.deadlines.map(\.line.caseNumber) == [10, 12, 23, 24].map(MorningFixture.number))

        let leder = try await MorningList.dueItems(
            for: try await Self.user(store, "leder1"), store: store, today: today, withinDays: 7)
        #expect(leder.approvals.map(\.line.caseNumber) == [MorningFixture.number(5)])
        #expect(leder.total == 1)

        let bu = try await MorningList.dueItems(
            for: try await Self.user(store, "bu1"), store: store, today: today, withinDays: 7)
        #expect(bu.approvals.map(\.line.caseNumber) == [MorningFixture.number(12)])
        #expect(bu.approvals.map(\.meeting?.itemNumber) == ["2/26"])
        #expect(bu.unrecorded.map(\.caseNumber) == [MorningFixture.number(10)])
        #expect(bu.unrecorded.map(\.venueName) == ["Bar nummer 10"])
        #expect(bu.unrecorded.map(\.meeting.meetingLabel) == ["bydelsutvalget 19. november 2026"])

        let sara = try await MorningList.dueItems(
            for: try await Self.user(store, "sara"), store: store, today: today, withinDays: 7)
        #expect(sara.deadlines.map(\.line.venueName) == ["Sagene Kro"])
        #expect(sara.complaints.map(\.entry.id) == [2])

        let admin = try await MorningList.dueItems(
            for: try await Self.user(store, "admin1"), store: store, today: today, withinDays: 7)
        #expect(admin.isEmpty)

        // A wider horizon takes in kari's unassigned case of 20 December; none gives only today's and older.
        let wide = try await MorningList.dueItems(
            for: try await Self.user(store, "kari"), store: store, today: today, withinDays: 30)
        #expect(wide.deadlines.map(\.line.caseNumber.sequence).contains(10_026))
        let none = try await MorningList.dueItems(
            for: try await Self.user(store, "kari"), store: store, today: today, withinDays: 0)
        #expect(none.deadlines.map(\.line.caseNumber) == [MorningFixture.number(5)])
    }

    /// Records what would have been sent; fails for the addresses in `failing`.
    final class Recorder: MailTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [MailMessage] = []
        let failing: Set<String>

        init(failing: Set<String> = []) { self.failing = failing }

        var sent: [MailMessage] { lock.withLock { messages } }

        func send(_ message: MailMessage) async throws {
            if message.to.contains(where: failing.contains) {
                throw SMTPError.rejected(step: "RCPT TO <\(message.to[0])>", code: 550, text: "nei")
            }
            lock.withLock { messages.append(message) }
        }
    }

    @Test(arguments: StoreEngine.all) func remindersGoOncePerPersonPerDayWithoutPersonalData(
        engine: StoreEngine
    ) async throws {
        let store = try await engine.store()
        try await MorningFixture.seed(store)
        let now = Fixtures.oslo("2026-11-22 07:00")
        let dry = Recorder()
        let preview = try await ReminderDesk.sendReminders(
            store: store, transport: dry, from: "skjenk@bydel.example.no", today: MorningFixture.today, withinDays: 7,
            now: now, dryRun: true)
        #expect(preview.map(\.outcome) == Array(repeating: .wouldSend, count: 5))
        #expect(dry.sent.isEmpty)
        #expect(try await store.reminders(on: MorningFixture.today).isEmpty)

        // ola's server refuses: his day stays free; everyone else gets one message.
        let first = Recorder(failing: ["ola@bydel.example.no"])
        let reports = try await ReminderDesk.sendReminders(
            store: store, transport: first, from: "skjenk@bydel.example.no", today: MorningFixture.today,
            withinDays: 7, now: now, dryRun: false)
        #expect(reports.map(\.user) == ["bu1", "kari", "leder1", "ola", "sara"])
        #expect(reports.filter { $0.outcome == .sent }.map(\.user) == ["bu1", "kari", "leder1", "sara"])
        #expect(first.sent.map(\.to) == [["bu1@bydel.example.no"], ["kari@bydel.example.no"], ["leder@bydel.example.no"], ["sara@sagene.example.no"]])
        #expect(try await store.reminders(on: MorningFixture.today).map(\.user) == ["bu1", "kari", "leder1", "sara"])

        let kari = try #require(first.sent.first { $0.to == ["kari@bydel.example.no"] })
        #expect(kari.subject == "Dette venter på deg i skjenk 2026-11-22")
        for expected in ["K-1, støy, Pub Bislett", "2026/10021 Bar nummer 21", "2026/10024 Bar nummer 24", "ikke påbegynt"] {
            #expect(kari.body.contains(expected), "\(expected)")
        }
        let leak = [
            MorningFixture.complainant.name, MorningFixture.complainant.phone, MorningFixture.complainant.email,
            MorningFixture.complainant.address, "Høy musikk", MorningFixture.returnComment, "Sagene",
        ].compactMap { $0 }
        for message in first.sent where message.to != ["sara@sagene.example.no"] {
            for text in leak { #expect(!message.rendered().contains(text), "\(message.to): \(text)") }
        }
        let bu = try #require(first.sent.first { $0.to == ["bu1@bydel.example.no"] })
        #expect(bu.body.contains("bydelsutvalget 19. november 2026, sak 1/26: 2026/10010 Bar nummer 10"))
        #expect(bu.body.contains("2026/10012 Bar nummer 12: sak 2/26 i bydelsutvalget 10. desember 2026"))

        let second = Recorder()
        let again = try await ReminderDesk.sendReminders(
            store: store, transport: second, from: "skjenk@bydel.example.no", today: MorningFixture.today,
            withinDays: 7, now: now, dryRun: false)
        #expect(second.sent.map(\.to) == [["ola@bydel.example.no"]])
        #expect(again.filter { $0.outcome == .alreadySent }.count == 4)
    }

    @Test func messagesAreEncodedForAnyServer() {
        let message = MailMessage(
            from: "skjenk@bydel.example.no", to: ["kari@bydel.example.no"], subject: "Dette venter på deg i skjenk 2026-11-22",
            body: "Første linje æøå\n.punktum først\n" + String(repeating: "x", count: 100) + " \nslutt",
            date: Fixtures.oslo("2026-11-22 07:00"), messageID: "abc@bydel.example.no")
        let text = message.rendered()
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("Date: Sun, 22 Nov 2026 07:00:00 +0100\r\n"))
        #expect(text.contains("Message-ID: <abc@bydel.example.no>\r\n"))
        #expect(text.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"))
        #expect(text.contains("F=C3=B8rste linje =C3=A6=C3=B8=C3=A5\r\n"))
        // Headers within 78 characters, quoted-printable lines within 76.
        let parts = text.components(separatedBy: "\r\n\r\n")
        #expect(parts[0].components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        #expect(parts[1].components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(MailEncoding.encodedWords(String(repeating: "æ", count: 40)).components(separatedBy: "\r\n ").count == 3)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("x=20\r\nslutt"), "a space at a line's end is encoded")
        let encoded = MailEncoding.encodedWords("Dette venter på deg i skjenk 2026-11-22")
        let decoded = encoded.components(separatedBy: "\r\n ").map { word -> String in
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64))!, as: UTF8.self)
        }.joined()
        #expect(decoded == "Dette venter på deg i skjenk 2026-11-22")
        #expect(MailEncoding.encodedWords("Plain ASCII") == "Plain ASCII")
        let stuffed = MailEncoding.dotStuffed(text)
        #expect(stuffed.contains("\r\n..punktum f=C3=B8rst\r\n"))
        #expect(MailEncoding.dotStuffed("a\r\n.b\r\n..c") == "a\r\n..b\r\n...c\r\n.\r\n")
        #expect(stuffed.hasSuffix("\r\n.\r\n"))
    }

    @Test func smtpSettingsComeFromTheEnvironmentWithoutShowingThePassword() throws {
        let settings = try SMTPConfiguration.fromEnvironment([
            "SKJENK_SMTP_HOST": "smtp.example.no", "SKJENK_SMTP_USER": "skjenk", "SKJENK_SMTP_PASSWORD": "hemmelig-ord",
            "SKJENK_SMTP_FROM": "skjenk@bydel.example.no",
        ])
        #expect(settings.port == 587 && settings.startTLS)
        #expect(settings.description == "smtp.example.no:587 med STARTTLS, bruker skjenk")
        #expect(!"\(settings)".contains("hemmelig"))
        #expect(throws: SMTPConfiguration.Problem.missing("SKJENK_SMTP_HOST")) {
            try SMTPConfiguration.fromEnvironment(["SKJENK_SMTP_FROM": "a@b.no"])
        }
        #expect(throws: SMTPConfiguration.Problem.invalid(name: "SKJENK_SMTP_STARTTLS", value: "kanskje")) {
            try SMTPConfiguration.fromEnvironment([
                "SKJENK_SMTP_HOST": "h", "SKJENK_SMTP_FROM": "a@b.no", "SKJENK_SMTP_STARTTLS": "kanskje",
            ])
        }
        #expect(throws: SMTPConfiguration.Problem.missing("SKJENK_SMTP_PASSWORD")) {
            try SMTPConfiguration.fromEnvironment(["SKJENK_SMTP_HOST": "h", "SKJENK_SMTP_FROM": "a@b.no", "SKJENK_SMTP_USER": "u"])
        }
        let plain = try SMTPConfiguration.fromEnvironment([
            "SKJENK_SMTP_HOST": "127.0.0.1", "SKJENK_SMTP_PORT": "2525", "SKJENK_SMTP_STARTTLS": "false",
            "SKJENK_SMTP_FROM": "a@b.no",
        ])
        #expect(plain.port == 2525 && !plain.startTLS)
    }
}
