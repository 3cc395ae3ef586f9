import Foundation
import SkjenkPostgres
import SkjenkStore
import Testing

/// `--db` and `SKJENK_DB` holding a PostgreSQL URL: what is read from it, and from where the
/// password comes when the URL has none.
@Suite struct PostgresURLTests {
    @Test func aURLSelectsPostgreSQLAndAnythingElseIsAFile() {
        #expect(PostgresURL.isPostgres("postgres://vert/db"))
        #expect(PostgresURL.isPostgres("PostgreSQL://vert/db"))
        #expect(!PostgresURL.isPostgres("skjenk.sqlite"))
        #expect(!PostgresURL.isPostgres("/var/lib/skjenk/postgres.sqlite"))
    }

    @Test func userPasswordHostPortDatabaseAndModeComeFromTheURL() throws {
        let configuration = try PostgresURL.configuration(
            "postgres://kari:hemmelig%40ord@db.oslo.kommune.no:6543/skjenk?sslmode=disable", environment: [:])
        #expect(configuration.username == "kari")
        #expect(configuration.password == "hemmelig@ord")
        #expect(configuration.host == "db.oslo.kommune.no")
        #expect(configuration.port == 6543)
        #expect(configuration.database == "skjenk")
        #expect(PostgresURL.schema("postgres://vert/db?schema=bydel_sagene") == "bydel_sagene")
        #expect(PostgresURL.redacted("postgres://kari:hemmelig@vert/db") == "postgres://kari:****@vert/db")
    }

    @Test func thePasswordComesFromTheEnvironmentOrThePasswordFile() throws {
        let withEnvironment = try PostgresURL.configuration(
            "postgres://kari@vert/skjenk", environment: ["PGPASSWORD": "fra-miljoet"])
        #expect(withEnvironment.password == "fra-miljoet")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-pgpass-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass")
        try "# vert:port:database:bruker:passord\nannen:5432:*:kari:feil\nvert:*:skjenk:kari:fra-fila\n".write(
            to: file, atomically: true, encoding: .utf8)
        let fromFile = try PostgresURL.configuration(
            "postgres://kari@vert/skjenk", environment: ["PGPASSFILE": file.path])
        #expect(fromFile.password == "fra-fila")
        let none = try PostgresURL.configuration("postgres://ola@vert/skjenk", environment: ["PGPASSFILE": file.path])
        #expect(none.password == nil)
    }

    @Test func aBrokenURLIsRefusedInNorwegianWithoutItsPassword() {
        #expect(throws: StoreError.self) { try PostgresURL.configuration("postgres:///uten-vert", environment: [:]) }
        do {
            _ = try PostgresURL.configuration("postgres://kari:hemmelig@vert/db?sslmode=kanskje", environment: [:])
            Issue.record("an unknown sslmode was accepted")
        } catch {
            #expect("\(error)" == "ukjent sslmode «kanskje» (disable, prefer eller require)")
        }
        do {
            _ = try PostgresURL.configuration("postgres://kari:hemmelig@/db", environment: [:])
            Issue.record("a URL without a host was accepted")
        } catch {
            #expect(!"\(error)".contains("hemmelig"))
            #expect("\(error)".contains("er ikke en PostgreSQL-adresse"))
        }
    }
}

extension PostgresURLTests {
    /// A schema name must mean the same quoted and unquoted: lower-case ASCII, `_`, digits after the
    /// first letter. Refused before any connection is made.
    @Test func aSchemaNameThatPostgreSQLWouldReadDifferentlyIsRefused() async {
        for name in ["Bydel", "1bydel", "bydel-sagene", "bydel;drop", "sagene ø"] {
            await #expect(throws: StoreError.self, "\(name)") {
                _ = try await PostgresStore.open(url: "postgres://kari@127.0.0.1:1/skjenk", schema: name)
            }
        }
    }
}
