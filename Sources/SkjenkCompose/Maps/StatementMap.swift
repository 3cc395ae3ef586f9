import Foundation
import SkjenkCore

/// The statement's map, drawn by skjenk as SVG without any tile server: the venue, the sensitive
/// sites (numbered as in the statement's table) and licensed venues within the policy's largest
/// radius, rings at the policy radii, a scale bar and a north arrow, labelled in Norwegian.
public struct StatementMap: Sendable {
    public struct Place: Sendable {
        public let name: String
        public let category: SiteCategory?
        public let point: GeoPoint
        public let distance: Double
    }

    public let venueName: String
    public let center: GeoPoint
    /// Sites, nearest first (the statement numbers them in this order).
    public let sites: [Place]
    public let venues: [Place]
    /// Ring radii in metres, ascending.
    public let radii: [Double]
    public var size: Double = 640

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
            .map {
                // Vulnerable services by kind when the district's policy says so, as in the text.
                let shown = NearbySite(category: $0.element.category, name: $0.element.name, distanceMeters: $0.distance)
                    .publicName(policy)
                return Place(name: shown, category: $0.element.category, point: $0.point, distance: $0.distance)
            }
            .sorted(by: nearestFirst)
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

    static let colours: [SiteCategory: String] = [
        .school: "#0072B2", .kindergarten: "#009E73", .youth: "#CC79A7", .treatment: "#D55E00", .sports: "#E69F00",
        .other: "#666666",
    ]

    public func svg() -> String {
        let extent = (radii.last ?? 300) * 1.12
        let half = size / 2
        let scale = (half - 24) / extent  // pixels per metre
        let metresPerDegreeNorth =
            LocalDistance.metres(center, GeoPoint(latitude: center.latitude + 0.01, longitude: center.longitude)) / 0.01
        let metresPerDegreeEast =
            LocalDistance.metres(center, GeoPoint(latitude: center.latitude, longitude: center.longitude + 0.01)) / 0.01
        func xy(_ point: GeoPoint) -> (Double, Double) {
            let east = (point.longitude - center.longitude) * metresPerDegreeEast
            let north = (point.latitude - center.latitude) * metresPerDegreeNorth
            return (half + east * scale, half - north * scale)
        }
        let legendHeight = 64.0
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(size))" height="\(n(size + legendHeight))" \
            viewBox="0 0 \(n(size)) \(n(size + legendHeight))" role="img" aria-labelledby="map-title" \
            font-family="Arial, Helvetica, sans-serif" font-size="12">
            <title id="map-title">\(escape("Kart over \(venueName) med steder innenfor \(metres(radii.last ?? 0))"))</title>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <rect x="0.5" y="0.5" width="\(n(size - 1))" height="\(n(size - 1))" fill="#f7f7f2" stroke="#999999"/>

            """
        for radius in radii {
            let r = radius * scale
            out += """
                <circle cx="\(n(half))" cy="\(n(half))" r="\(n(r))" fill="none" stroke="#888888" stroke-dasharray="6 4"/>
                <text x="\(n(half + r * 0.7071 + 4))" y="\(n(half - r * 0.7071 - 4))" fill="#555555">\(metres(radius))</text>

                """
        }
        for venue in venues {
            let (x, y) = xy(venue.point)
            out += """
                <rect x="\(n(x - 4))" y="\(n(y - 4))" width="8" height="8" fill="#ffffff" stroke="#444444"><title>\(
                    escape("\(venue.name), \(metres(venue.distance))"))</title></rect>

                """
        }
        for (index, site) in sites.enumerated() {
            let (x, y) = xy(site.point)
            let colour = Self.colours[site.category ?? .other] ?? "#666666"
            out += """
                <circle cx="\(n(x))" cy="\(n(y))" r="9" fill="\(colour)" stroke="#ffffff"><title>\(
                    escape(
                        site.name == site.category?.label
                            ? "\(index + 1). \(site.name), \(metres(site.distance))"
                            : "\(index + 1). \(site.name) (\(site.category?.label ?? "")), \(metres(site.distance))"))</title></circle>
                <text x="\(n(x))" y="\(n(y + 4))" text-anchor="middle" font-size="10" font-weight="bold" fill="#ffffff">\(index + 1)</text>

                """
        }
        out += """
            <circle cx="\(n(half))" cy="\(n(half))" r="7" fill="#C00000" stroke="#ffffff" stroke-width="2"/>
            <text x="\(n(half + 11))" y="\(n(half - 9))" font-weight="bold" fill="#C00000">\(escape(venueName))</text>

            """
        // Scale bar: a round length about a fifth of the map.
        let barMetres = Self.roundLength(extent / 2.5)
        let barPixels = barMetres * scale
        out += """
            <line x1="16" y1="\(n(size - 20))" x2="\(n(16 + barPixels))" y2="\(n(size - 20))" stroke="#222222" stroke-width="3"/>
            <text x="16" y="\(n(size - 28))" fill="#222222">\(metres(barMetres))</text>
            <path d="M \(n(size - 28)) 44 L \(n(size - 20)) 20 L \(n(size - 12)) 44 L \(n(size - 20)) 38 Z" fill="#222222"/>
            <text x="\(n(size - 20))" y="58" text-anchor="middle" font-weight="bold" fill="#222222">N</text>

            """
        // Legend below the map.
        let legend: [(String, String)] =
            [("#C00000", "stedet søknaden gjelder"), ("#ffffff", "sted med bevilling")]
            + SiteCategory.allCases.filter { category in sites.contains { $0.category == category } }
            .map { (Self.colours[$0] ?? "#666666", $0.label) }
        for (index, item) in legend.enumerated() {
            let x = 16 + Double(index % 4) * (size - 32) / 4
            let y = size + 14 + Double(index / 4) * 20
            out += """
                <rect x="\(n(x))" y="\(n(y))" width="12" height="12" fill="\(item.0)" stroke="#444444"/>
                <text x="\(n(x + 18))" y="\(n(y + 10))" fill="#222222">\(escape(item.1))</text>

                """
        }
        return out + "</svg>\n"
    }

    /// 1, 2 or 5 times a power of ten, at most `length`.
    static func roundLength(_ length: Double) -> Double {
        let magnitude = pow(10, floor(log10(max(length, 1))))
        for factor in [5.0, 2.0, 1.0] where factor * magnitude <= length { return factor * magnitude }
        return magnitude
    }

    private func metres(_ value: Double) -> String {
        "\(NorwegianFormat.decimal(value.rounded(), maximumFractionDigits: 0)) m"
    }

    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private func escape(_ text: String) -> String { HTMLRenderer.escape(text) }
}
