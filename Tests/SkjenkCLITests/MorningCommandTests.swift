import Foundation
import SkjenkSQLite
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 18, item 4 on the command line: `skjenk followup --user` (the person's whole morning list)
/// and `skjenk remind` against a local SMTP server (aiosmtpd), on `MorningFixture`'s database.
@Suite(.serialized) struct MorningCommandTests {
    static let password = "smtp-hemmelig-8734"

    /// The CLI on a database holding the morning of 22 November.
    static func harness() async throws -> CLIHarness {
        let cli = try CLIHarness()
        let store = try SQLiteStore(path: cli.folder.appendingPathComponent("test.sqlite").path, now: FixedClock().function)
        try await MorningFixture.seed(store)
        return cli
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func followupForOnePersonListsTheirWholeMorning() async throws {
        let cli = try await Self.harness()
        defer { cli.remove() }
        let text = try cli.run("followup", "--user", "kari", "--today", "2026-11-22")
        #expect(text.status == 0, "\(text.stderr)")
        for expected in [
            "Morgenliste for kari (saksbehandler), 22. november 2026", "Klager å følge opp (1)", "klage 1",
            "Høringsfrister (3)", "2026/10005", "15 dager over fristen", "2026/10024", "ikke påbegynt",
            "Utkast sendt tilbake til deg (1)", "kommentar: \(MorningFixture.returnComment)",
        ] {
            #expect(text.stdout.contains(expected), "«\(expected)» missing:\n\(text.stdout)")
        }
        for absent in ["2026/10023", "2026/10026", "Sagene", "Klagemann", "Godkjenning"] {
            #expect(!text.stdout.contains(absent), "«\(absent)» shown")
        }

        let bu = try Self.json(try cli.run("followup", "--user", "bu1", "--today", "2026-11-22", "--json").stdout)
        #expect(bu["sections"] as? [String] == ["approvals", "unrecorded"])
        #expect((bu["approvals"] as? [[String: Any]])?.compactMap { $0["caseNumber"] as? String } == ["2026/10012"])
        #expect((bu["approvals"] as? [[String: Any]])?.compactMap { $0["item"] as? String } == ["2/26"])
        #expect((bu["unrecorded"] as? [[String: Any]])?.compactMap { $0["caseNumber"] as? String } == ["2026/10010"])
        #expect((bu["unrecorded"] as? [[String: Any]])?.compactMap { $0["meetingId"] as? Int } == [1])
        let leder = try Self.json(try cli.run("followup", "--user", "leder1", "--today", "2026-11-22", "--json").stdout)
        #expect((leder["approvals"] as? [[String: Any]])?.compactMap { $0["route"] as? String } == ["direktor"])
        #expect((leder["complaints"] as? [Any])?.isEmpty == true)
        // --within widens the deadlines (and the complaints' steps).
        let wide = try Self.json(
            try cli.run("followup", "--user", "kari", "--today", "2026-11-22", "--within", "30", "--json").stdout)
        #expect((wide["deadlines"] as? [[String: Any]])?.compactMap { $0["caseNumber"] as? String }.contains("2026/10026") == true)

        // Without --user: the complaints per officer as before, and the hearing deadlines.
        let all = try cli.run("followup", "--today", "2026-11-22", "--district", "St. Hanshaugen")
        #expect(all.stdout.contains("kari: 1 å følge opp, 1 forfalt"))
        #expect(all.stdout.contains("Høringsfrister innen 7 dager: 6, 3 over fristen"), "\(all.stdout)")
        #expect(all.stdout.contains("2026/10023") && all.stdout.contains("utkast: ola"))
        #expect(!all.stdout.contains("Sagene"))

        let unknown = try cli.run("followup", "--user", "nn", "--today", "2026-11-22")
        #expect(unknown.status == 1 && unknown.stderr.contains("fant ingen bruker «nn»"))
        let both = try cli.run("followup", "--user", "kari", "--officer", "kari")
        #expect(both.status == 2)
    }

    @Test(
        .enabled(
            if: SMTPSink.python != nil || SMTPSink.required,
            "needs Python's aiosmtpd (pip install aiosmtpd, or .ci/run)"))
    func remindersReachTheServerOncePerPersonWithoutComplainants() async throws {
        let cli = try await Self.harness()
        defer { cli.remove() }
        let sink = try SMTPSink(credentials: ("skjenk", Self.password))
        defer { sink.stop() }
        var child = cli.child
        child.environment["SKJENK_SMTP_HOST"] = "127.0.0.1"
        child.environment["SKJENK_SMTP_PORT"] = String(sink.port)
        child.environment["SKJENK_SMTP_STARTTLS"] = "false"
        child.environment["SKJENK_SMTP_USER"] = "skjenk"
        child.environment["SKJENK_SMTP_PASSWORD"] = Self.password
        child.environment["SKJENK_SMTP_FROM"] = "skjenk@bydel.example.no"

        // A dry run sends and records nothing.
        let dry = try child.run(["remind", "--today", "2026-11-22", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.components(separatedBy: "Ville sendt til ").count - 1 == 5, "\(dry.stdout)")
        #expect(try sink.received().isEmpty)

        // STARTTLS is the default; this server does not offer it: refused, nothing recorded.
        var tls = child
        tls.environment["SKJENK_SMTP_STARTTLS"] = nil
        let refused = try tls.run(["remind", "--today", "2026-11-22"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("tilbyr ikke STARTTLS"), "\(refused.stderr)")
        // A wrong password: refused at AUTH, the password shown nowhere.
        var wrong = child
        wrong.environment["SKJENK_SMTP_PASSWORD"] = "feil-passord-1234"
        let denied = try wrong.run(["remind", "--today", "2026-11-22"])
        #expect(denied.status == 1)
        #expect(denied.stderr.contains("AUTH PLAIN med kode 535"), "\(denied.stderr)")
        #expect(!denied.output.contains("feil-passord-1234") && !denied.output.contains(Self.password))
        #expect(try sink.received().isEmpty)

        let sent = try child.run(["remind", "--today", "2026-11-22"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(!sent.output.contains(Self.password))
        let messages = try sink.received()
        #expect(
            messages.map(\.envelopeTo).sorted { $0[0] < $1[0] } == [
                ["bu1@bydel.example.no"], ["kari@bydel.example.no"], ["leder@bydel.example.no"],
                ["ola@bydel.example.no"], ["sara@sagene.example.no"],
            ])
        #expect(messages.allSatisfy { $0.authenticated })
        for message in messages {
            #expect(message.subject == "Dette venter på deg i skjenk 2026-11-22")
            #expect(message.contentType == "text/plain" && message.charset == "utf-8")
            #expect(message.headerTo == message.envelopeTo[0])
            #expect(message.date.hasSuffix("+0100") && message.messageId.hasSuffix("@bydel.example.no>"))
            let planted = [MorningFixture.complainant, MorningFixture.sageneComplainant]
                .flatMap { [$0.name, $0.phone, $0.email, $0.address] }.compactMap { $0 }
            var leaks = planted + ["Høy musikk", "H=C3=B8y musikk", MorningFixture.returnComment]
            if message.envelopeTo != ["sara@sagene.example.no"] { leaks.append("Sagene") }
            for leak in leaks where !leak.isEmpty {
                #expect(!message.body.contains(leak) && !message.raw.contains(leak), "\(message.envelopeTo): «\(leak)»")
            }
        }
        let kari = try #require(messages.first { $0.envelopeTo == ["kari@bydel.example.no"] })
        for expected in [
            "Klager å følge opp: 1", "Høringsfrister: 3", "Utkast sendt tilbake til deg: 1", "K-1, støy, Pub Bislett",
            "2026/10005 Bar nummer 5", "2026/10021 Bar nummer 21: sendt tilbake",
        ] {
            #expect(kari.body.contains(expected), "«\(expected)» missing:\n\(kari.body)")
        }
        let bu = try #require(messages.first { $0.envelopeTo == ["bu1@bydel.example.no"] })
        #expect(bu.body.contains("Møtesaker uten ført utfall: 1") && bu.body.contains("sak 1/26: 2026/10010"))
        #expect(!bu.body.contains("K-1") && !bu.body.contains("Pub Bislett"))

        // The same day again: nothing more.
        let again = try child.run(["remind", "--today", "2026-11-22"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.components(separatedBy: "Allerede sendt i dag").count - 1 == 5, "\(again.stdout)")
        #expect(try sink.received().count == 5)
    }
}
