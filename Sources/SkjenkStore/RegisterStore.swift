import Foundation
import SkjenkCore

/// The registers the assessment reads (sensitive sites, licensed venues, points, addresses, zones)
/// and the roads the statement's map draws.
public enum RegisterKind: String, Sendable, Hashable, Codable, CaseIterable {
    // New kinds go last: PostgreSQL locks an import by the kind's place in this list.
    case sites, venues, points, addresses, zones, roads

    public var label: String {
        switch self {
        case .sites: "steder"
        case .venues: "skjenke- og salgssteder"
        case .points: "prikker"
        case .addresses: "adresser"
        case .zones: "soner"
        case .roads: "veger"
        }
    }
}

/// What replacing one register source did.
public struct RegisterSummary: Sendable, Hashable {
    public let removed: Int
    public let added: Int

    public init(removed: Int, added: Int) {
        self.removed = removed
        self.added = added
    }
}

/// One register source as last imported.
public struct RegisterSource: Sendable, Hashable {
    public let kind: RegisterKind
    public let source: String
    public let entries: Int
    public let importedAt: Date
    public let importedBy: String

    public init(kind: RegisterKind, source: String, entries: Int, importedAt: Date, importedBy: String) {
        self.kind = kind
        self.source = source
        self.entries = entries
        self.importedAt = importedAt
        self.importedBy = importedBy
    }
}

/// The storage of registers. Each import replaces what came from the same source before, in one
/// transaction, so a register can be refreshed alone.
public protocol RegisterStore: Sendable {
    func replaceSites(_ sites: [Site], source: String, actor: Actor) async throws -> RegisterSummary
    func sites() async throws -> [Site]
    func replaceVenues(_ venues: [LicensedVenue], source: String, actor: Actor) async throws -> RegisterSummary
    func licensedVenues() async throws -> [LicensedVenue]
    /// Every register source with its size and last import, by kind and name.
    func registerSources() async throws -> [RegisterSource]
    /// Replaces the whole list of penalty points (each publication lists the last 24 months).
    func replacePenaltyPoints(_ points: [PenaltyPoints], source: String, actor: Actor) async throws -> RegisterSummary
    func penaltyPoints() async throws -> [PenaltyPoints]
}

/// A local copy of the address register, for positions of hearings without one.
public protocol AddressStore: Sendable {
    /// Replaces the whole address register.
    func replaceAddresses(_ addresses: [AddressPoint], source: String, actor: Actor) async throws -> RegisterSummary
    /// The address matching `street` ("Thereses gate 10"), in `postalCode` when given and found there.
    func address(street: StreetAddress, postalCode: String?) async throws -> AddressPoint?
}

/// The zones of the opening-hours regulation, as polygons.
public protocol ZoneStore: Sendable {
    /// Replaces every zone area.
    func replaceZones(_ areas: [ZoneArea], source: String, actor: Actor) async throws -> RegisterSummary
    func zoneAreas() async throws -> [ZoneArea]
}

/// The road register (veger), for the statement's map.
public protocol RoadStore: Sendable {
    /// Replaces the whole road register.
    func replaceRoads(_ roads: [Road], source: String, actor: Actor) async throws -> RegisterSummary
    /// The roads whose bounding box meets `frame` (a map's frame), in the order they were imported.
    func roads(intersecting frame: GeoBounds) async throws -> [Road]
}
