import Foundation
import SkjenkCore

/// Reads Næringsetaten's published list of penalty points (the spreadsheet saved as CSV): one row
/// per decision with `dato`, `organisasjonsnummer`, `skjenkested` (or `navn`), `adresse`,
/// `prikker` and `overtredelse` (or `begrunnelse`). Dates as `2026-03-14` or `14.03.2026`.
public struct PenaltyPointsReader: Sendable {
    public init() {}

    public func read(contentsOf url: URL, displayName: String? = nil) -> RegisterFile<PenaltyPoints> {
        RegisterFile.reading(url, displayName: displayName) { read(data: $0, fileName: $1) }
    }

    public func read(data: Data, fileName: String) -> RegisterFile<PenaltyPoints> {
        let rows: [RegisterRow]
        let required = [
            ["dato", "vedtaksdato", "date"], ["organisasjonsnummer", "orgnr", "organisationnumber"],
            ["prikker", "antall prikker", "points"],
        ]
        switch RegisterRows.read(data, fileName: fileName, required: required, assumedSRID: { _ in .wgs84 }) {
        case .failure(let problem): return RegisterFile(fileName: fileName, entries: [], skipped: [], errors: [problem])
        case .success(let read): rows = read
        }
        var reader = RegisterRows(fileName: fileName)
        var entries: [PenaltyPoints] = []
        for row in rows {
            guard let dateText = row.value("dato", "vedtaksdato", "date"), let date = Self.date(dateText) else {
                reader.skip(row, "mangler gyldig dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)")
                continue
            }
            guard let numberText = row.value("organisasjonsnummer", "orgnr", "organisationnumber"),
                let number = try? OrganisationNumber(numberText)
            else {
                reader.skip(row, "mangler gyldig organisasjonsnummer")
                continue
            }
            guard let pointsText = row.value("prikker", "antall prikker", "points"), let points = Int(pointsText),
                (1...12).contains(points)
            else {
                reader.skip(row, "antall prikker må være et helt tall fra 1 til 12")
                continue
            }
            entries.append(
                PenaltyPoints(
                    date: date, organisationNumber: number,
                    venueName: row.value("skjenkested", "salgssted", "navn", "name") ?? "ukjent sted",
                    address: row.value("adresse", "address"), points: points,
                    reason: row.value("overtredelse", "begrunnelse", "reason") ?? "ikke oppgitt"))
        }
        return RegisterFile(fileName: fileName, entries: entries, skipped: reader.skipped, errors: [])
    }

    /// `2026-03-14` or `14.03.2026`.
    static func date(_ text: String) -> LocalDate? {
        if let iso = try? LocalDate(iso: text) { return iso }
        let parts = text.split(separator: ".")
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else {
            return nil
        }
        return try? LocalDate(year: year, month: month, day: day)
    }
}
