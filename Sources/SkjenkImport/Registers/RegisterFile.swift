import Foundation
import SkjenkCore

/// What reading one register file gave.
public struct RegisterFile<Entry: Sendable>: Sendable {
    public let fileName: String
    /// The rows that could be read.
    public let entries: [Entry]
    /// Rows left out, each with its line and reason (warnings: the rest of the file is usable).
    public let skipped: [Diagnostic]
    /// Problems with the file as a whole: when there are any, nothing of it may be stored.
    public let errors: [Diagnostic]

    public var isAccepted: Bool { errors.isEmpty }

    /// A file rejected as a whole with one problem.
    static func rejected(_ fileName: String, line: Int = 1, _ message: String) -> RegisterFile {
        RegisterFile(
            fileName: fileName, entries: [], skipped: [],
            errors: [
                Diagnostic(at: SourceLocation(file: fileName, line: line, column: line == 0 ? 0 : 1), message: message)
            ])
    }

    /// Reads `url` and hands its bytes to `read`, or reports that the file cannot be read.
    static func reading(_ url: URL, displayName: String?, _ read: (Data, String) -> RegisterFile) -> RegisterFile {
        let name = displayName ?? url.path
        guard let data = try? Data(contentsOf: url) else {
            return rejected(name, line: 0, "filen finnes ikke eller kan ikke leses")
        }
        return read(data, name)
    }
}

/// The file formats registers come in.
enum RegisterFormat {
    case csv
    case geoJSON

    /// GeoJSON when the name says so or the text starts with `{`; CSV otherwise.
    static func detect(_ data: Data, fileName: String) -> RegisterFormat {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".geojson") || lower.hasSuffix(".json") { return .geoJSON }
        let first = data.drop {
            $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF
        }.first
        return first == UInt8(ascii: "{") ? .geoJSON : .csv
    }
}

/// Reads register rows from CSV or GeoJSON and turns them into entries, one row at a time.
struct RegisterRows {
    let fileName: String
    var skipped: [Diagnostic] = []

    /// The rows of a file, or the file-level problem that stops it.
    static func read(
        _ data: Data, fileName: String, required: [[String]],
        assumedSRID: (_ properties: [String: String]) -> SRID
    ) -> Result<[RegisterRow], Diagnostic> {
        func problem(_ line: Int, _ message: String) -> Result<[RegisterRow], Diagnostic> {
            .failure(Diagnostic(at: SourceLocation(file: fileName, line: line, column: 1), message: message))
        }
        guard !data.isEmpty else { return problem(1, "filen er tom") }
        switch RegisterFormat.detect(data, fileName: fileName) {
        case .geoJSON:
            do {
                return .success(try GeoJSONFeatures.rows(data, assumedSRID: assumedSRID))
            } catch {
                return problem(error.line, error.message)
            }
        case .csv:
            let table: CSVTable
            do {
                table = try CSVTable.parse(data)
            } catch {
                switch error {
                case .notUTF8: return problem(1, "filen er ikke UTF-8; lagre den som UTF-8 (CSV UTF-8 i Excel)")
                case .empty: return problem(1, "filen er tom")
                case .unterminatedQuote(let line): return problem(line, "et felt i anførselstegn avsluttes aldri")
                }
            }
            for alternatives in required where !alternatives.contains(where: table.header.contains) {
                return problem(
                    1,
                    "kolonnen «\(alternatives[0])» mangler i overskriftslinjen (fant: "
                        + table.header.joined(separator: ", ") + ")")
            }
            return .success(
                table.records.map { record in
                    var values: [String: String] = [:]
                    for (name, value) in zip(table.header, record.fields) where !value.isEmpty && values[name] == nil {
                        values[name] = value
                    }
                    return RegisterRow(line: record.line, values: values)
                })
        }
    }

    mutating func skip(_ row: RegisterRow, _ reason: String) {
        skipped.append(
            Diagnostic(
                .warning, at: SourceLocation(file: fileName, line: row.line, column: 1),
                message: "raden er hoppet over: \(reason)"))
    }
}
