import Foundation

/// Everything an assessment reads besides the hearing: registers (indexed), the policy and the
/// day. Built once and shared by every hearing assessed in a run.
public struct AssessmentContext: Sendable {
    public let policy: Policy
    /// Sensitive sites; nil when no site register has been imported.
    public let sites: SpatialIndex<Site>?
    /// Licensed venues; nil when no venue register has been imported.
    public let venues: SpatialIndex<LicensedVenue>?
    public let today: LocalDate
    /// Penalty points by organisation number; nil when the points list has not been imported.
    public let penaltyPoints: [OrganisationNumber: [PenaltyPoints]]?
    /// Penalty points by lower-cased venue name, for what an earlier holder got at a place.
    public let penaltyPointsByVenue: [String: [PenaltyPoints]]

    /// Complaints from the log, indexed by holder, address and position; nil when the log is not available.
    public let complaintIndex: ComplaintIndex?
    /// How hearings without a position were looked up in the address register, by case key.
    public let positionLookups: [String: PositionLookup]
    /// Areas of the opening-hours regulation; nil when no zone register has been imported.
    public let zones: [ZoneArea]?
    /// With a relative density rule: the venue counts within the radius that reach the policy's
    /// percentiles among the district's own registered venues (never below one); nil without a
    /// register of at least four venues or with an absolute rule.
    public let densityCutoffs: (medium: Int, high: Int)?

    public init(
        policy: Policy, sites: [Site]?, venues: [LicensedVenue]?, penaltyPoints: [PenaltyPoints]? = nil,
        complaints: [Complaint]? = nil, positionLookups: [String: PositionLookup] = [:], zones: [ZoneArea]? = nil,
        today: LocalDate
    ) {
        self.zones = zones
        self.complaintIndex = complaints.map(ComplaintIndex.init)
        self.positionLookups = positionLookups
        self.penaltyPoints = penaltyPoints.map { Dictionary(grouping: $0, by: \.organisationNumber) }
        penaltyPointsByVenue = Dictionary(grouping: penaltyPoints ?? [], by: { $0.venueName.lowercased() })
        self.policy = policy
        self.sites = sites.flatMap {
            $0.isEmpty ? nil : SpatialIndex($0.map { (point: $0.position.geographic, element: $0) })
        }
        self.venues = venues.flatMap {
            $0.isEmpty ? nil : SpatialIndex($0.map { (point: $0.position.geographic, element: $0) })
        }
        self.today = today
        if case .relative(let medium, let high) = policy.density, let index = self.venues, index.count >= 4,
            let venues
        {
            let counts = venues.map { venue in
                max(0, index.within(policy.densityRadius, of: venue.position.geographic).count - 1)
            }.sorted()
            func percentile(_ p: Double) -> Int {
                let rank = Int((p / 100 * Double(counts.count)).rounded(.up))
                return max(1, counts[min(counts.count - 1, max(0, rank - 1))])
            }
            densityCutoffs = (percentile(medium), max(percentile(medium), percentile(high)))
        } else {
            densityCutoffs = nil
        }
    }
}

/// Complaints indexed the three ways the assessment matches them to a venue.
public struct ComplaintIndex: Sendable {
    public let complaints: [Complaint]
    /// Indices into `complaints` by the holder's organisation number.
    public let byHolder: [OrganisationNumber: [Int]]
    /// Indices by street address (`StreetKey`).
    public let byStreet: [String: [Int]]
    /// Indices by position, for the complaints that have one.
    public let spatial: SpatialIndex<Int>?

    public init(_ complaints: [Complaint]) {
        self.complaints = complaints
        var byHolder: [OrganisationNumber: [Int]] = [:]
        var byStreet: [String: [Int]] = [:]
        var located: [(point: GeoPoint, element: Int)] = []
        for (index, complaint) in complaints.enumerated() {
            if let holder = complaint.organisationNumber { byHolder[holder, default: []].append(index) }
            if let street = complaint.street { byStreet[StreetKey.make(street), default: []].append(index) }
            if let position = complaint.position { located.append((position, index)) }
        }
        self.byHolder = byHolder
        self.byStreet = byStreet
        spatial = located.isEmpty ? nil : SpatialIndex(located)
    }

    /// The complaints about `hearing`'s venue itself, in the log's order: by its address (the
    /// history stays with the place when the owner changes), or by the holder's organisation
    /// number unless the complaint names another street (the company's other place).
    public func venueComplaints(of hearing: Hearing) -> [Int] {
        let street = StreetKey.make(hearing.venue.address.street)
        var own = Set(byStreet[street] ?? [])
        for candidate in byHolder[hearing.applicant.organisationNumber] ?? [] {
            let other = complaints[candidate].street.map { StreetKey.make($0) != street } ?? false
            if !other { own.insert(candidate) }
        }
        return own.sorted()
    }
}

/// What looking up a hearing's address in the address register gave.
public enum PositionLookup: Sendable, Hashable {
    /// Found: the hearing is assessed at this address's position.
    case found(AddressPoint)
    /// The register has no such address.
    case notFound
    /// No address register has been imported.
    case noRegister
}

extension Hearing {
    /// The hearing with the looked-up position, when the lookup found one.
    public func positioned(by lookup: PositionLookup?) -> Hearing {
        guard venue.position == nil, case .found(let address) = lookup else { return self }
        var copy = self
        copy.venue.position = address.position
        return copy
    }
}

/// The spatial facts about one position: what the location and density factors rest on.
public struct SpatialEvidence: Sendable, Hashable {
    /// Sites within the policy's largest radius, nearest first (nil without a site register).
    public let nearbySites: [NearbySite]?
    /// The nearest site of any category, however far (nil without a site register).
    public let nearestSite: NearbySite?
    /// Licensed venues within the density radius, not counting the venue itself (nil without a register).
    public let venueCount: Int?

    /// The spatial evidence for many points, on every core, in order.
    public static func gatherAll(at points: [GeoPoint], context: AssessmentContext) -> [SpatialEvidence] {
        ParallelMap.map(points) { gather(at: $0, ownName: nil, context: context) }
    }

    /// Runs the spatial queries for `point`. `ownName` keeps the venue applied for out of the count
    /// when it is already in the register (a renewal, a change).
    public static func gather(at point: GeoPoint, ownName: String?, context: AssessmentContext) -> SpatialEvidence {
        let policy = context.policy
        var nearby: [NearbySite]?
        var nearest: NearbySite?
        if let sites = context.sites {
            nearby = sites.within(policy.largestSiteRadius, of: point).map {
                NearbySite(
                    category: $0.element.category, name: $0.element.name, distanceMeters: $0.distance,
                    openingHours: $0.element.openingHours)
            }
            // Within the radius the nearest is already at hand; only look further when nothing is near.
            nearest =
                nearby?.first
                ?? sites.nearest(to: point).map {
                    NearbySite(category: $0.element.category, name: $0.element.name, distanceMeters: $0.distance)
                }
        }
        var count: Int?
        if let venues = context.venues {
            let hits = venues.within(policy.densityRadius, of: point)
            count =
                hits.filter { hit in
                    // The venue itself, when registered, stands within a few metres under its own name.
                    !(hit.distance < 25
                        && ownName.map { hit.element.name.localizedCaseInsensitiveCompare($0) == .orderedSame } == true)
                }.count
        }
        return SpatialEvidence(nearbySites: nearby, nearestSite: nearest, venueCount: count)
    }
}
