import Foundation
import SkjenkCore

/// Reads a register of licensed venues (CSV or GeoJSON): `navn`, `organisasjonsnummer`, optional
/// `adresse` and `bevillingstype` (or `name`, `organisationNumber`, `address`), and a position.
/// Also reads, without options, the GeoJSON of Næringsetaten's permit map (WFS layer
/// `skjenkebevilling_punkt`: EPSG:25832 without a `crs` member, properties `OBJEKTNAVN`, …).
public struct VenueRegisterReader: Sendable {
    /// The reference system of `oest`/`nord` columns without an `epsg` column (`--epsg`).
    public var defaultSRID: SRID?

    public init(defaultSRID: SRID? = nil) {
        self.defaultSRID = defaultSRID
    }

    public func read(contentsOf url: URL, displayName: String? = nil, source: String) -> RegisterFile<LicensedVenue> {
        RegisterFile.reading(url, displayName: displayName) { read(data: $0, fileName: $1, source: source) }
    }

    public func read(data: Data, fileName: String, source: String) -> RegisterFile<LicensedVenue> {
        let rows: [RegisterRow]
        // Næringsetaten's map: properties in capitals, coordinates in EPSG:25832, no crs member.
        let assumed: ([String: String]) -> SRID = { $0["objektnavn"] != nil ? .utm32 : .wgs84 }
        switch RegisterRows.read(data, fileName: fileName, required: [["navn", "name"]], assumedSRID: assumed) {
        case .failure(let problem): return RegisterFile(fileName: fileName, entries: [], skipped: [], errors: [problem])
        case .success(let read): rows = read
        }
        var reader = RegisterRows(fileName: fileName)
        var venues: [LicensedVenue] = []
        for row in rows {
            guard let name = row.value("navn", "name", "objektnavn") else {
                reader.skip(row, "mangler navn")
                continue
            }
            var number: OrganisationNumber?
            if let text = row.value("organisasjonsnummer", "organisationnumber", "orgnr") {
                guard let valid = try? OrganisationNumber(text) else {
                    reader.skip(row, "organisasjonsnummeret «\(text)» er ugyldig")
                    continue
                }
                number = valid
            }
            var permitType: PermitType?
            if let text = row.value("bevillingstype", "permittype") {
                guard let type = PermitType(code: text.lowercased()) ?? PermitType(rawValue: text) else {
                    reader.skip(row, "ukjent bevillingstype «\(text)»; bruk skjenking eller salg")
                    continue
                }
                permitType = type
            }
            let address = row.value("adresse", "address") ?? mapAddress(row)
            do {
                let position = try row.position(defaultSRID: defaultSRID)
                venues.append(
                    LicensedVenue(
                        name: name, organisationNumber: number, address: address,
                        permitType: permitType ?? (row.values["objektnavn"] != nil ? .serving : nil),
                        indoorClosing: row.value("inne_tid"), outdoorClosing: row.value("ute_tid"),
                        holderName: row.value("eiernavn"), registerId: row.value("dbid"), position: position,
                        source: source))
            } catch {
                reader.skip(row, error.message)
            }
        }
        return RegisterFile(fileName: fileName, entries: venues, skipped: reader.skipped, errors: [])
    }

    /// "Thereses gate 10, 0358 Oslo" from the permit map's address properties.
    private func mapAddress(_ row: RegisterRow) -> String? {
        guard let street = row.value("objektadresse") else { return nil }
        // A postal code that came as a JSON number has lost its leading zero (0358 → 358).
        let code = row.value("objektpostnr").map {
            $0.count < 4 && $0.allSatisfy(\.isNumber)
                ? String(repeating: "0", count: 4 - $0.count) + $0 : $0
        }
        let place = [code, row.value("objektpoststed")].compactMap { $0 }.joined(separator: " ")
        return place.isEmpty ? street : "\(street), \(place)"
    }
}
