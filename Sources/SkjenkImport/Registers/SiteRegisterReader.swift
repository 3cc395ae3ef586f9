import Foundation
import SkjenkCore

/// Reads a register of sensitive sites (CSV or GeoJSON): `kategori`, `navn`, optional `adresse`
/// (or `category`, `name`, `address`), optional `aapningstid` (`åpningstid`, `opening_hours`; see
/// `WeeklyHours(parsing:)`, empty when unknown) and a position (see `RegisterRow.position`).
public struct SiteRegisterReader: Sendable {
    /// The reference system of `oest`/`nord` columns without an `epsg` column (`--epsg`).
    public var defaultSRID: SRID?

    public init(defaultSRID: SRID? = nil) {
        self.defaultSRID = defaultSRID
    }

    public func read(contentsOf url: URL, displayName: String? = nil, source: String) -> RegisterFile<Site> {
        RegisterFile.reading(url, displayName: displayName) { read(data: $0, fileName: $1, source: source) }
    }

    public func read(data: Data, fileName: String, source: String) -> RegisterFile<Site> {
        let rows: [RegisterRow]
        switch RegisterRows.read(
            data, fileName: fileName, required: [["kategori", "category"], ["navn", "name"]],
            assumedSRID: { _ in .wgs84 })
        {
        case .failure(let problem): return RegisterFile(fileName: fileName, entries: [], skipped: [], errors: [problem])
        case .success(let read): rows = read
        }
        var reader = RegisterRows(fileName: fileName)
        var sites: [Site] = []
        for row in rows {
            guard let categoryText = row.value("kategori", "category") else {
                reader.skip(row, "mangler kategori")
                continue
            }
            guard let category = SiteCategory(registerText: categoryText) else {
                reader.skip(
                    row, "ukjent kategori «\(categoryText)»; bruk \(SiteCategory.codes.joined(separator: ", "))")
                continue
            }
            guard let name = row.value("navn", "name") else {
                reader.skip(row, "mangler navn")
                continue
            }
            var openingHours: WeeklyHours?
            if let hoursText = row.value("aapningstid", "åpningstid", "opening_hours")?
                .trimmingCharacters(in: .whitespaces), !hoursText.isEmpty
            {
                do {
                    openingHours = try WeeklyHours(parsing: hoursText)
                } catch {
                    reader.skip(row, "åpningstiden «\(hoursText)» kan ikke leses: \(error.message)")
                    continue
                }
            }
            do {
                let position = try row.position(defaultSRID: defaultSRID)
                sites.append(
                    Site(
                        category: category, name: name, address: row.value("adresse", "address"),
                        position: position, source: source, openingHours: openingHours))
            } catch {
                reader.skip(row, error.message)
            }
        }
        return RegisterFile(fileName: fileName, entries: sites, skipped: reader.skipped, errors: [])
    }
}
