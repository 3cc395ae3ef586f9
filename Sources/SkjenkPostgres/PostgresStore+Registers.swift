import Foundation
import PostgresNIO
import SkjenkCore
import SkjenkStore

extension PostgresStore: RegisterStore, AddressStore, ZoneStore, RoadStore {
    /// Deletes what `source` gave before (or the whole list, for points, addresses, zones and roads),
    /// inserts `rows` in multi-row statements, records the import and an audit entry: one transaction.
    private func replace(
        _ kind: RegisterKind, source: String, actor: Actor, table: String, columns: [String],
        rows: [[SQLValue]], casts: [String: String] = [:]
    ) async throws -> RegisterSummary {
        let at = now()
        return try await write { connection in
            // One import of a register at a time (SQLite has one writer): the second waits and then
            // replaces what the first stored.
            let index = RegisterKind.allCases.firstIndex(of: kind) ?? 0
            try await connection.query("SELECT pg_advisory_xact_lock(4712, \(Int32(index)))", logger: self.logger)
            let whole = [.points, .addresses, .zones, .roads].contains(kind)
            var delete = SQLBuilder()
            delete.sql =
                "WITH gone AS (DELETE FROM \(table)"
                + (whole ? "" : " WHERE source = \(delete.bind(source))") + " RETURNING 1) SELECT count(*) FROM gone"
            var removed = 0
            for try await count in try await connection.query(delete.query, logger: self.logger).decode(Int.self) {
                removed = count
            }
            if whole {
                try await connection.query(
                    "DELETE FROM register_import WHERE kind = \(kind.rawValue)", logger: self.logger)
            }
            let perChunk = max(1, 30_000 / max(1, columns.count))
            for chunk in rows.chunks(of: perChunk) {
                var insert = SQLBuilder()
                var values: [String] = []
                for row in chunk {
                    var fields: [String] = []
                    for (column, value) in zip(columns, row) {
                        fields.append(insert.bind(value) + (casts[column].map { "::" + $0 } ?? ""))
                    }
                    values.append("(" + fields.joined(separator: ", ") + ")")
                }
                insert.sql =
                    "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                    + values.joined(separator: ", ")
                try await connection.query(insert.query, logger: self.logger)
            }
            try await connection.query(
                """
                INSERT INTO register_import (kind, source, entries, imported_at, imported_by)
                VALUES (\(kind.rawValue), \(source), \(rows.count), \(at), \(actor.name))
                ON CONFLICT (kind, source) DO UPDATE SET entries = excluded.entries,
                    imported_at = excluded.imported_at, imported_by = excluded.imported_by
                """, logger: self.logger)
            let summary = RegisterSummary(removed: removed, added: rows.count)
            try await self.record(.registerReplaced(kind, source: source, summary), by: actor, at: at, on: connection)
            return summary
        }
    }

    public func replaceSites(_ sites: [Site], source: String, actor: Actor) async throws -> RegisterSummary {
        try await replace(
            .sites, source: source, actor: actor, table: "site",
            columns: ["source", "category", "name", "address", "srid", "x", "y", "latitude", "longitude", "opening_hours"],
            rows: sites.map { site in
                let point = site.position.geographic
                return [
                    .text(source), .text(site.category.rawValue), .text(site.name), .text(site.address),
                    .integer(site.position.srid.rawValue), .real(site.position.x), .real(site.position.y),
                    .real(point.latitude), .real(point.longitude), .text(site.openingHours?.text),
                ]
            }, casts: ["address": "text", "opening_hours": "text"])
    }

    public func sites() async throws -> [Site] {
        try await read { connection in
            let rows = try await connection.query(
                """
                SELECT category, name, address, srid, x, y, source, opening_hours FROM site
                ORDER BY name COLLATE "C", id
                """, logger: self.logger)
            var sites: [Site] = []
            for try await (category, name, address, srid, x, y, source, hours) in rows.decode(
                (String, String, String?, Int, Double, Double, String, String?).self)
            {
                guard let category = SiteCategory(rawValue: category) else {
                    throw StoreError.damaged("ukjent stedskategori «\(category)» i databasen")
                }
                var openingHours: WeeklyHours?
                if let hours {
                    do throws(WeeklyHours.Problem) {
                        openingHours = try WeeklyHours(parsing: hours)
                    } catch {
                        throw StoreError.damaged("ugyldig åpningstid «\(hours)» i databasen: \(error.message)")
                    }
                }
                sites.append(
                    Site(
                        category: category, name: name, address: address, position: try Self.position(srid, x, y),
                        source: source, openingHours: openingHours))
            }
            return sites
        }
    }

    public func replaceVenues(_ venues: [LicensedVenue], source: String, actor: Actor) async throws -> RegisterSummary {
        try await replace(
            .venues, source: source, actor: actor, table: "licensed_venue",
            columns: [
                "source", "register_id", "name", "organisation_number", "address", "permit_type", "indoor_closing",
                "outdoor_closing", "holder_name", "srid", "x", "y", "latitude", "longitude",
            ],
            rows: venues.map { venue in
                let point = venue.position.geographic
                return [
                    .text(source), .text(venue.registerId), .text(venue.name), .text(venue.organisationNumber?.digits),
                    .text(venue.address), .text(venue.permitType?.rawValue), .text(venue.indoorClosing),
                    .text(venue.outdoorClosing), .text(venue.holderName), .integer(venue.position.srid.rawValue),
                    .real(venue.position.x), .real(venue.position.y), .real(point.latitude), .real(point.longitude),
                ]
            },
            casts: Dictionary(
                uniqueKeysWithValues: [
                    "register_id", "organisation_number", "address", "permit_type", "indoor_closing",
                    "outdoor_closing", "holder_name",
                ].map { ($0, "text") }))
    }

    public func licensedVenues() async throws -> [LicensedVenue] {
        try await read { connection in
            let rows = try await connection.query(
                """
                SELECT name, organisation_number, address, permit_type, indoor_closing, outdoor_closing, holder_name,
                    register_id, srid, x, y, source
                FROM licensed_venue ORDER BY name COLLATE "C", id
                """, logger: self.logger)
            var venues: [LicensedVenue] = []
            for try await row in rows {
                let (name, number, address, permit, indoor, outdoor, holder, registerId, srid, x, y, source) =
                    try row.decode(
                        (String, String?, String?, String?, String?, String?, String?, String?, Int, Double, Double,
                            String).self)
                venues.append(
                    LicensedVenue(
                        name: name, organisationNumber: try number.map { try OrganisationNumber($0) },
                        address: address, permitType: permit.flatMap(PermitType.init(rawValue:)),
                        indoorClosing: indoor, outdoorClosing: outdoor, holderName: holder, registerId: registerId,
                        position: try Self.position(srid, x, y), source: source))
            }
            return venues
        }
    }

    public func registerSources() async throws -> [RegisterSource] {
        try await read { connection in
            let rows = try await connection.query(
                """
                SELECT kind, source, entries, imported_at, imported_by FROM register_import
                ORDER BY kind COLLATE "C", source COLLATE "C"
                """, logger: self.logger)
            var sources: [RegisterSource] = []
            for try await (kind, source, entries, at, by) in rows.decode((String, String, Int, Date, String).self) {
                guard let kind = RegisterKind(rawValue: kind) else {
                    throw StoreError.damaged("ukjent registertype «\(kind)» i databasen")
                }
                sources.append(RegisterSource(kind: kind, source: source, entries: entries, importedAt: at, importedBy: by))
            }
            return sources
        }
    }

    public func replacePenaltyPoints(
        _ points: [PenaltyPoints], source: String, actor: Actor
    ) async throws -> RegisterSummary {
        try await replace(
            .points, source: source, actor: actor, table: "penalty_points",
            columns: ["date", "organisation_number", "venue_name", "address", "points", "reason"],
            rows: points.map { entry in
                [
                    .text(entry.date.iso), .text(entry.organisationNumber.digits), .text(entry.venueName),
                    .text(entry.address), .integer(entry.points), .text(entry.reason),
                ]
            }, casts: ["date": "date", "address": "text"])
    }

    public func penaltyPoints() async throws -> [PenaltyPoints] {
        try await read { connection in
            let rows = try await connection.query(
                """
                SELECT date::text, organisation_number, venue_name, address, points, reason FROM penalty_points
                ORDER BY date, id
                """, logger: self.logger)
            var points: [PenaltyPoints] = []
            for try await (date, number, venue, address, count, reason) in rows.decode(
                (String, String, String, String?, Int, String).self)
            {
                guard let day = try Self.day(date, "prikkvedtak") else { continue }
                points.append(
                    PenaltyPoints(
                        date: day, organisationNumber: try OrganisationNumber(number), venueName: venue,
                        address: address, points: count, reason: reason))
            }
            return points
        }
    }

    public func replaceAddresses(
        _ addresses: [AddressPoint], source: String, actor: Actor
    ) async throws -> RegisterSummary {
        try await replace(
            .addresses, source: source, actor: actor, table: "address",
            columns: ["street_name", "name_key", "number", "letter", "postal_code", "srid", "x", "y"],
            rows: addresses.map { address in
                [
                    .text(address.streetName), .text(StreetKey.make(address.streetName)), .integer(address.number),
                    .text(address.letter ?? ""), .text(address.postalCode), .integer(address.position.srid.rawValue),
                    .real(address.position.x), .real(address.position.y),
                ]
            })
    }

    public func address(street: StreetAddress, postalCode: String?) async throws -> AddressPoint? {
        try await read { connection in
            func first(_ postal: String?) async throws -> AddressPoint? {
                var builder = SQLBuilder()
                builder.sql = """
                    SELECT street_name, number, letter, postal_code, srid, x, y FROM address
                    WHERE name_key = \(builder.bind(street.nameKey)) AND number = \(builder.bind(street.number))
                        AND letter = \(builder.bind(street.letter ?? ""))
                    """
                if let postal { builder.sql += " AND postal_code = \(builder.bind(postal))" }
                builder.sql += " ORDER BY id LIMIT 1"
                let rows = try await connection.query(builder.query, logger: self.logger)
                for try await (name, number, letter, postal, srid, x, y) in rows.decode(
                    (String, Int, String, String, Int, Double, Double).self)
                {
                    return AddressPoint(
                        streetName: name, number: number, letter: letter.isEmpty ? nil : letter, postalCode: postal,
                        position: try Self.position(srid, x, y))
                }
                return nil
            }
            if let postalCode, let found = try await first(postalCode) { return found }
            return try await first(nil)
        }
    }

    public func replaceZones(_ areas: [ZoneArea], source: String, actor: Actor) async throws -> RegisterSummary {
        let encoded = try areas.map { area in
            String(
                decoding: try JSONEncoder().encode(area.rings.map { ring in ring.map { [$0.latitude, $0.longitude] } }),
                as: UTF8.self)
        }
        return try await replace(
            .zones, source: source, actor: actor, table: "zone_area", columns: ["zone", "name", "rings"],
            rows: zip(areas, encoded).map { area, rings in [.text(area.zone.rawValue), .text(area.name), .text(rings)] },
            casts: ["name": "text"])
    }

    public func zoneAreas() async throws -> [ZoneArea] {
        try await read { connection in
            let rows = try await connection.query("SELECT zone, name, rings FROM zone_area ORDER BY id", logger: self.logger)
            var areas: [ZoneArea] = []
            for try await (zoneText, name, ringsText) in rows.decode((String, String?, String).self) {
                guard let zone = Zone(rawValue: zoneText) else {
                    throw StoreError.damaged("ukjent sone «\(zoneText)» i databasen")
                }
                let rings = try JSONDecoder().decode([[[Double]]].self, from: Data(ringsText.utf8))
                areas.append(
                    ZoneArea(
                        zone: zone, rings: rings.map { $0.map { GeoPoint(latitude: $0[0], longitude: $0[1]) } },
                        name: name))
            }
            return areas
        }
    }

    public func replaceRoads(_ roads: [Road], source: String, actor: Actor) async throws -> RegisterSummary {
        let rows: [[SQLValue]] = try roads.map { road in
            let box = road.bounds
            return [
                .text(road.name), .real(box.south), .real(box.west), .real(box.north), .real(box.east),
                .text(try RoadLines.encode(road.lines)),
            ]
        }
        return try await replace(
            .roads, source: source, actor: actor, table: "road",
            columns: ["name", "south", "west", "north", "east", "lines"], rows: rows, casts: ["name": "text"])
    }

    public func roads(intersecting frame: GeoBounds) async throws -> [Road] {
        try await read { connection in
            // The same expression as the index `road_bounds`, so the box overlap is looked up there.
            let rows = try await connection.query(
                """
                SELECT name, lines FROM road
                WHERE box(point(west, south), point(east, north))
                    && box(point(\(frame.west), \(frame.south)), point(\(frame.east), \(frame.north)))
                ORDER BY id
                """, logger: self.logger)
            var roads: [Road] = []
            for try await (name, lines) in rows.decode((String?, String).self) {
                roads.append(Road(name: name, lines: try RoadLines.decode(lines)))
            }
            return roads
        }
    }

    static func position(_ code: Int, _ x: Double, _ y: Double) throws -> Position {
        guard let srid = SRID(rawValue: code) else { throw StoreError.damaged("ukjent srid \(code) i databasen") }
        return try Position(srid: srid, x: x, y: y)
    }
}
