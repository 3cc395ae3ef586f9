import Foundation
import SkjenkCore

/// Reads a local copy of Kartverket's address register: the semicolon-separated CSV Geonorge
/// publishes, with `adressenavn`, `nummer`, `bokstav`, `postnummer`, `EPSG-kode`, `Nord` and `Øst`
/// (header names case-insensitive; `oest` for `øst` and `epsg` for `epsg-kode` also read).
public struct AddressRegisterReader: Sendable {
    public init() {}

    public func read(contentsOf url: URL, displayName: String? = nil) -> RegisterFile<AddressPoint> {
        RegisterFile.reading(url, displayName: displayName) { read(data: $0, fileName: $1) }
    }

    public func read(data: Data, fileName: String) -> RegisterFile<AddressPoint> {
        let required = [["adressenavn"], ["nummer"], ["postnummer"], ["nord"], ["øst", "oest", "ost"]]
        let rows: [RegisterRow]
        switch RegisterRows.read(data, fileName: fileName, required: required, assumedSRID: { _ in .wgs84 }) {
        case .failure(let problem): return RegisterFile(fileName: fileName, entries: [], skipped: [], errors: [problem])
        case .success(let read): rows = read
        }
        var reader = RegisterRows(fileName: fileName)
        var entries: [AddressPoint] = []
        entries.reserveCapacity(rows.count)
        for row in rows {
            guard let name = row.value("adressenavn"), let numberText = row.value("nummer"),
                let number = Int(numberText),
                let postalCode = row.value("postnummer")
            else {
                reader.skip(row, "mangler adressenavn, nummer eller postnummer")
                continue
            }
            let code =
                postalCode.count < 4 ? String(repeating: "0", count: 4 - postalCode.count) + postalCode : postalCode
            var values = row.values
            values["oest"] = row.value("øst", "oest", "ost")
            values["epsg"] = row.value("epsg-kode", "epsg")
            do {
                let position = try RegisterRow(line: row.line, values: values).position(defaultSRID: nil)
                entries.append(
                    AddressPoint(
                        streetName: name, number: number, letter: row.value("bokstav")?.uppercased(),
                        postalCode: code, position: position))
            } catch {
                reader.skip(row, error.message)
            }
        }
        return RegisterFile(fileName: fileName, entries: entries, skipped: reader.skipped, errors: [])
    }
}
