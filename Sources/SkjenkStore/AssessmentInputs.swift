import Foundation
import SkjenkCore

/// What an assessment reads from the store: registers, complaints, and positions looked up by address.
public enum AssessmentInputs {
    /// `hearings` placed by their address where they lack a position, and the context to assess them in.
    public static func load(
        _ hearings: [Hearing], policy: Policy,
        database: some RegisterStore & AddressStore & ZoneStore & ComplaintStore, today: LocalDate
    ) async throws
        -> (hearings: [Hearing], context: AssessmentContext)
    {
        let sources = try await database.registerSources()
        // Hearings without a position are placed by their address, when the register has it.
        var lookups: [String: PositionLookup] = [:]
        var positioned: [Hearing] = []
        for hearing in hearings {
            guard hearing.venue.position == nil else {
                positioned.append(hearing)
                continue
            }
            var lookup = PositionLookup.noRegister
            if sources.contains(where: { $0.kind == .addresses }) {
                lookup = .notFound
                if let street = StreetAddress(hearing.venue.address.street),
                    let found = try await database.address(
                        street: street, postalCode: hearing.venue.address.postalCode)
                {
                    lookup = .found(found)
                }
            }
            lookups[hearing.caseNumber.key] = lookup
            positioned.append(hearing.positioned(by: lookup))
        }
        let context = AssessmentContext(
            policy: policy, sites: try await database.sites(), venues: try await database.licensedVenues(),
            penaltyPoints: sources.contains { $0.kind == .points } ? try await database.penaltyPoints() : nil,
            complaints: try await database.complaints(forHearingsOf: district(of: hearings)), positionLookups: lookups,
            zones: sources.contains { $0.kind == .zones } ? try await database.zoneAreas() : nil, today: today)
        return (positioned, context)
    }

    /// The district whose complaints `hearings` are assessed with: their own district's (and those
    /// logged without a district). Hearings of several districts are assessed with one context only
    /// in a deployment that does not divide its complaint log; callers with districts assess each
    /// district's hearings apart (`PolicySet`).
    static func district(of hearings: [Hearing]) -> String? {
        let districts = Set(hearings.map(\.district))
        return districts.count == 1 ? districts.first : nil
    }
}
