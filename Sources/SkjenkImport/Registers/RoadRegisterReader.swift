import Foundation
import SkjenkCore

/// Reads the road register (veger) for the statement's map: a GeoJSON FeatureCollection of
/// LineStrings or MultiLineStrings with the road's name in `navn`, `name` (OpenStreetMap),
/// `adressenavn` or `gatenavn` (Kartverket); coordinates in WGS84 longitude/latitude, or EUREF89
/// UTM 32/33 when the collection's `crs` says so.
///
/// Strict, unlike the point registers: a road that cannot be drawn is an error, and a file with
/// any error is refused as a whole (the map would otherwise miss streets without anyone knowing).
/// A road without a name is drawn without a label.
public struct RoadRegisterReader: Sendable {
    /// Bounds on what one file may hold: a city's roads are some 20,000 features; more is not a
    /// road register (or not one the map can draw in time).
    public struct Limits: Sendable {
        public var features = 100_000
        public var pointsPerRoad = 10_000
        public var points = 2_000_000
        public init() {}
    }

    public var limits = Limits()
    /// Errors listed at most; the rest are counted in one last line.
    static let reportedErrors = 50

    /// The properties a road's name is read from, in order.
    public static let nameProperties = ["navn", "name", "name:nb", "adressenavn", "gatenavn", "vegnavn"]

    public init() {}

    public func read(contentsOf url: URL, displayName: String? = nil) -> RegisterFile<Road> {
        RegisterFile.reading(url, displayName: displayName) { read(data: $0, fileName: $1) }
    }

    public func read(data: Data, fileName: String) -> RegisterFile<Road> {
        guard !data.isEmpty else { return .rejected(fileName, "filen er tom") }
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            return .rejected(fileName, "filen er ikke gyldig JSON")
        }
        guard let collection = object as? [String: Any], collection["type"] as? String == "FeatureCollection",
            let features = collection["features"] as? [Any]
        else { return .rejected(fileName, "filen er ikke en GeoJSON FeatureCollection") }
        guard features.count <= limits.features else {
            return .rejected(
                fileName,
                "filen har \(features.count) veger; høyst \(limits.features) kan leses (del opp registeret)")
        }
        let srid: SRID
        do {
            srid = try GeoJSONFeatures.crs(of: collection) ?? .wgs84
        } catch {
            return .rejected(fileName, error.message)
        }
        let lines = GeoJSONFeatures.featureLines(data)
        var errors: [Diagnostic] = []
        var roads: [Road] = []
        var total = 0
        for (index, item) in features.enumerated() {
            let line = index < lines.count ? lines[index] : 1
            let properties = ((item as? [String: Any])?["properties"] as? [String: Any]) ?? [:]
            let name = Self.name(properties)
            func fail(_ message: String) {
                let which = name.map { "vegen «\($0)»" } ?? "veg nr. \(index + 1)"
                errors.append(
                    Diagnostic(
                        at: SourceLocation(file: fileName, line: line, column: 1), message: "\(which): \(message)"))
            }
            switch road(item, srid: srid) {
            case .failure(let problem): fail(problem.message)
            case .success(let parts):
                let count = parts.reduce(0) { $0 + $1.count }
                guard count <= limits.pointsPerRoad else {
                    fail("har \(count) punkter; høyst \(limits.pointsPerRoad) per veg")
                    continue
                }
                total += count
                guard total <= limits.points else {
                    return .rejected(
                        fileName, line: line,
                        "filen har mer enn \(limits.points) punkter til sammen (del opp registeret)")
                }
                roads.append(Road(name: name, lines: parts))
            }
        }
        if errors.count > Self.reportedErrors {
            let rest = errors.count - Self.reportedErrors
            errors = Array(errors.prefix(Self.reportedErrors))
            errors.append(
                Diagnostic(at: SourceLocation(file: fileName, line: 0, column: 0), message: "og \(rest) feil til"))
        }
        return RegisterFile(fileName: fileName, entries: errors.isEmpty ? roads : [], skipped: [], errors: errors)
    }

    /// The first non-empty name property, trimmed.
    static func name(_ properties: [String: Any]) -> String? {
        let lowered = Dictionary(properties.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        for key in nameProperties {
            if let text = (lowered[key] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
                return text
            }
        }
        return nil
    }

    struct Problem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// The lines of one feature, or why it cannot be drawn.
    private func road(_ item: Any, srid: SRID) -> Result<[[GeoPoint]], Problem> {
        guard let feature = item as? [String: Any], feature["type"] as? String == "Feature" else {
            return .failure(Problem("er ikke et GeoJSON Feature-objekt"))
        }
        guard let geometry = feature["geometry"] as? [String: Any] else { return .failure(Problem("mangler geometri")) }
        let type = geometry["type"] as? String ?? "ukjent"
        guard let coordinates = geometry["coordinates"] as? [Any] else {
            return .failure(Problem("geometrien mangler koordinater"))
        }
        let raw: [Any]
        switch type {
        case "LineString": raw = [coordinates]
        case "MultiLineString": raw = coordinates
        default: return .failure(Problem("geometrien er \(type); bruk LineString eller MultiLineString"))
        }
        guard !raw.isEmpty else { return .failure(Problem("geometrien mangler koordinater")) }
        var parts: [[GeoPoint]] = []
        for (number, part) in raw.enumerated() {
            let which = raw.count > 1 ? "linje \(number + 1): " : ""
            guard let vertices = part as? [Any], vertices.count >= 2 else {
                return .failure(Problem(which + "en linje må ha minst to punkter"))
            }
            var points: [GeoPoint] = []
            points.reserveCapacity(vertices.count)
            for vertex in vertices {
                switch point(vertex, srid: srid) {
                case .success(let point): points.append(point)
                case .failure(let problem): return .failure(Problem(which + problem.message))
                }
            }
            parts.append(points)
        }
        return .success(parts)
    }

    /// One position ([x, y] or [x, y, z]) in WGS84, checked to lie in Norway.
    private func point(_ vertex: Any, srid: SRID) -> Result<GeoPoint, Problem> {
        guard let pair = vertex as? [Any], pair.count >= 2, let x = (pair[0] as? NSNumber)?.doubleValue,
            let y = (pair[1] as? NSNumber)?.doubleValue, x.isFinite, y.isFinite
        else { return .failure(Problem("et punkt er ikke et tallpar [lengdegrad, breddegrad]")) }
        // As the file writes it, so it can be searched for.
        let text = "[\(Self.number(x)), \(Self.number(y))]"
        if srid == .wgs84 {
            guard (-180...180).contains(x) else {
                return .failure(Problem("lengdegraden i punktet \(text) er utenfor -180 til 180"))
            }
            guard (-90...90).contains(y) else {
                return .failure(Problem("breddegraden i punktet \(text) er utenfor -90 til 90"))
            }
        }
        guard let position = try? Position(srid: srid, x: x, y: y) else {
            return .failure(Problem("punktet \(text) er ikke gyldig i EPSG:\(srid.rawValue)"))
        }
        guard NorwayExtent.contains(position.geographic) else {
            let swapped = srid == .wgs84 && NorwayExtent.contains(GeoPoint(latitude: x, longitude: y))
            return .failure(
                Problem(
                    "punktet \(text) ligger utenfor Norge"
                        + (swapped
                            ? "; lengde- og breddegrad ser ut til å være byttet om"
                                + " (GeoJSON skriver lengdegrad først)"
                            : "")))
        }
        return .success(position.geographic)
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
