import Foundation
import GRDB
import SkjenkCore
@testable import SkjenkSQLite
import SkjenkStore
import SkjenkTestSupport
import Testing

/// What only the SQLite engine does or must survive: its online backup, a file shared by the
/// command line and the server, and files written by earlier versions of skjenk.
@Suite struct SQLiteStoreTests {
    /// A folder of its own, removed by the caller.
    private func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-sqlite-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func backupIsAConsistentCopy() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("live.sqlite").path, now: FixedClock().function)
        #expect(try store.journalMode() == "wal")
        _ = try await store.storeHearings(
            [Fixtures.hearing(1), Fixtures.hearing(2)], source: "a.xml",
            actor: Fixtures.actor, progress: nil)
        let copyPath = folder.appendingPathComponent("copy.sqlite").path
        try await store.backup(to: copyPath)
        let copy = try SQLiteStore(path: copyPath)
        #expect(try await copy.cases(status: nil).map(\.hearing) == store.cases(status: nil).map(\.hearing))
        await #expect(throws: StoreError.self) { try await store.backup(to: copyPath) }
    }

    /// A file written before sites had opening hours, users had profiles and the manager role
    /// existed (the schema after "Create complaintDuplicate, complaintReply and apiKey"), with a
    /// case, a site and a user in it, opens with every later migration and keeps its data.
    @Test func aFileFromAnEarlierSchemaIsMigratedWithItsData() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        let hearing = Fixtures.hearing(1)
        let created = Fixtures.oslo("2026-01-05 09:00")
        do {
            let old = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(old, upTo: "Create complaintDuplicate, complaintReply and apiKey")
            try await old.write { db in
                let point = hearing.venue.position?.geographic
                try db.execute(
                    sql: """
                        INSERT INTO hearing (caseKey, caseNumber, currentVersion, sent, deadline, district,
                            applicationType, permitType, applicantName, organisationNumber, venueName, street,
                            postalCode, postTown, latitude, longitude, createdAt, updatedAt)
                        VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        hearing.caseNumber.key, hearing.caseNumber.text, hearing.sent.iso, hearing.deadline.iso,
                        hearing.district, hearing.applicationType.rawValue, hearing.permitType.rawValue,
                        hearing.applicant.name, hearing.applicant.organisationNumber.digits, hearing.venue.name,
                        hearing.venue.address.street, hearing.venue.address.postalCode,
                        hearing.venue.address.postTown, point?.latitude, point?.longitude,
                        Timestamp.format(created), Timestamp.format(created),
                    ])
                try db.execute(
                    sql: """
                        INSERT INTO hearingVersion (hearingId, version, caseNumber, importedAt, importedBy, source, payload)
                        VALUES (?, 1, ?, ?, 'ola', 'gammel.xml', ?)
                        """,
                    arguments: [
                        db.lastInsertedRowID, hearing.caseNumber.text, Timestamp.format(created),
                        HearingPayload.encode(hearing),
                    ])
                try db.execute(
                    sql: """
                        INSERT INTO site (source, category, name, address, srid, x, y, latitude, longitude)
                        VALUES ('skoler', 'school', 'Bislett skole', 'Gate 1', 4326, 10.74, 59.93, 59.93, 10.74)
                        """)
                try db.execute(
                    sql: """
                        INSERT INTO webUser (name, role, passwordHash, disabled, createdAt)
                        VALUES ('kari', 'caseworker', 'hash', 0, ?)
                        """,
                    arguments: [Timestamp.format(created)])
            }
            try old.close()
        }

        // When today's skjenk opens the file
        let store = try SQLiteStore(path: path, now: FixedClock().function)

        // Then the case, the site and the user are there as they were, with the new fields empty
        let stored = try #require(try await store.storedCase(hearing.caseNumber))
        #expect(stored.hearing == hearing)
        #expect(stored.version == 1 && stored.createdAt == created)
        let site = try #require(try await store.sites().first)
        #expect(site.name == "Bislett skole" && site.category == .school && site.openingHours == nil)
        let user = try #require(try await store.users().first)
        #expect(user.name == "kari" && user.role == .caseworker && user.profile == nil)
        // and what the later migrations allow works on the old data
        _ = try await store.addUser(name: "leder", role: .manager, passwordHash: "x", actor: Fixtures.actor)
        #expect(try await store.users().map(\.role).sorted { $0.rawValue < $1.rawValue } == [.caseworker, .manager])
        let again = try await store.storeHearings([hearing], source: "ny.xml", actor: Fixtures.actor, progress: nil)
        #expect(again.unchanged == [hearing.caseNumber])
    }

    /// The command line and the server each open the file with their own connections: an import on
    /// one while the other logs complaints loses nothing on either side (WAL, busy timeout).
    @Test func twoProcessesWritingOneFileLoseNothing() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shared.sqlite").path
        let cli = try SQLiteStore(path: path, now: FixedClock().function)
        let server = try SQLiteStore(path: path, now: FixedClock().function)
        let hearings = (1...3_000).map { Fixtures.hearing($0) }

        async let imported: Void = {
            for batch in stride(from: 0, to: hearings.count, by: 500) {
                _ = try await cli.storeHearings(
                    Array(hearings[batch..<min(batch + 500, hearings.count)]), source: "batch\(batch).xml",
                    actor: Fixtures.actor, progress: nil)
            }
        }()
        var logged: [Int64] = []
        for index in 1...150 {
            logged.append(
                try await server.logComplaint(Self.complaint(index), actor: Actor(name: "kari", channel: "web")))
        }
        try await imported

        let reader = try SQLiteStore(path: path, now: FixedClock().function)
        #expect(try await reader.caseList(CaseListQuery(statuses: nil, limit: 1, today: Fixtures.day("2026-11-22"))).total
            == 3_000)
        #expect(Set(logged).count == 150)
        #expect(try await reader.complaintLog(ComplaintFilter()).count == 150)
    }

    static func complaint(_ index: Int) -> ComplaintLogEntry {
        Fixtures.complaintEntry(
            venue: ComplaintVenue(name: "Pub \(index)", street: "Thereses gate \(index)", postalCode: "0358"))
    }
}
