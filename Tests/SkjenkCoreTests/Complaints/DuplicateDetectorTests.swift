import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// The duplicate rule: a logged complaint is likely the same episode as a new one when they share
/// a category, were received within the window of days, and are within the distance or about the
/// same venue. Open complaints are flagged for the officer; history is matched against all.
@Suite struct DuplicateDetectorTests {
    /// Pub Bislett, Pilestredet 63: where the new complaint is.
    let here = GeoPoint(latitude: 59.9240, longitude: 10.7338)
    let received = Fixtures.oslo("2026-11-20 14:30")
    let rule = DuplicateRule()
    static let day: TimeInterval = 86_400

    /// The complaint about to be logged: noise at Pub Bislett.
    func new(
        categories: Set<ComplaintCategory> = [.noise], keys: Set<String> = ["orgnr:974760673"],
        withoutPosition: Bool = false
    ) -> DuplicateCandidate {
        DuplicateCandidate(
            id: nil, episode: nil, position: withoutPosition ? nil : here, venueKeys: keys, categories: categories,
            receivedAt: received, isOpen: true)
    }

    /// A logged complaint at another venue (`orgnr:123456785`), `north` metres from `here`.
    func logged(
        _ id: Int64?, episode: Int64? = nil, north: Double? = 30, keys: Set<String> = ["orgnr:123456785"],
        categories: Set<ComplaintCategory> = [.noise], daysBefore: Double = 2, isOpen: Bool = true
    ) -> DuplicateCandidate {
        DuplicateCandidate(
            id: id, episode: episode, position: north.map { Fixtures.offset(here, north: $0) }, venueKeys: keys,
            categories: categories, receivedAt: received.addingTimeInterval(-daysBefore * Self.day), isOpen: isOpen)
    }

    // MARK: The rule

    @Test func aNearbyComplaintInTheSameCategoryWithinTheWindowIsFlagged() throws {
        let other = logged(1, north: 30)
        let flags = DuplicateDetector.flags(for: new(), among: [other], rule: rule)

        let distance = here.distance(to: try #require(other.position))
        #expect(flags == [DuplicateFlag(episode: 1, matched: 1, distance: distance, sameVenue: false, state: .pending)])
        #expect(abs(distance - 30) < 0.5)
    }

    @Test func aComplaintFurtherAwayThanTheDistanceAtAnotherVenueIsNotFlagged() {
        #expect(DuplicateDetector.flags(for: new(), among: [logged(1, north: 80)], rule: rule).isEmpty)
    }

    @Test func theSameVenueMatchesAtAnyDistance() throws {
        let other = logged(1, north: 2_000, keys: ["orgnr:974760673"])
        let flag = try #require(DuplicateDetector.flags(for: new(), among: [other], rule: rule).first)

        #expect(flag.sameVenue)
        #expect(flag.matched == 1)
        #expect(try #require(flag.distance) > rule.distance)
    }

    @Test func theSameVenueMatchesThroughEitherKey() {
        let venue = ComplaintVenue(
            organisationNumber: try! OrganisationNumber("974760673"), street: "Pilestredet 63")
        let byNumber = ComplaintVenue(organisationNumber: try! OrganisationNumber("974760673"))
        let byStreet = ComplaintVenue(street: "pilestredet  63, 0350 Oslo")
        let keys = DuplicateCandidate.venueKeys(venue)

        #expect(keys == ["orgnr:974760673", "adresse:pilestredet 63"])
        #expect(!keys.isDisjoint(with: DuplicateCandidate.venueKeys(byNumber)))
        #expect(!keys.isDisjoint(with: DuplicateCandidate.venueKeys(byStreet)))
        #expect(DuplicateCandidate.venueKeys(ComplaintVenue(name: "Pub Bislett")).isEmpty)
    }

    @Test func aStreetKeyMatchesTheSameVenueWrittenDifferently() throws {
        let new = DuplicateCandidate(
            unlogged: Fixtures.complaintEntry(
                venue: ComplaintVenue(street: "Thereses gt. 10")))
        let other = logged(
            4, north: nil, keys: DuplicateCandidate.venueKeys(ComplaintVenue(street: "Thereses gate 10, 0358 Oslo")))

        let flag = try #require(DuplicateDetector.flags(for: new, among: [other], rule: rule).first)
        #expect(flag.sameVenue)
        #expect(flag.distance == nil)
    }

    @Test func complaintsWithoutACommonCategoryAreNotFlagged() {
        let other = logged(1, north: 0, keys: ["orgnr:974760673"], categories: [.litter, .traffic])
        #expect(DuplicateDetector.flags(for: new(categories: [.noise, .disorder]), among: [other], rule: rule).isEmpty)
    }

    @Test func oneCommonCategoryIsEnough() {
        let other = logged(1, categories: [.disorder, .litter])
        #expect(
            DuplicateDetector.flags(for: new(categories: [.noise, .disorder]), among: [other], rule: rule).count == 1)
    }

    // MARK: Boundaries

    @Test(arguments: [
        // seconds from the new complaint's receipt (7 days = 604 800 s), matched under a 7-day window
        (-604_800, true), (604_800, true),
        (-604_801, false), (604_801, false),
        (0, true),
    ])
    func theWindowIncludesItsLastSecondOnEitherSide(offset: TimeInterval, matches: Bool) {
        let other = DuplicateCandidate(
            id: 1, episode: nil, position: here, venueKeys: [], categories: [.noise],
            receivedAt: received.addingTimeInterval(offset), isOpen: true)
        #expect(DuplicateDetector.flags(for: new(), among: [other], rule: rule).isEmpty == !matches)
    }

    @Test func theWindowFollowsTheRulesDays() {
        let rule = DuplicateRule(windowDays: 3)
        #expect(DuplicateDetector.flags(for: new(), among: [logged(1, daysBefore: 3)], rule: rule).count == 1)
        #expect(DuplicateDetector.flags(for: new(), among: [logged(1, daysBefore: 3.5)], rule: rule).isEmpty)

        let window = rule.window(around: received)
        #expect(window.from == received.addingTimeInterval(-3 * Self.day))
        #expect(window.to == received.addingTimeInterval(3 * Self.day))
    }

    @Test func aComplaintExactlyAtTheDistanceMatchesAndOneJustBeyondDoesNot() throws {
        let other = logged(1, north: 50)
        let distance = here.distance(to: try #require(other.position))

        let atBoundary = DuplicateRule(distance: distance)
        #expect(DuplicateDetector.flags(for: new(), among: [other], rule: atBoundary).map(\.distance) == [distance])

        let justShort = DuplicateRule(distance: distance.nextDown)
        #expect(DuplicateDetector.flags(for: new(), among: [other], rule: justShort).isEmpty)
    }

    @Test func withoutAPositionOnlyTheSameVenueMatches() {
        // Given a new complaint with no position, one logged next door and one at the same venue far away
        let nextDoor = logged(1, north: 0)
        let sameVenue = logged(2, north: 5_000, keys: ["orgnr:974760673"])

        // When
        let flags = DuplicateDetector.flags(for: new(withoutPosition: true), among: [nextDoor, sameVenue], rule: rule)

        // Then only the same venue is flagged, and no distance is claimed
        #expect(flags == [DuplicateFlag(episode: 2, matched: 2, distance: nil, sameVenue: true)])
    }

    @Test func aLoggedComplaintWithoutAPositionMatchesOnlyByVenue() {
        #expect(DuplicateDetector.flags(for: new(), among: [logged(1, north: nil)], rule: rule).isEmpty)
        let flags = DuplicateDetector.flags(
            for: new(), among: [logged(2, north: nil, keys: ["orgnr:974760673"])], rule: rule)
        #expect(flags == [DuplicateFlag(episode: 2, matched: 2, distance: nil, sameVenue: true)])
    }

    @Test func aCandidateWithoutAnIdOrWithTheNewOnesIdIsSkipped() {
        let unsaved = logged(nil, north: 0)
        let itself = DuplicateCandidate(
            id: 9, episode: nil, position: here, venueKeys: ["orgnr:974760673"], categories: [.noise],
            receivedAt: received, isOpen: true)
        #expect(DuplicateDetector.flags(for: itself, among: [unsaved, itself], rule: rule).isEmpty)
    }

    // MARK: Open and closed, episodes

    @Test func closedComplaintsAreNotFlaggedButAreHistoryMatches() throws {
        let closed = logged(1, north: 10, isOpen: false)
        #expect(DuplicateDetector.flags(for: new(), among: [closed], rule: rule).isEmpty)

        let match = try #require(DuplicateDetector.historyMatch(for: new(), among: [closed], rule: rule))
        #expect(match.matched == 1)
        #expect(match.episode == 1)
        #expect(match.state == .pending)
    }

    @Test func aHistoryMatchIsTheNearestOpenOrClosed() throws {
        let farOpen = logged(1, north: 40)
        let nearClosed = logged(2, north: 10, isOpen: false)
        let match = try #require(DuplicateDetector.historyMatch(for: new(), among: [farOpen, nearClosed], rule: rule))
        #expect(match.matched == 2)

        #expect(DuplicateDetector.historyMatch(for: new(), among: [logged(3, north: 500)], rule: rule) == nil)
    }

    @Test func aFlagNamesTheEpisodeTheMatchedComplaintBelongsTo() {
        // Complaint 5 is in episode 3 (linked, or flagged and not yet decided): the flag points there.
        let flags = DuplicateDetector.flags(for: new(), among: [logged(5, episode: 3)], rule: rule)
        #expect(flags.map(\.episode) == [3])
        #expect(flags.map(\.matched) == [5])
    }

    @Test func oneFlagPerEpisodeThroughItsNearestComplaint() {
        let far = logged(5, episode: 3, north: 45)
        let near = logged(6, episode: 3, north: 12)
        let head = logged(3, north: 30)
        let flags = DuplicateDetector.flags(for: new(), among: [far, head, near], rule: rule)
        #expect(flags.map(\.episode) == [3])
        #expect(flags.map(\.matched) == [6])
    }

    @Test func flagsAreNearestFirstWithoutDistanceLastAndTiesByEpisode() {
        let sameVenueNoPosition = logged(1, north: nil, keys: ["orgnr:974760673"])
        let at40 = logged(2, north: 40)
        let at10 = logged(3, north: 10)
        let alsoAt10 = logged(4, episode: 0, north: 10)
        let flags = DuplicateDetector.flags(
            for: new(), among: [sameVenueNoPosition, at40, at10, alsoAt10], rule: rule)
        #expect(flags.map(\.matched) == [4, 3, 2, 1])
        #expect(flags.map(\.episode) == [0, 3, 2, 1])
    }

    @Test func anUnloggedEntryIsAnOpenCandidateWithoutIdOrEpisode() {
        let entry = Fixtures.complaintEntry(categories: [.noise, .smoking])
        let candidate = DuplicateCandidate(unlogged: entry)
        #expect(candidate.id == nil)
        #expect(candidate.episode == nil)
        #expect(candidate.isOpen)
        #expect(candidate.categories == [.noise, .smoking])
        #expect(candidate.receivedAt == entry.receivedAt)
        #expect(candidate.position == entry.venue.position)
        #expect(candidate.venueKeys == ["orgnr:974760673", "adresse:pilestredet 63"])
    }

    // MARK: The flag's reason

    @Test(arguments: [
        (true, 37.6, "samme sted, 38 m unna"),
        (false, 12.4, "12 m unna"),
    ])
    func theReasonNamesTheVenueAndTheRoundedDistance(sameVenue: Bool, distance: Double, reason: String) {
        #expect(DuplicateFlag(episode: 1, matched: 1, distance: distance, sameVenue: sameVenue).reason == reason)
    }

    @Test func theReasonWithoutADistanceIsTheVenueAlone() {
        #expect(DuplicateFlag(episode: 1, matched: 1, distance: nil, sameVenue: true).reason == "samme sted")
    }

    @Test func theDefaultRuleIsFiftyMetresAndSevenDays() {
        #expect(DuplicateRule().distance == 50)
        #expect(DuplicateRule().windowDays == 7)
    }
}
