import Foundation
import SkjenkCore

/// A GeoJSON FeatureCollection of Points read into register rows.
enum GeoJSONFeatures {
    /// Why a file is not a usable FeatureCollection.
    struct Problem: Error {
        let line: Int
        let message: String
    }

    /// The rows of `data`. `assumedSRID` applies when the collection has no `crs` member (GeoJSON
    /// says WGS84; Næringsetaten's permit map serves EPSG:25832 without saying so).
    static func rows(
        _ data: Data, assumedSRID: (_ properties: [String: String]) -> SRID
    ) throws(Problem) -> [RegisterRow] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Problem(line: 1, message: "filen er ikke gyldig JSON")
        }
        guard let collection = object as? [String: Any], collection["type"] as? String == "FeatureCollection",
            let features = collection["features"] as? [Any]
        else { throw Problem(line: 1, message: "filen er ikke en GeoJSON FeatureCollection") }
        let declared = try crs(of: collection)
        let lines = featureLines(data)
        var rows: [RegisterRow] = []
        for (index, item) in features.enumerated() {
            let line = index < lines.count ? lines[index] : 1
            var values: [String: String] = [:]
            let feature = item as? [String: Any]
            for (key, value) in (feature?["properties"] as? [String: Any]) ?? [:] {
                if let text = stringValue(value), !text.isEmpty { values[key.lowercased()] = text }
            }
            var row = RegisterRow(line: line, values: values)
            if let geometry = feature?["geometry"] as? [String: Any], geometry["type"] as? String == "Point",
                let coordinates = geometry["coordinates"] as? [Any], coordinates.count >= 2,
                let x = (coordinates[0] as? NSNumber)?.doubleValue, let y = (coordinates[1] as? NSNumber)?.doubleValue
            {
                row.point = (x, y)
                row.pointSRID = declared ?? assumedSRID(values)
            } else {
                let type = (feature?["geometry"] as? [String: Any])?["type"] as? String
                row.geometryProblem = type.map { "geometrien er \($0), ikke Point" } ?? "mangler geometri"
            }
            rows.append(row)
        }
        return rows
    }

    /// The reference system of a `crs` member: `EPSG:25832`, `urn:ogc:def:crs:EPSG::25833`, CRS84.
    static func crs(of collection: [String: Any]) throws(Problem) -> SRID? {
        guard let crs = collection["crs"] as? [String: Any] else { return nil }
        let name = ((crs["properties"] as? [String: Any])?["name"] as? String) ?? ""
        if name.hasSuffix("CRS84") { return .wgs84 }
        guard let code = name.split(whereSeparator: { $0 == ":" }).last.flatMap({ Int($0) }),
            let srid = SRID(rawValue: code)
        else {
            throw Problem(
                line: 1, message: "koordinatsystemet «\(name)» støttes ikke; bruk EPSG:4326, 25832 eller 25833")
        }
        return srid
    }

    /// The line each feature starts on: where each `"type": "Feature"` member stands.
    static func featureLines(_ data: Data) -> [Int] {
        var lines: [Int] = []
        var line = 1
        let bytes = [UInt8](data)
        let needle = Array("\"Feature\"".utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                line += 1
            } else if bytes[i] == 0x22, i + needle.count <= bytes.count,
                bytes[i..<(i + needle.count)].elementsEqual(needle)
            {
                lines.append(line)
                i += needle.count
                continue
            }
            i += 1
        }
        return lines
    }

    private static func stringValue(_ value: Any) -> String? {
        switch value {
        case let text as String: return text.trimmingCharacters(in: .whitespaces)
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}
