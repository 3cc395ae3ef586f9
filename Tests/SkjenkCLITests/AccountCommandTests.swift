import Foundation
import SkjenkTestSupport
import Testing

/// `skjenk apikeys` and `skjenk users`: keys shown once and kept as checksums, revocation, and
/// passwords only from standard input (or the terminal), never as a flag.
@Suite struct AccountCommandTests {
    /// The database's files (with the write-ahead log) as text, to look for what must not be there.
    static func databaseBytes(_ cli: CLIHarness) throws -> String {
        try ["test.sqlite", "test.sqlite-wal"].map { cli.folder.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
            .map { try String(contentsOf: $0, encoding: .isoLatin1) }.joined()
    }

    @Test func anAPIKeyIsShownOnceAndCanBeRevoked() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let added = try cli.run("apikeys", "add", "bymelding")
        #expect(added.status == 0, "\(added.stderr)")
        let key = try #require(added.stdout.split(separator: "\n").last.map(String.init))
        #expect(key.count >= 32)
        let list = try cli.run("apikeys", "list")
        #expect(list.stdout.contains("bymelding\t–\tutstedt"), "no district")
        #expect(list.stdout.contains("gyldig"))
        #expect(!list.stdout.contains(key), "the key is never shown again")
        let stored = try Self.databaseBytes(cli)
        #expect(stored.contains("bymelding"), "the files are read")
        #expect(!stored.contains(key), "only its checksum is stored")

        let again = try cli.run("apikeys", "add", "bymelding")
        #expect(again.status == 1)
        #expect(again.stderr.contains("det finnes allerede en nøkkel med navnet «bymelding»"))
        #expect(try cli.run("apikeys", "add", "x").status == 1, "a name of one character")
        // A key of one district (a leading «Bydel» dropped); a name that is no district's refused.
        let sagene = try cli.run("apikeys", "add", "bymelding-sagene", "--district", "Bydel Sagene")
        #expect(sagene.status == 0, "\(sagene.stderr)")
        #expect(sagene.stdout.contains("Nøkkel for bymelding-sagene (bydel Sagene)"))
        #expect(try cli.run("apikeys", "list").stdout.contains("bymelding-sagene\tSagene\tutstedt"))
        let badDistrict = try cli.run("apikeys", "add", "bymelding-x", "--district", "Sagene 2")
        #expect(badDistrict.status == 1)
        #expect(badDistrict.stderr.contains("bydelen skal være et navn"))
        #expect(!(try cli.run("apikeys", "list").stdout.contains("bymelding-x")), "nothing stored")

        #expect(try cli.run("apikeys", "revoke", "bymelding").stdout.contains("Nøkkelen bymelding er trukket tilbake."))
        #expect(try cli.run("apikeys", "list").stdout.contains("trukket tilbake"))
        let twice = try cli.run("apikeys", "revoke", "bymelding")
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("fant ingen gyldig nøkkel med navnet «bymelding»"))
    }

    @Test func aUserGetsAPasswordFromStandardInputAndCanBeBlocked() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let short = try cli.child.run(["users", "add", "kari", "--role", "saksbehandler"], stdin: "kort\n")
        #expect(short.status == 1)
        #expect(short.stderr.contains("passordet skal ha minst 12 tegn"))
        // Issue 15: common passwords, the user name and more than bcrypt's 72 bytes are refused.
        for (password, message) in [
            ("Passord12345", "passordet er for vanlig"), ("sommer2026!!", "passordet er for vanlig"),
            ("kari-er-best-1", "passordet kan ikke inneholde brukernavnet"),
            (String(repeating: "æ", count: 40), "passordet kan ha høyst 72 byte"),
            ("aaaaaaaaaaaaaaa", "passordet er for vanlig"),
        ] {
            let refused = try cli.child.run(["users", "add", "kari", "--role", "saksbehandler"], stdin: password + "\n")
            #expect(refused.status == 1 && refused.stderr.contains(message), "\(password): \(refused.stderr)")
        }
        let added = try cli.child.run(
            ["users", "add", "kari", "--role", "saksbehandler"], stdin: "riktig-hest-batteri\n")
        #expect(added.stdout.contains("Brukeren kari (saksbehandler) er lagt inn."), "\(added.stderr)")
        #expect(try cli.run("users", "add", "ola", "--role", "sjef").status == 2, "an unknown role")
        #expect(try cli.run("users", "disable", "kari").stdout.contains("Brukeren kari er sperret."))
        #expect(try cli.run("users", "list").stdout.contains("sperret"))
        #expect(try cli.run("users", "enable", "kari").stdout.contains("Brukeren kari er åpnet."))
        #expect(try cli.run("users", "list").stdout.contains("aktiv"))
        let stored = try Self.databaseBytes(cli)
        #expect(stored.contains("kari"), "the files are read")
        #expect(!stored.contains("riktig-hest-batteri"), "only the bcrypt hash is stored")
    }

    @Test func aUserIsAddedForADistrict() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let added = try cli.child.run(
            ["users", "add", "kari", "--role", "saksbehandler", "--district", "Bydel St. Hanshaugen"],
            stdin: "riktig-hest-batteri\n")
        #expect(added.stdout.contains("Brukeren kari (saksbehandler, St. Hanshaugen) er lagt inn."), "\(added.stderr)")
        #expect(try cli.run("users", "list").stdout.contains("St. Hanshaugen"))
        let refused = try cli.child.run(
            ["users", "add", "ola", "--role", "saksbehandler", "--district", "?"], stdin: "riktig-hest-batteri\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bydelen skal være et navn på 2–64 tegn"))
        #expect(!(try cli.run("users", "list").stdout.contains("ola")))
    }
}
