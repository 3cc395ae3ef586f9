import Foundation
import GRDB
import SkjenkCore
import SkjenkStore

extension SQLiteStore {
    public func replaceSites(_ sites: [Site], source: String, actor: Actor) async throws -> RegisterSummary {
        try await replace(.sites, source: source, actor: actor, count: sites.count) { db in
            let insert = try BulkStatement(
                db,
                sql: """
                    INSERT INTO site (source, category, name, address, srid, x, y, latitude, longitude, openingHours)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for site in sites {
                let point = site.position.geographic
                try insert.run([
                    .text(source), .text(site.category.rawValue), .text(site.name), .text(site.address),
                    .integer(Int64(site.position.srid.rawValue)), .real(site.position.x),
                    .real(site.position.y), .real(point.latitude), .real(point.longitude),
                    .text(site.openingHours?.text),
                ])
            }
        }
    }

    public func sites() async throws -> [Site] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM site ORDER BY name, id").map { row in
                let categoryText: String = row["category"]
                guard let category = SiteCategory(rawValue: categoryText) else {
                    throw StoreError.damaged("ukjent stedskategori «\(categoryText)» i databasen")
                }
                var openingHours: WeeklyHours?
                if let hoursText: String = row["openingHours"] {
                    do throws(WeeklyHours.Problem) {
                        openingHours = try WeeklyHours(parsing: hoursText)
                    } catch {
                        throw StoreError.damaged("ugyldig åpningstid «\(hoursText)» i databasen: \(error.message)")
                    }
                }
                return Site(
                    category: category, name: row["name"], address: row["address"],
                    position: try Self.position(row), source: row["source"], openingHours: openingHours)
            }
        }
    }

    public func replaceVenues(_ venues: [LicensedVenue], source: String, actor: Actor) async throws -> RegisterSummary {
        try await replace(.venues, source: source, actor: actor, count: venues.count) { db in
            let insert = try BulkStatement(
                db,
                sql: """
                    INSERT INTO licensedVenue (source, registerId, name, organisationNumber, address, permitType,
                        indoorClosing, outdoorClosing, holderName, srid, x, y, latitude, longitude)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for venue in venues {
                let point = venue.position.geographic
                try insert.run([
                    .text(source), .text(venue.registerId), .text(venue.name),
                    .text(venue.organisationNumber?.digits), .text(venue.address),
                    .text(venue.permitType?.rawValue), .text(venue.indoorClosing),
                    .text(venue.outdoorClosing), .text(venue.holderName),
                    .integer(Int64(venue.position.srid.rawValue)), .real(venue.position.x),
                    .real(venue.position.y), .real(point.latitude), .real(point.longitude),
                ])
            }
        }
    }

    public func licensedVenues() async throws -> [LicensedVenue] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM licensedVenue ORDER BY name, id").map { row in
                let number: String? = row["organisationNumber"]
                let permit: String? = row["permitType"]
                return LicensedVenue(
                    name: row["name"], organisationNumber: try number.map { try OrganisationNumber($0) },
                    address: row["address"], permitType: permit.flatMap(PermitType.init(rawValue:)),
                    indoorClosing: row["indoorClosing"], outdoorClosing: row["outdoorClosing"],
                    holderName: row["holderName"], registerId: row["registerId"], position: try Self.position(row),
                    source: row["source"])
            }
        }
    }

    public func registerSources() async throws -> [RegisterSource] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM registerImport ORDER BY kind, source").map { row in
                let kindText: String = row["kind"]
                guard let kind = RegisterKind(rawValue: kindText) else {
                    throw StoreError.damaged("ukjent registertype «\(kindText)» i databasen")
                }
                return RegisterSource(
                    kind: kind, source: row["source"], entries: row["entries"],
                    importedAt: try Timestamp.parse(row["importedAt"]), importedBy: row["importedBy"])
            }
        }
    }

    /// Deletes what `source` gave before, runs `insert`, and records the import and an audit
    /// event, all in one transaction.
    private func replace(
        _ kind: RegisterKind, source: String, actor: Actor, count: Int,
        insert: @escaping @Sendable (Database) throws -> Void
    ) async throws -> RegisterSummary {
        let now = now()
        let timestamp = Timestamp.format(now)
        return try await writer.write { db in
            // What the register held before: counted from the first delete, before the import's own
            // bookkeeping is cleared (points, addresses, zones and roads replace every earlier import).
            let removed: Int
            switch kind {
            case .sites:
                try db.execute(sql: "DELETE FROM site WHERE source = ?", arguments: [source])
                removed = db.changesCount
            case .venues:
                try db.execute(sql: "DELETE FROM licensedVenue WHERE source = ?", arguments: [source])
                removed = db.changesCount
            // Each publication of points is the whole list: it replaces every earlier one.
            case .points:
                try db.execute(sql: "DELETE FROM penaltyPoints")
                removed = db.changesCount
                try db.execute(sql: "DELETE FROM registerImport WHERE kind = 'points'")
            case .addresses:
                try db.execute(sql: "DELETE FROM address")
                removed = db.changesCount
                try db.execute(sql: "DELETE FROM registerImport WHERE kind = 'addresses'")
            case .zones:
                try db.execute(sql: "DELETE FROM zoneArea")
                removed = db.changesCount
                try db.execute(sql: "DELETE FROM registerImport WHERE kind = 'zones'")
            case .roads:
                try db.execute(sql: "DELETE FROM road")
                removed = db.changesCount
                try db.execute(sql: "DELETE FROM registerImport WHERE kind = 'roads'")
            }
            try insert(db)
            try db.execute(
                sql: """
                    INSERT INTO registerImport (kind, source, entries, importedAt, importedBy) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (kind, source) DO UPDATE SET entries = excluded.entries,
                        importedAt = excluded.importedAt, importedBy = excluded.importedBy
                    """, arguments: [kind.rawValue, source, count, timestamp, actor.name])
            let summary = RegisterSummary(removed: removed, added: count)
            try AuditRecord.record(.registerReplaced(kind, source: source, summary), by: actor, at: now, db)
            return summary
        }
    }

    public func replacePenaltyPoints(
        _ points: [PenaltyPoints], source: String, actor: Actor
    ) async throws
        -> RegisterSummary
    {
        try await replace(.points, source: source, actor: actor, count: points.count) { db in
            let insert = try BulkStatement(
                db,
                sql: """
                    INSERT INTO penaltyPoints (date, organisationNumber, venueName, address, points, reason)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            for entry in points {
                try insert.run([
                    .text(entry.date.iso), .text(entry.organisationNumber.digits), .text(entry.venueName),
                    .text(entry.address), .integer(Int64(entry.points)), .text(entry.reason),
                ])
            }
        }
    }

    public func replaceAddresses(
        _ addresses: [AddressPoint], source: String, actor: Actor
    ) async throws
        -> RegisterSummary
    {
        try await replace(.addresses, source: source, actor: actor, count: addresses.count) { db in
            let insert = try BulkStatement(
                db,
                sql: """
                    INSERT INTO address (streetName, nameKey, number, letter, postalCode, srid, x, y)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for address in addresses {
                try insert.run([
                    .text(address.streetName), .text(StreetKey.make(address.streetName)),
                    .integer(Int64(address.number)),
                    .text(address.letter ?? ""), .text(address.postalCode),
                    .integer(Int64(address.position.srid.rawValue)),
                    .real(address.position.x), .real(address.position.y),
                ])
            }
        }
    }

    public func address(street: StreetAddress, postalCode: String?) async throws -> AddressPoint? {
        try await writer.read { db in
            let sql = "SELECT * FROM address WHERE nameKey = ? AND number = ? AND letter = ?"
            let base: [(any DatabaseValueConvertible)?] = [street.nameKey, street.number, street.letter ?? ""]
            var row: Row?
            if let postalCode {
                row = try Row.fetchOne(
                    db, sql: sql + " AND postalCode = ? LIMIT 1",
                    arguments: StatementArguments(base + [postalCode]))
            }
            if row == nil { row = try Row.fetchOne(db, sql: sql + " LIMIT 1", arguments: StatementArguments(base)) }
            return try row.map { row in
                let letter: String = row["letter"]
                return AddressPoint(
                    streetName: row["streetName"], number: row["number"], letter: letter.isEmpty ? nil : letter,
                    postalCode: row["postalCode"], position: try Self.position(row))
            }
        }
    }

    public func penaltyPoints() async throws -> [PenaltyPoints] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM penaltyPoints ORDER BY date, id").map { row in
                PenaltyPoints(
                    date: try LocalDate(iso: row["date"]),
                    organisationNumber: try OrganisationNumber(row["organisationNumber"]),
                    venueName: row["venueName"], address: row["address"], points: row["points"], reason: row["reason"])
            }
        }
    }

    private static func position(_ row: Row) throws -> Position {
        let code: Int = row["srid"]
        guard let srid = SRID(rawValue: code) else { throw StoreError.damaged("ukjent srid \(code) i databasen") }
        return try Position(srid: srid, x: row["x"], y: row["y"])
    }
}

extension SQLiteStore {
    public func replaceZones(_ areas: [ZoneArea], source: String, actor: Actor) async throws -> RegisterSummary {
        let encoded = try areas.map { area in
            String(
                decoding: try JSONEncoder().encode(
                    area.rings.map { ring in ring.map { [$0.latitude, $0.longitude] } }),
                as: UTF8.self)
        }
        return try await replace(.zones, source: source, actor: actor, count: areas.count) { db in
            for (area, rings) in zip(areas, encoded) {
                try db.execute(
                    sql: "INSERT INTO zoneArea (zone, name, rings) VALUES (?, ?, ?)",
                    arguments: [area.zone.rawValue, area.name, rings])
            }
        }
    }

    public func zoneAreas() async throws -> [ZoneArea] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM zoneArea ORDER BY id").map { row in
                let zoneText: String = row["zone"]
                guard let zone = Zone(rawValue: zoneText) else {
                    throw StoreError.damaged("ukjent sone «\(zoneText)» i databasen")
                }
                let ringsText: String = row["rings"]
                let rings = try JSONDecoder().decode([[[Double]]].self, from: Data(ringsText.utf8))
                return ZoneArea(
                    zone: zone, rings: rings.map { $0.map { GeoPoint(latitude: $0[0], longitude: $0[1]) } },
                    name: row["name"])
            }
        }
    }
}

extension SQLiteStore {
    public func replaceRoads(_ roads: [Road], source: String, actor: Actor) async throws -> RegisterSummary {
        let encoded = try roads.map { try RoadLines.encode($0.lines) }
        return try await replace(.roads, source: source, actor: actor, count: roads.count) { db in
            let insert = try BulkStatement(
                db, sql: "INSERT INTO road (name, south, west, north, east, lines) VALUES (?, ?, ?, ?, ?, ?)")
            for (road, lines) in zip(roads, encoded) {
                let box = road.bounds
                try insert.run([
                    .text(road.name), .real(box.south), .real(box.west), .real(box.north), .real(box.east),
                    .text(lines),
                ])
            }
        }
    }

    public func roads(intersecting frame: GeoBounds) async throws -> [Road] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT name, lines FROM road
                    WHERE south <= ? AND north >= ? AND west <= ? AND east >= ? ORDER BY id
                    """, arguments: [frame.north, frame.south, frame.east, frame.west]
            ).map { row in Road(name: row["name"], lines: try RoadLines.decode(row["lines"])) }
        }
    }
}
