import Foundation
import SkjenkCore
import SkjenkStore

/// Links what a complaint says about the venue to the registers: a known venue by organisation
/// number or (unique) name, giving its address and position; otherwise the address's position from
/// the address register. What it could not link stays as given, to be linked later.
public struct ComplaintVenueResolver: Sendable {
    let registers: any RegisterStore
    let addresses: any AddressStore

    public init(registers: any RegisterStore, addresses: any AddressStore) {
        self.registers = registers
        self.addresses = addresses
    }

    /// The venue completed from the registers, and what was done, in Norwegian.
    /// `nearestWithin` (metres) links a complaint given by position alone, or by an address, to the
    /// nearest licensed venue that close (Open311 reports from a map).
    public func resolve(
        _ given: ComplaintVenue, nearestWithin: Double? = nil
    ) async throws -> (venue: ComplaintVenue, notes: [String]) {
        var venue = given
        var notes: [String] = []
        let known = try await registers.licensedVenues()
        if let match = Self.match(given, in: known) ?? Self.sameAddress(given, in: known)
            ?? nearestWithin.flatMap({ Self.nearest(given, in: known, within: $0) })
        {
            venue.name = venue.name ?? match.name
            venue.organisationNumber = venue.organisationNumber ?? match.organisationNumber
            if venue.street == nil, let address = match.address {
                let parts = Self.split(address)
                venue.street = parts.street
                venue.postalCode = venue.postalCode ?? parts.postalCode
            }
            venue.position = venue.position ?? match.position.geographic
            notes.append("koblet til \(match.name) i registeret over steder med bevilling")
        } else if given.organisationNumber != nil || given.name != nil {
            notes.append("stedet finnes ikke i registeret over steder med bevilling; klagen kan kobles senere")
        } else if let street = given.street {
            // An address alone: the venues registered there are the likely ones; the officer links it.
            let key = StreetKey.make(street)
            let there = known.filter { $0.address.map { StreetKey.make(Self.split($0).street) == key } ?? false }
            if let first = there.first {
                venue.position = venue.position ?? first.position.geographic
                notes.append(
                    "på adressen har " + NorwegianFormat.list(there.map(\.name)) + " bevilling; knytt klagen til "
                        + "stedet med «skjenk complaints venue» når det er kjent")
            }
        }
        if venue.position == nil, let text = venue.street, let street = StreetAddress(text) {
            if let address = try await addresses.address(street: street, postalCode: venue.postalCode) {
                venue.position = address.position.geographic
                venue.postalCode = venue.postalCode ?? address.postalCode
                notes.append("posisjon fra adresseregisteret (\(address.street), \(address.postalCode))")
            } else {
                notes.append("fant ikke adressen i adresseregisteret; klagen teller bare ved samme adresse")
            }
        }
        return (venue, notes)
    }

    /// The registered venue the complaint means: by organisation number (preferring the same name or
    /// address when the holder has several), else by a name only one venue has.
    static func match(_ venue: ComplaintVenue, in known: [LicensedVenue]) -> LicensedVenue? {
        func sameName(_ candidate: LicensedVenue) -> Bool {
            venue.name.map { candidate.name.localizedCaseInsensitiveCompare($0) == .orderedSame } ?? false
        }
        func sameStreet(_ candidate: LicensedVenue) -> Bool {
            guard let street = venue.street, let address = candidate.address else { return false }
            return StreetKey.make(split(address).street) == StreetKey.make(street)
        }
        if let number = venue.organisationNumber {
            let held = known.filter { $0.organisationNumber == number }
            if let match = held.first(where: sameName) ?? held.first(where: sameStreet)
                ?? (held.count == 1 ? held[0] : nil)
            {
                return match
            }
        }
        // By name, among venues the register gives no other holder for (the permit map has no numbers).
        let named = known.filter {
            sameName($0) && ($0.organisationNumber == nil || $0.organisationNumber == venue.organisationNumber)
        }
        if named.count == 1 { return named[0] }
        return named.first(where: sameStreet)
    }

    /// The one venue registered at the address of a complaint that names no venue.
    static func sameAddress(_ venue: ComplaintVenue, in known: [LicensedVenue]) -> LicensedVenue? {
        guard venue.name == nil, venue.organisationNumber == nil, let street = venue.street else { return nil }
        let key = StreetKey.make(street)
        let there = known.filter { $0.address.map { StreetKey.make(split($0).street) == key } ?? false }
        return there.count == 1 ? there[0] : nil
    }

    /// The licensed venue nearest a complaint that names no venue, if within `distance` metres.
    static func nearest(_ venue: ComplaintVenue, in known: [LicensedVenue], within distance: Double) -> LicensedVenue? {
        guard venue.name == nil, venue.organisationNumber == nil, let position = venue.position else { return nil }
        return known.map { ($0, $0.position.geographic.distance(to: position)) }.filter { $0.1 <= distance }
            .min { $0.1 < $1.1 }?.0
    }

    /// "Thereses gate 10, 0358 Oslo" → ("Thereses gate 10", "0358").
    static func split(_ address: String) -> (street: String, postalCode: String?) {
        let parts = address.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let postalCode = parts.count > 1 ? parts[1].split(separator: " ").first.map(String.init) : nil
        return (parts[0], postalCode.flatMap { $0.count == 4 && Int($0) != nil ? $0 : nil })
    }
}

/// Completes a complaint before it is logged, the same way from the command line, the web and
/// other systems: the venue linked to the registers, the first response due after the policy's
/// `klager.forste_svar_dager` unless a due date was given, and flags on the open episodes it is
/// likely a duplicate of (the policy's `klager.duplikat_avstand` and `klager.duplikat_dager`).
public struct ComplaintIntake: Sendable {
    let resolver: ComplaintVenueResolver
    /// Days to the first response; nil when no policy was loaded (then a due date must be given).
    let firstResponseDays: Int?
    /// Where to look for duplicates and by which rule; nil to skip the check.
    let duplicates: (store: any ComplaintStore, rule: DuplicateRule)?
    /// Metres within which a complaint given by position is linked to the nearest venue.
    public var nearestVenueWithin: Double?

    public init(
        resolver: ComplaintVenueResolver, firstResponseDays: Int?,
        duplicates: (store: any ComplaintStore, rule: DuplicateRule)? = nil
    ) {
        self.resolver = resolver
        self.firstResponseDays = firstResponseDays
        self.duplicates = duplicates
    }

    /// The intake a store gives with a policy: venue linking, first due date and duplicate flags.
    public static func standard(
        _ store: some ComplaintStore & RegisterStore & AddressStore, policy: Policy
    ) -> ComplaintIntake {
        var intake = ComplaintIntake(
            resolver: ComplaintVenueResolver(registers: store, addresses: store),
            firstResponseDays: policy.firstResponseDays, duplicates: (store, policy.duplicates))
        intake.nearestVenueWithin = policy.venueLinkDistance
        return intake
    }

    public func prepare(_ entry: ComplaintLogEntry) async throws -> (entry: ComplaintLogEntry, notes: [String]) {
        var entry = entry
        let (venue, venueNotes) = try await resolver.resolve(entry.venue, nearestWithin: nearestVenueWithin)
        entry.venue = venue
        if entry.nextDue == nil {
            guard let firstResponseDays else {
                throw ComplaintLogError.invalid(["oppgi fristen for første svar (--due), eller en policyfil (--policy)"]
                )
            }
            entry.nextDue = ComplaintRouting.firstDue(receivedAt: entry.receivedAt, days: firstResponseDays)
        }
        for index in entry.steps.indices where entry.steps[index].action != .closed {
            entry.steps[index].nextDue = entry.steps[index].nextDue ?? entry.nextDue
        }
        var notes = venueNotes
        if let (store, rule) = duplicates {
            let window = rule.window(around: entry.receivedAt)
            let logged = try await store.duplicateCandidates(receivedFrom: window.from, to: window.to, district: entry.district)
            entry.duplicateFlags = DuplicateDetector.flags(
                for: DuplicateCandidate(unlogged: entry), among: logged, rule: rule)
            for flag in entry.duplicateFlags {
                notes.append("mulig samme episode som klage \(flag.episode) (\(flag.reason)); saksbehandleren avgjør")
            }
        }
        return (entry, notes)
    }
}
