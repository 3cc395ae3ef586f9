import Foundation
import SkjenkCore

/// One row of a register (a CSV record or a GeoJSON feature), with its values by lower-cased name.
struct RegisterRow {
    let line: Int
    /// Non-empty values by lower-cased column or property name.
    let values: [String: String]
    /// A GeoJSON point's coordinates (x, y) and its reference system, when the row is a feature.
    var point: (x: Double, y: Double)?
    var pointSRID: SRID?
    /// Why a feature's geometry cannot be used, when it cannot.
    var geometryProblem: String?

    /// The first non-empty value among `names` (lower-case).
    func value(_ names: String...) -> String? {
        for name in names { if let value = values[name] { return value } }
        return nil
    }

    /// The row's position: a GeoJSON point, or `lat`/`lon` (`lng`) in WGS84, or `oest`/`nord`
    /// with an `epsg` column or the reader's default. Throws a Norwegian reason.
    func position(defaultSRID: SRID?) throws(RowProblem) -> Position {
        if let geometryProblem { throw RowProblem(geometryProblem) }
        if let point {
            guard let srid = pointSRID else { throw RowProblem("ukjent koordinatsystem for punktet") }
            return try Self.make(srid: srid, x: point.x, y: point.y)
        }
        if let latText = value("lat", "latitude", "breddegrad"),
            let lonText = value("lon", "lng", "long", "longitude", "lengdegrad")
        {
            guard let lat = Self.number(latText), let lon = Self.number(lonText) else {
                throw RowProblem("lat/lon «\(latText)», «\(lonText)» er ikke tall")
            }
            return try Self.make(srid: .wgs84, x: lon, y: lat)
        }
        if let eastText = value("oest", "øst", "ost", "east", "easting", "x"),
            let northText = value("nord", "north", "northing", "y")
        {
            guard let east = Self.number(eastText), let north = Self.number(northText) else {
                throw RowProblem("oest/nord «\(eastText)», «\(northText)» er ikke tall")
            }
            var srid = defaultSRID
            if let epsgText = value("epsg", "srid", "koordinatsystem") {
                guard let code = Int(epsgText.replacingOccurrences(of: "EPSG:", with: "", options: .caseInsensitive)),
                    let given = SRID(rawValue: code), given != .wgs84
                else { throw RowProblem("epsg «\(epsgText)» støttes ikke for oest/nord; bruk 25832 eller 25833") }
                srid = given
            }
            guard let srid, srid != .wgs84 else {
                throw RowProblem("oest/nord uten epsg: legg til en epsg-kolonne (25832 eller 25833) eller bruk --epsg")
            }
            return try Self.make(srid: srid, x: east, y: north)
        }
        throw RowProblem("mangler posisjon (lat og lon, eller oest og nord)")
    }

    private static func make(srid: SRID, x: Double, y: Double) throws(RowProblem) -> Position {
        let position: Position
        do {
            position = try Position(srid: srid, x: x, y: y)
        } catch {
            throw RowProblem("koordinatene (\(x), \(y)) er ikke gyldige i EPSG:\(srid.rawValue)")
        }
        guard NorwayExtent.contains(position.geographic) else {
            if srid == .wgs84 {
                let swapped =
                    (try? Position.wgs84(latitude: x, longitude: y)).map { NorwayExtent.contains($0.geographic) }
                    ?? false
                throw RowProblem(
                    "posisjonen (lat \(y), lon \(x)) ligger utenfor Norge"
                        + (swapped ? "; lat og lon ser ut til å være byttet om" : ""))
            }
            throw RowProblem(
                "posisjonen (EPSG:\(srid.rawValue) øst \(x), nord \(y)) ligger utenfor Norge; sjekk koordinatsystemet")
        }
        return position
    }

    /// A number written with a decimal point or a decimal comma.
    static func number(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: ",", with: ".").trimmingCharacters(in: .whitespaces))
            .flatMap { $0.isFinite ? $0 : nil }
    }
}

/// Why one register row is skipped.
struct RowProblem: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
