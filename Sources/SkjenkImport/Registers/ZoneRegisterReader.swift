import Foundation
import SkjenkCore

/// Reads the zones of the opening-hours regulation: a GeoJSON FeatureCollection of Polygons or
/// MultiPolygons with a `sone` property (`indre-sentrum`, `sentrum`, `boligomraade`,
/// `utenfor-boligomraade`, or the older `utenfor-sentrum`) and an optional `navn`; coordinates in
/// WGS84 or EUREF89 UTM 32/33 (`crs`).
public struct ZoneRegisterReader: Sendable {
    public init() {}

    public func read(contentsOf url: URL, displayName: String? = nil) -> RegisterFile<ZoneArea> {
        RegisterFile.reading(url, displayName: displayName) { read(data: $0, fileName: $1) }
    }

    public func read(data: Data, fileName: String) -> RegisterFile<ZoneArea> {
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            return RegisterFile.rejected(fileName, "filen er ikke gyldig JSON")
        }
        guard let collection = object as? [String: Any], collection["type"] as? String == "FeatureCollection",
            let features = collection["features"] as? [Any]
        else { return RegisterFile.rejected(fileName, "filen er ikke en GeoJSON FeatureCollection") }
        let srid: SRID
        do {
            srid = try GeoJSONFeatures.crs(of: collection) ?? .wgs84
        } catch {
            return RegisterFile.rejected(fileName, error.message)
        }
        var skipped: [Diagnostic] = []
        var areas: [ZoneArea] = []
        for (index, item) in features.enumerated() {
            func skip(_ reason: String) {
                skipped.append(
                    Diagnostic(
                        .warning, at: SourceLocation(file: fileName, line: 1, column: 1),
                        message: "område \(index + 1) er hoppet over: \(reason)"))
            }
            let feature = item as? [String: Any]
            let properties = feature?["properties"] as? [String: Any] ?? [:]
            guard let code = properties["sone"] as? String, let zone = Zone(code: code) else {
                skip("mangler gyldig sone (\(Zone.codes.joined(separator: ", ")))")
                continue
            }
            let geometry = feature?["geometry"] as? [String: Any]
            var polygons: [Any] = []
            switch geometry?["type"] as? String {
            case "Polygon": polygons = [geometry?["coordinates"] as Any]
            case "MultiPolygon": polygons = geometry?["coordinates"] as? [Any] ?? []
            default:
                skip("geometrien er ikke Polygon eller MultiPolygon")
                continue
            }
            var rings: [[GeoPoint]] = []
            var broken = false
            for polygon in polygons {
                for ring in (polygon as? [Any]) ?? [] {
                    var points: [GeoPoint] = []
                    for vertex in (ring as? [Any]) ?? [] {
                        guard let pair = vertex as? [Any], pair.count >= 2,
                            let x = (pair[0] as? NSNumber)?.doubleValue, let y = (pair[1] as? NSNumber)?.doubleValue,
                            let position = try? Position(srid: srid, x: x, y: y)
                        else {
                            broken = true
                            break
                        }
                        points.append(position.geographic)
                    }
                    if points.count >= 3 { rings.append(points) } else { broken = true }
                }
            }
            guard !broken, !rings.isEmpty else {
                skip("ugyldige koordinater i polygonet")
                continue
            }
            areas.append(ZoneArea(zone: zone, rings: rings, name: properties["navn"] as? String))
        }
        return RegisterFile(fileName: fileName, entries: areas, skipped: skipped, errors: [])
    }
}
