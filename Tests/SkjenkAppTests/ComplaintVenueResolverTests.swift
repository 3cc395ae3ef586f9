import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Linking what a complaint says about its venue to the registers, from every channel.
@Suite struct ComplaintVenueResolverTests {
    static let holder = Fixtures.organisationNumber(7)

    /// Two venues of one holder, one more at Thereses gate 10, and the address register's point for
    /// Pilestredet 61.
    func store(_ engine: StoreEngine) async throws -> any AppStore {
        let store = try await engine.store()
        _ = try await store.replaceVenues(
            [
                LicensedVenue(
                    name: "Pub Bislett", organisationNumber: Self.holder, address: "Pilestredet 63, 0350 Oslo",
                    position: try .wgs84(latitude: 59.9250, longitude: 10.7320), source: "kart"),
                LicensedVenue(
                    name: "Bar Bislett", organisationNumber: Self.holder, address: "Pilestredet 65, 0350 Oslo",
                    position: try .wgs84(latitude: 59.9260, longitude: 10.7310), source: "kart"),
                LicensedVenue(
                    name: "Kafé Theresa", address: "Thereses gate 10, 0358 Oslo",
                    position: try .wgs84(latitude: 59.9300, longitude: 10.7380), source: "kart"),
            ], source: "kart", actor: Fixtures.actor)
        _ = try await store.replaceAddresses(
            [
                AddressPoint(
                    streetName: "Pilestredet", number: 61, postalCode: "0350",
                    position: try .wgs84(latitude: 59.9245, longitude: 10.7330))
            ], source: "adresser", actor: Fixtures.actor)
        return store
    }

    func resolver(_ store: any AppStore) -> ComplaintVenueResolver {
        ComplaintVenueResolver(registers: store, addresses: store)
    }

    @Test(arguments: StoreEngine.all) func aHolderWithTwoVenuesIsResolvedByTheName(engine: StoreEngine) async throws {
        let store = try await store(engine)
        let (venue, notes) = try await resolver(store).resolve(
            ComplaintVenue(name: "bar bislett", organisationNumber: Self.holder))
        #expect(venue.street == "Pilestredet 65" && venue.postalCode == "0350")
        #expect(venue.position != nil)
        #expect(notes == ["koblet til Bar Bislett i registeret over steder med bevilling"])
    }

    @Test(arguments: StoreEngine.all) func theOnlyVenueAtAnAddressIsLinkedAndANameIsKeptWhenUnknown(
        engine: StoreEngine
    ) async throws {
        let store = try await store(engine)
        let (atAddress, _) = try await resolver(store).resolve(ComplaintVenue(street: "Thereses gate 10"))
        #expect(atAddress.name == "Kafé Theresa")

        let (unknown, notes) = try await resolver(store).resolve(ComplaintVenue(name: "Nattklubben"))
        #expect(unknown.name == "Nattklubben" && unknown.position == nil)
        #expect(notes == ["stedet finnes ikke i registeret over steder med bevilling; klagen kan kobles senere"])
    }

    @Test(arguments: StoreEngine.all) func anAddressWithoutAVenueIsPlacedFromTheAddressRegister(
        engine: StoreEngine
    ) async throws {
        let store = try await store(engine)
        let (placed, notes) = try await resolver(store).resolve(ComplaintVenue(street: "Pilestredet 61"))
        #expect(placed.name == nil && placed.postalCode == "0350")
        #expect(abs((placed.position?.latitude ?? 0) - 59.9245) < 0.000_001)
        #expect(notes == ["posisjon fra adresseregisteret (Pilestredet 61, 0350)"])

        let (missing, missingNotes) = try await resolver(store).resolve(ComplaintVenue(street: "Ullevålsveien 99"))
        #expect(missing.position == nil)
        #expect(missingNotes == ["fant ikke adressen i adresseregisteret; klagen teller bare ved samme adresse"])
    }

    @Test(arguments: StoreEngine.all) func aPositionAloneFindsTheNearestVenueOnlyWithinTheDistance(
        engine: StoreEngine
    ) async throws {
        let store = try await store(engine)
        // About 11 m north of Pub Bislett
        let near = ComplaintVenue(position: try .init(latitude: 59.9251, longitude: 10.7320))
        #expect(try await resolver(store).resolve(near, nearestWithin: 30).venue.name == "Pub Bislett")
        #expect(try await resolver(store).resolve(near, nearestWithin: 5).venue.name == nil)
        #expect(try await resolver(store).resolve(near).venue.name == nil)
    }
}
