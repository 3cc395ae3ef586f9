import Foundation
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// The complaint log in the SQLite store: the status flow under its rules, episodes, the
/// complainant kept apart, the retention purge, the audit trail, and what the assessment reads.
@Suite struct ComplaintStoreTests {
    let actor = Fixtures.actor

    func step(
        _ action: FollowUpAction, at: String = "2026-11-21 09:00", due: String? = "2026-12-05",
        reason: ClosingReason? = nil, note: String? = nil
    ) -> FollowUpStep {
        FollowUpStep(
            action: action, note: note, by: "kari", at: Fixtures.oslo(at), nextDue: due.map(Fixtures.day),
            closingReason: reason)
    }

    @Test(arguments: StoreEngine.all) func aLoggedComplaintKeepsItsComplainantApart(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let entry = Fixtures.complaintEntry()
        let id = try await store.logComplaint(entry, actor: actor)

        let forStaff = try #require(try await store.complaint(id: id, includingComplainant: true))
        #expect(forStaff.complainant == entry.complainant)
        #expect(forStaff.hasComplainant)
        #expect(forStaff.status == .received)
        #expect(forStaff.nextDue == Fixtures.day("2026-12-04"))
        #expect(forStaff.steps.map(\.action) == [.registered])
        #expect(forStaff.venue == entry.venue)
        #expect(forStaff.description == entry.description)
        #expect(forStaff.receivedAt == entry.receivedAt)

        let withheld = try #require(try await store.complaint(id: id, includingComplainant: false))
        #expect(withheld.complainant == nil)
        #expect(withheld.hasComplainant)
        let listed = try await store.complaintLog(ComplaintFilter())
        #expect(listed.map(\.id) == [id])
        #expect(listed[0].complainant == nil)
        #expect(listed[0].hasComplainant)

        #expect(try await store.complaints() == [forStaff.evidence])
        let audit = try await store.complaintAuditTrail(id)
        #expect(audit.map(\.action) == ["complaint.created"])
        #expect(audit[0].actor == "testbruker")
        #expect(audit[0].detail.contains("med kontaktopplysninger om klageren"))
        #expect(!audit[0].detail.contains("Klagesen"))
    }

    @Test(arguments: StoreEngine.all) func anInvalidComplaintStoresNothing(engine: StoreEngine) async throws {
        let store = try await engine.store()
        var entry = Fixtures.complaintEntry()
        entry.categories = []
        entry.complainant?.email = "ikke en adresse"
        await #expect(throws: ComplaintLogError.self) { try await store.logComplaint(entry, actor: self.actor) }
        // A batch with one bad complaint stores none of them.
        await #expect(throws: ComplaintLogError.self) {
            try await store.logComplaints(
                [Fixtures.complaintEntry(), entry], source: "test", duplicates: nil, actor: self.actor)
        }
        #expect(try await store.complaintLog(ComplaintFilter()).isEmpty)
        #expect(try await store.auditTrail(for: nil, limit: 10).isEmpty)
    }

    @Test(arguments: StoreEngine.all) func noStepAfterCloseAndReopeningIsAudited(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let id = try await store.logComplaint(Fixtures.complaintEntry(), actor: actor)
        _ = try await store.addStep(step(.environmentalHealth), toComplaint: id, actor: actor)
        let closed = try await store.addStep(step(.closed, due: nil, reason: .unfounded), toComplaint: id, actor: actor)
        #expect(closed.status == .closed)
        #expect(try await store.complaints()[0].unfounded)

        await #expect(throws: ComplaintLogError.flow(.closed(id: id))) {
            try await store.addStep(self.step(.contactedVenue), toComplaint: id, actor: self.actor)
        }
        #expect(try await store.complaint(id: id, includingComplainant: false)?.steps.count == 3)

        let reopened = try await store.addStep(
            step(.reopened, note: "Ny melding fra naboen"), toComplaint: id, actor: Actor(name: "ola", channel: "web"))
        #expect(reopened.status == .inFollowUp)
        #expect(reopened.closingReason == nil)
        #expect(!(try await store.complaints()[0].unfounded))
        let audit = try await store.complaintAuditTrail(id)
        #expect(
            audit.map(\.action) == [
                "complaint.created", "complaint.environmentalHealth", "complaint.closed", "complaint.reopened",
            ])
        #expect(audit[3].actor == "ola")
        #expect(audit[3].channel == "web")
        #expect(audit[3].detail.contains("status: avsluttet → under oppfølging"))
        await #expect(throws: ComplaintLogError.notFound(99)) {
            try await store.addStep(self.step(.other), toComplaint: 99, actor: self.actor)
        }
    }

    @Test(arguments: StoreEngine.all) func filtersFindOverdueDueAndByVenueOfficerAndCategory(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let today = Fixtures.day("2026-11-22")
        let yesterday = try await store.logComplaint(
            Fixtures.complaintEntry(officer: "kari", due: "2026-11-21"), actor: actor)
        let dueToday = try await store.logComplaint(
            Fixtures.complaintEntry(categories: [.minors], officer: "ola", due: "2026-11-22"), actor: actor)
        let tomorrow = try await store.logComplaint(
            Fixtures.complaintEntry(
                officer: "kari", due: "2026-11-23",
                venue: ComplaintVenue(street: "Thereses gate 10", postalCode: "0358")),
            actor: actor)
        let closed = try await store.logComplaint(Fixtures.complaintEntry(due: "2026-11-01"), actor: actor)
        _ = try await store.addStep(step(.closed, due: nil, reason: .resolved), toComplaint: closed, actor: actor)

        func ids(_ filter: ComplaintFilter) async throws -> Set<Int64> {
            Set(try await store.complaintLog(filter).compactMap(\.id))
        }
        #expect(try await ids(ComplaintFilter(overdueOn: today)) == [yesterday])
        #expect(try await ids(ComplaintFilter(dueBy: today)) == [yesterday, dueToday])
        #expect(try await ids(ComplaintFilter(dueBy: today.adding(days: 1))) == [yesterday, dueToday, tomorrow])
        #expect(try await ids(ComplaintFilter(officer: "KARI")) == [yesterday, tomorrow, closed])
        #expect(try await ids(ComplaintFilter(category: .minors)) == [dueToday])
        #expect(try await ids(ComplaintFilter(venue: "974 760 673")) == [yesterday, dueToday, closed])
        #expect(try await ids(ComplaintFilter(venue: "thereses gate 10")) == [tomorrow])
        #expect(try await ids(ComplaintFilter(venue: "bislett")) == [yesterday, dueToday, closed])
        #expect(try await ids(ComplaintFilter(statuses: [.closed])) == [closed])
    }

    @Test(arguments: StoreEngine.all) func tenNeighboursReportingOneEpisodeCountAsOneEpisodeWithTenReports(engine: StoreEngine) async throws {
        let store = try await engine.store()
        var ids: [Int64] = []
        for index in 0..<10 {
            ids.append(
                try await store.logComplaint(
                    Fixtures.complaintEntry(received: "2026-11-20 0\(index):00", incident: "2026-11-19"), actor: actor))
        }
        let other = try await store.logComplaint(
            Fixtures.complaintEntry(incident: "2026-10-02", categories: [.disorder]), actor: actor)
        // Linked in two steps: the second merges the episodes.
        let first = try await store.linkEpisode(Array(ids[0..<4]), actor: actor)
        let second = try await store.linkEpisode(Array(ids[4..<10]), actor: actor)
        #expect(try await store.linkEpisode([ids[9], ids[2]], actor: actor) == min(first, second))

        let hearing = ComplaintsAssessment.hearing()
        let summary = try await ComplaintsAssessment.summary(hearing, store)
        #expect(summary == ComplaintSummary(total: 11, episodes: 2, byCategory: [.noise: 1, .disorder: 1]))
        #expect(try await store.complaintLog(ComplaintFilter(episode: ids[0])).count == 10)
        #expect(try await store.complaintAuditTrail(ids[5]).contains { $0.action == "complaint.linked" })

        // Taking one out leaves nine in the episode and one on its own.
        try await store.unlinkEpisode(ids[0], actor: actor)
        let after = try await ComplaintsAssessment.summary(hearing, store)
        #expect(after?.episodes == 3)
        #expect(try await store.complaintLog(ComplaintFilter(episode: ids[1])).count == 9)
        _ = other
    }

    @Test(arguments: StoreEngine.all) func complaintsAboutDifferentVenuesCannotBeOneEpisode(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let a = try await store.logComplaint(Fixtures.complaintEntry(), actor: actor)
        let b = try await store.logComplaint(
            Fixtures.complaintEntry(venue: ComplaintVenue(name: "Bar Boble", street: "Thereses gate 10")), actor: actor)
        await #expect(throws: ComplaintLogError.differentVenues(a, b)) {
            try await store.linkEpisode([a, b], actor: self.actor)
        }
        await #expect(throws: ComplaintLogError.linkNeedsTwo) {
            try await store.linkEpisode([a, a], actor: self.actor)
        }
        #expect(try await store.complaintLog(ComplaintFilter()).allSatisfy { $0.episodeId == nil })
    }

    /// Issue 15: `%` and `_` in a venue search are the characters themselves, not wildcards, and
    /// case is ignored in every alphabet.
    @Test(arguments: StoreEngine.all) func aVenueSearchTakesPercentAndUnderscoreLiterally(engine: StoreEngine) async throws {
        let store = try await engine.store()
        func log(_ name: String) async throws -> Int64 {
            try await store.logComplaint(
                Fixtures.complaintEntry(venue: ComplaintVenue(name: name, street: "Ullevålsveien 5")), actor: actor)
        }
        let percent = try await log("Bar 100%")
        let plain = try await log("Bar 1000")
        let underscore = try await log("Øl_huset")
        let other = try await log("Ølhuset")
        func ids(_ text: String) async throws -> Set<Int64> {
            Set(try await store.complaintLog(ComplaintFilter(venue: text)).compactMap(\.id))
        }
        #expect(try await ids("100%") == [percent])
        #expect(try await ids("%") == [percent])
        #expect(try await ids("l_h") == [underscore])
        #expect(try await ids("øL") == [underscore, other])
        #expect(try await ids("100") == [percent, plain])
    }

    @Test(arguments: StoreEngine.all) func theHistoryFollowsTheAddressWhenTheOwnerChanges(engine: StoreEngine) async throws {
        let store = try await engine.store()
        // Logged against the former holder, at the venue's address.
        for incident in ["2026-03-01", "2026-05-01"] {
            _ = try await store.logComplaint(
                Fixtures.complaintEntry(
                    received: "\(incident) 12:00", incident: incident, due: "2026-12-31",
                    venue: ComplaintVenue(
                        name: "Bislett Pub", organisationNumber: try OrganisationNumber("911223341"),
                        street: "Pilestredet 63")),
                actor: actor)
        }
        // The new holder applies for the same place.
        var hearing = ComplaintsAssessment.hearing()
        hearing.applicationType = .changeOfOwner
        hearing.applicant.organisationNumber = try OrganisationNumber("983887457")
        let summary = try await ComplaintsAssessment.summary(hearing, store)
        #expect(summary?.total == 2)
        #expect(summary?.episodes == 2)
    }

    @Test(arguments: StoreEngine.all) func thePurgeRemovesPersonalDataAndKeepsTheCounts(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let old = try await store.logComplaint(
            Fixtures.complaintEntry(received: "2022-05-02 10:00", incident: "2022-05-01", due: "2022-05-16"),
            actor: actor)
        _ = try await store.addStep(
            step(.closed, at: "2022-06-01 10:00", due: nil, reason: .resolved, note: "Ringte Kari Klagesen"),
            toComplaint: old, actor: actor)
        let recent = try await store.logComplaint(
            Fixtures.complaintEntry(received: "2026-09-02 10:00", incident: "2026-09-01", due: "2026-09-16"),
            actor: actor)
        _ = try await store.addStep(
            step(.closed, at: "2026-09-10 10:00", due: nil, reason: .resolved), toComplaint: recent, actor: actor)
        let open = try await store.logComplaint(
            Fixtures.complaintEntry(received: "2022-05-03 10:00", incident: "2022-05-01", due: "2022-05-16"),
            actor: actor)

        let before = try await store.complaintLog(ComplaintFilter())
        let evidenceBefore = try await store.complaints()
        let statsBefore = ComplaintStatistics(
            entries: before, from: YearMonth(year: 2022, month: 1), to: YearMonth(year: 2026, month: 12))

        let cutoff = Fixtures.oslo("2023-11-22 10:00")  // three years before the fixed clock
        #expect(try await store.purgePersonalData(closedBefore: cutoff, actor: actor) == 1)
        #expect(try await store.purgePersonalData(closedBefore: cutoff, actor: actor) == 0)

        let purged = try #require(try await store.complaint(id: old, includingComplainant: true))
        #expect(purged.complainant == nil)
        #expect(!purged.hasComplainant)
        #expect(purged.description == nil)
        #expect(purged.steps.allSatisfy { $0.note == nil })
        #expect(purged.purgedAt != nil)
        #expect(purged.categories == [.noise])
        #expect(purged.closingReason == .resolved)
        #expect(try await store.complaint(id: recent, includingComplainant: true)?.complainant != nil)
        #expect(try await store.complaint(id: open, includingComplainant: true)?.complainant != nil)

        let after = try await store.complaintLog(ComplaintFilter())
        #expect(try await store.complaints() == evidenceBefore)
        #expect(
            ComplaintStatistics(
                entries: after, from: YearMonth(year: 2022, month: 1), to: YearMonth(year: 2026, month: 12))
                == statsBefore)
        let audit = try await store.complaintAuditTrail(old)
        #expect(audit.last?.action == "complaint.purged")
        #expect(!audit.contains { $0.detail.contains("Klagesen") })
    }

    @Test(arguments: StoreEngine.all) func anExportReadsComplainantsOnlyWhenAskedAndIsAudited(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let first = try await store.logComplaint(Fixtures.complaintEntry(), actor: actor)
        let second = try await store.logComplaint(
            Fixtures.complaintEntry(received: "2026-11-21 09:00", complainant: nil), actor: actor)
        _ = try await store.addStep(
            step(.closed, at: "2026-11-21 10:00", reason: .resolved), toComplaint: first, actor: actor)

        let plain = try await store.exportComplaints(ComplaintFilter(), includingComplainants: false, actor: actor)
        #expect(plain.map(\.id) == [second, first])
        #expect(plain.allSatisfy { $0.complainant == nil })
        #expect(plain.map(\.hasComplainant) == [false, true])
        #expect(plain.last?.steps.map(\.action) == [.registered, .closed])

        let personal = try await store.exportComplaints(ComplaintFilter(), includingComplainants: true, actor: actor)
        #expect(personal.last?.complainant == Fixtures.complaintEntry().complainant)
        #expect(personal.first?.complainant == nil)
        #expect(personal.map(\.hasComplainant) == [false, true])

        let open = try await store.exportComplaints(
            ComplaintFilter(statuses: [.received]), includingComplainants: false, actor: actor)
        #expect(open.map(\.id) == [second])

        let exports = try await store.auditTrail(for: nil, limit: 100).filter { $0.action == "complaints.exported" }
        #expect(
            exports.map(\.detail).sorted() == [
                "1 klage eksportert, uten personopplysninger", "2 klager eksportert, med opplysninger om klagerne",
                "2 klager eksportert, uten personopplysninger",
            ])
        for event in exports { #expect(!event.detail.contains("Kari Klagesen")) }
    }

    @Test(arguments: StoreEngine.all) func aBatchIsCheckedForDuplicatesWithinItselfAndAgainstTheLog(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let origin = GeoPoint(latitude: 59.95, longitude: 10.80)
        func report(_ received: String, _ position: GeoPoint, closed: Bool = false) -> ComplaintLogEntry {
            var entry = Fixtures.complaintEntry(
                received: received, incident: "2026-11-17", venue: ComplaintVenue(position: position))
            if closed {
                entry.steps = [
                    FollowUpStep(action: .registered, by: "kari", at: entry.receivedAt, nextDue: entry.nextDue),
                    FollowUpStep(
                        action: .closed, by: "kari", at: entry.receivedAt.addingTimeInterval(3_600),
                        closingReason: .resolved),
                ]
            }
            return entry
        }
        let logged = try await store.logComplaint(report("2026-11-18 22:00", origin), actor: actor)
        let summary = try await store.logComplaints(
            [
                report("2026-11-19 23:00", Fixtures.offset(origin, north: 25)),
                report("2026-11-20 23:00", Fixtures.offset(origin, north: 300)),
                report("2026-11-21 23:00", Fixtures.offset(origin, north: 320)),
                report("2026-11-21 23:30", Fixtures.offset(origin, east: 10), closed: true),
            ], source: "regneark", duplicates: DuplicateRule(), actor: actor)
        let ids = summary.added
        var flags: [Int64: [DuplicateFlag]] = [:]
        for id in ids { flags[id] = try await store.complaint(id: id, includingComplainant: false)?.duplicateFlags }
        #expect(flags[ids[0]]?.map(\.episode) == [logged], "against the log")
        #expect(flags[ids[1]]?.isEmpty == true, "300 m from the others")
        #expect(flags[ids[2]]?.map(\.episode) == [ids[1]], "against an earlier complaint of the same batch")
        #expect(flags[ids[3]]?.isEmpty == true, "a closed complaint is history, not a duplicate to decide")
        let history = try await store.complaint(id: ids[3], includingComplainant: false)
        #expect(history?.episodeId == logged, "…linked at once into the nearest complaint's episode")
        #expect(summary.linked == [ids[3]: logged])
        // Without a rule, nothing is flagged.
        let plain = try await store.logComplaints(
            [report("2026-11-22 09:00", origin)], source: "json", duplicates: nil, actor: actor)
        #expect(try await store.complaint(id: plain.added[0], includingComplainant: false)?.duplicateFlags == [])
    }

    /// A report that arrived already closed (a row of the district's spreadsheet with its closing).
    private func closedReport(
        _ received: String, _ reference: String, venue: ComplaintVenue? = nil,
        categories: Set<ComplaintCategory> = [.noise]
    ) -> ComplaintLogEntry {
        var entry = Fixtures.complaintEntry(
            received: received, incident: String(received.prefix(10)), categories: categories, venue: venue,
            complainant: nil)
        entry.externalReference = reference
        entry.steps = [
            FollowUpStep(action: .registered, by: "kari", at: entry.receivedAt, nextDue: entry.nextDue),
            FollowUpStep(
                action: .closed, by: "kari", at: entry.receivedAt.addingTimeInterval(86_400),
                closingReason: .resolved),
        ]
        return entry
    }

    @Test(arguments: StoreEngine.all) func closedReportsOfOneNightAreLinkedIntoOneEpisodeOnImport(engine: StoreEngine) async throws {
        // Given: two closed reports of the same night about Pub Bislett, a closed one about another
        // venue that night, a closed one about Pub Bislett a month later, and an open one.
        let store = try await engine.store()
        let elsewhere = ComplaintVenue(
            name: "Bar Boble", street: "Thereses gate 10", postalCode: "0358",
            position: GeoPoint(latitude: 59.9290, longitude: 10.7420))
        var open = Fixtures.complaintEntry(received: "2026-10-12 15:00", incident: "2026-10-11", complainant: nil)
        open.externalReference = "5"
        // When
        let summary = try await store.logComplaints(
            [
                closedReport("2026-10-12 09:15", "1"),
                closedReport("2026-10-12 11:40", "2"),
                closedReport("2026-10-12 12:00", "3", venue: elsewhere),
                closedReport("2026-11-12 09:00", "4"),
                open,
            ], source: "regneark", duplicates: DuplicateRule(), actor: actor)
        // Then
        let ids = summary.added
        try #require(ids.count == 5)
        var episodes: [Int64?] = []
        for id in ids { episodes.append(try await store.complaint(id: id, includingComplainant: false)?.episodeId) }
        #expect(episodes == [ids[0], ids[0], nil, nil, nil])
        #expect(summary.linked == [ids[1]: ids[0]])
        // No flag for an officer: nobody will decide on history, and the open report only meets closed ones.
        #expect(try await store.pendingDuplicates().isEmpty)
        let linked = try await store.complaintAuditTrail(ids[1]).filter { $0.action == "complaint.linked" }
        #expect(
            linked.map(\.detail) == [
                "samme episode som klage \(ids[0]) (episode \(ids[0])); "
                    + "koblet ved import av en avsluttet klage fra regneark (samme sted, 0 m unna)"
            ])
        #expect(try await store.complaintAuditTrail(ids[0]).contains { $0.action == "complaint.linked" })
        #expect(try await store.complaintLog(ComplaintFilter(episode: ids[0])).count == 2)

        // A later batch: a closed report of the same night joins the episode from the log.
        let later = try await store.logComplaints(
            [closedReport("2026-10-13 08:00", "6")], source: "regneark", duplicates: DuplicateRule(), actor: actor)
        #expect(later.linked == [later.added[0]: ids[0]])
        #expect(try await store.complaintLog(ComplaintFilter(episode: ids[0])).count == 3)
    }

    @Test(arguments: StoreEngine.all) func theAssessmentCountsALinkedClosedPairAsOneEpisode(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let summary = try await store.logComplaints(
            [
                closedReport("2026-10-12 09:15", "1"),
                closedReport("2026-10-12 11:40", "2"),
                closedReport("2026-11-12 09:00", "3"),
            ], source: "regneark", duplicates: DuplicateRule(), actor: actor)
        #expect(summary.linked.count == 1)
        let assessed = try await ComplaintsAssessment.summary(ComplaintsAssessment.hearing(), store)
        #expect(assessed == ComplaintSummary(total: 3, episodes: 2, byCategory: [.noise: 2]))
    }

    struct TemplateBroke: Error {}

    @Test(arguments: StoreEngine.all) func aComplaintAndItsAnswerAreWrittenTogetherOrNotAtAll(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let before = try await store.auditTrail(for: nil, limit: 100).count
        await #expect(throws: TemplateBroke.self) {
            try await store.logComplaint(
                Fixtures.complaintEntry(), actor: actor, receipt: { _ in throw TemplateBroke() })
        }
        #expect(try await store.complaintLog(ComplaintFilter()).isEmpty)
        #expect(try await store.auditTrail(for: nil, limit: 100).count == before)

        let id = try await store.logComplaint(
            Fixtures.complaintEntry(), actor: actor,
            receipt: { stored in
                ComplaintReply(
                    kind: .receipt, text: "Klage \(stored.id ?? 0), frist \(stored.nextDue?.iso ?? "")",
                    createdAt: stored.receivedAt, createdBy: "kari")
            })
        #expect(try await store.replies(ofComplaint: id).map(\.text) == ["Klage \(id), frist 2026-12-04"])

        await #expect(throws: TemplateBroke.self) {
            try await store.addStep(
                step(.closed, reason: .resolved), toComplaint: id, actor: actor, reply: { _ in throw TemplateBroke() })
        }
        let open = try #require(try await store.complaint(id: id, includingComplainant: false))
        #expect(open.status == .received)
        #expect(open.steps.count == 1)
        #expect(try await store.replies(ofComplaint: id).count == 1)
    }

    @Test(arguments: StoreEngine.all) func reimportingTheSameReferencesAddsNothing(engine: StoreEngine) async throws {
        let store = try await engine.store()
        var first = Fixtures.complaintEntry()
        first.externalReference = "17"
        var second = Fixtures.complaintEntry(received: "2026-11-21 10:00")
        second.externalReference = "18"
        let summary = try await store.logComplaints([first, second], source: "regneark", duplicates: nil, actor: actor)
        #expect(summary.added.count == 2)
        let again = try await store.logComplaints([first, second], source: "regneark", duplicates: nil, actor: actor)
        #expect(again.added.isEmpty)
        #expect(again.alreadyLogged == ["17", "18"])
        // The same number from another source is another complaint.
        #expect(
            try await store.logComplaints([first], source: "open311", duplicates: nil, actor: actor).added.count == 1)
        #expect(try await store.complaintLog(ComplaintFilter()).count == 3)
    }

    @Test(arguments: StoreEngine.all) func aComplaintLoggedWithAnAddressIsLinkedToTheVenueLater(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let id = try await store.logComplaint(
            Fixtures.complaintEntry(venue: ComplaintVenue(street: "Pilestredet 63")), actor: actor)
        let venue = ComplaintVenue(
            name: "Pub Bislett", organisationNumber: try OrganisationNumber("974760673"), street: "Pilestredet 63")
        try await store.updateVenue(venue, ofComplaint: id, actor: actor)
        #expect(try await store.complaint(id: id, includingComplainant: false)?.venue == venue)
        #expect(
            try await store.complaintAuditTrail(id).last?.detail
                == "sted: Pilestredet 63 → Pub Bislett (Pilestredet 63)")
    }
}

/// Assesses a hearing at Pilestredet 63 with the complaints in a store.
enum ComplaintsAssessment {
    static func hearing() -> Hearing {
        var hearing = Fixtures.hearing(5, applicationType: .renewal)
        hearing.applicant.organisationNumber = try! OrganisationNumber("974760673")
        hearing.venue.address.street = "Pilestredet 63"
        hearing.venue.position = try! .wgs84(latitude: 59.9240, longitude: 10.7338)
        return hearing
    }

    static func summary(_ hearing: Hearing, _ store: any AppStore) async throws -> ComplaintSummary? {
        let context = AssessmentContext(
            policy: try Fixtures.policy(), sites: [], venues: [], complaints: try await store.complaints(),
            today: Fixtures.day("2026-11-22"))
        return Assessor.assess(hearing, context: context).complaints
    }
}
