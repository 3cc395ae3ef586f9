import Foundation
import SkjenkCore

/// The statement's map, drawn by skjenk as SVG without any tile server: the roads from the road
/// register (when there is one) in light grey under everything, the venue, the sensitive sites
/// (numbered as in the statement's table, «Steder i nærheten», and keyed in `key`) and licensed
/// venues within the policy's largest radius with their names, rings at the policy radii, a scale
/// bar, a north arrow and a legend, labelled in Norwegian at a size that reads in print.
public struct StatementMap: Sendable {
    public struct Place: Sendable {
        public let name: String
        public let category: SiteCategory?
        public let point: GeoPoint
        public let distance: Double

        public init(name: String, category: SiteCategory?, point: GeoPoint, distance: Double) {
            self.name = name
            self.category = category
            self.point = point
            self.distance = distance
        }
    }

    public let venueName: String
    public let center: GeoPoint
    /// Sites, nearest first (the statement numbers them in this order).
    public let sites: [Place]
    public let venues: [Place]
    /// Ring radii in metres, ascending.
    public let radii: [Double]
    /// Roads to draw under the markers (those meeting `frame`; the rest are clipped away anyway).
    public var roads: [Road] = []
    public var size: Double = 640

    /// One numbered site as the key beside the map lists it: «1. Bolteløkka skole (skole), 112 m».
    public struct KeyEntry: Sendable, Hashable, Encodable {
        public let number: Int
        /// The name as the statement's table shows it: «(navn utelatt)» for a vulnerable service
        /// the district's policy does not name.
        public let name: String
        /// The kind of site (`SiteCategory.label`).
        public let kind: String
        public let distance: String
    }

    /// The numbered sites in number order, as the statement's table lists them.
    public var key: [KeyEntry] {
        sites.enumerated().map { index, site in
            let kind = site.category?.label ?? SiteCategory.other.label
            return KeyEntry(
                number: index + 1, name: site.name == site.category?.label ? "(navn utelatt)" : site.name,
                kind: kind, distance: metres(site.distance))
        }
    }

    /// The area the map shows, from its centre out to the frame's edges.
    public var frame: GeoBounds { GeoBounds.around(center, metres: halfWidthMetres) }

    /// The distance from the centre to the frame's edge: the largest ring and some room, with the
    /// 24-pixel margin the rings keep from the edge.
    var halfWidthMetres: Double { extent * (size / 2) / (size / 2 - 24) }

    /// The largest ring and some room around it, in metres.
    var extent: Double { (radii.last ?? 300) * 1.12 }

    public init(venueName: String, center: GeoPoint, sites: [Place], venues: [Place], radii: [Double]) {
        self.venueName = venueName
        self.center = center
        self.sites = sites
        self.venues = venues
        self.radii = radii
    }

    /// The map for `hearing` from the registers in `context`; nil without a position.
    public static func gather(hearing: Hearing, context: AssessmentContext) -> StatementMap? {
        guard let center = hearing.venue.position?.geographic else { return nil }
        let policy = context.policy
        let largest = max(policy.largestSiteRadius, policy.densityRadius)
        let sites = (context.sites?.within(policy.largestSiteRadius, of: center) ?? [])
            // Numbered as the statement's table: nearest first, equal distances by the register's name
            // in Norwegian order (also for a service shown only by its kind).
            .sorted {
                $0.distance != $1.distance
                    ? $0.distance < $1.distance : NorwegianOrder.less($0.element.name, $1.element.name)
            }
            .map {
                // Vulnerable services by kind when the district's policy says so, as in the text.
                let shown = NearbySite(category: $0.element.category, name: $0.element.name, distanceMeters: $0.distance)
                    .publicName(policy)
                return Place(name: shown, category: $0.element.category, point: $0.point, distance: $0.distance)
            }
        let venues = (context.venues?.within(largest, of: center) ?? [])
            .filter {
                // Not the venue itself.
                !($0.distance < 25
                    && $0.element.name.localizedCaseInsensitiveCompare(hearing.venue.name) == .orderedSame)
            }
            .map { Place(name: $0.element.name, category: nil, point: $0.point, distance: $0.distance) }
            .sorted(by: nearestFirst)
        var radii = Set([policy.densityRadius])
        for category in Set(sites.compactMap(\.category)) {
            if let bands = policy.distances[category] { radii.formUnion([bands.high, bands.medium].filter { $0 > 0 }) }
        }
        return StatementMap(
            venueName: hearing.venue.name, center: center, sites: sites, venues: venues, radii: radii.sorted())
    }

    /// Nearest first; equal distances in Norwegian alphabetical order (as the statement lists them).
    public static func nearestFirst(_ a: Place, _ b: Place) -> Bool {
        a.distance != b.distance ? a.distance < b.distance : NorwegianOrder.less(a.name, b.name)
    }

    /// 1, 2 or 5 times a power of ten, at most `length`.
    static func roundLength(_ length: Double) -> Double {
        let magnitude = pow(10, floor(log10(max(length, 1))))
        for factor in [5.0, 2.0, 1.0] where factor * magnitude <= length { return factor * magnitude }
        return magnitude
    }

    func metres(_ value: Double) -> String {
        "\(NorwegianFormat.decimal(value.rounded(), maximumFractionDigits: 0)) m"
    }

    func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    func escape(_ text: String) -> String { HTMLRenderer.escape(text) }
}
