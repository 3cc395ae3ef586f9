import Foundation
import SkjenkCore

/// A row of Næringsetaten's decisions as read, with its line.
public struct AgencyDecisionRow: Sendable, Hashable {
    public let line: Int
    public let caseNumber: CaseNumber
    public let outcome: AgencyDecision.Outcome
    public let date: LocalDate
    public let conditions: [String]
}

/// What reading a file of decisions gave: every row, or every problem by line. A file with any
/// problem is refused whole.
public struct AgencyDecisionFile: Sendable {
    public let fileName: String
    public let rows: [AgencyDecisionRow]
    public let errors: [Diagnostic]

    public var isAccepted: Bool { errors.isEmpty }
}

/// Reads Næringsetaten's decisions from CSV (comma or semicolon, UTF-8): `saksnummer`, `vedtak`
/// (`innvilget`, `innvilget-med-vilkaar`, `avslag`), `dato` (`2027-01-12` or `12.01.2027`) and an
/// optional `vilkaar` (the conditions, one per line in the cell or separated by `|`).
public struct AgencyDecisionReader: Sendable {
    static let columns: [String: [String]] = [
        "saksnummer": ["saksnummer", "sak", "saksnr"], "vedtak": ["vedtak", "utfall", "resultat"],
        "dato": ["dato", "vedtaksdato"], "vilkaar": ["vilkaar", "vilkår"],
    ]

    public init() {}

    public func read(contentsOf url: URL, displayName: String? = nil) -> AgencyDecisionFile {
        let name = displayName ?? url.path
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= 20 * 1024 * 1024 else { return Self.rejected(name, 0, "filen er større enn 20 MB") }
        guard let data = try? Data(contentsOf: url) else {
            return Self.rejected(name, 0, "filen finnes ikke eller kan ikke leses")
        }
        return read(data: data, fileName: name)
    }

    public func read(data: Data, fileName: String) -> AgencyDecisionFile {
        let table: CSVTable
        switch CSVTable.read(data, fileName: fileName) {
        case .success(let read): table = read
        case .failure(let problem): return AgencyDecisionFile(fileName: fileName, rows: [], errors: [problem])
        }
        var errors: [Diagnostic] = []
        var column: [String: Int] = [:]
        for (index, header) in table.header.enumerated() {
            guard let field = Self.columns.first(where: { $0.value.contains(header) })?.key else {
                errors.append(Self.problem(fileName, 1, "ukjent kolonne «\(header)»; skjenk leser saksnummer, vedtak, dato og vilkaar"))
                continue
            }
            if column[field] != nil { errors.append(Self.problem(fileName, 1, "kolonnen «\(field)» står to ganger")) }
            column[field] = index
        }
        for required in ["saksnummer", "vedtak", "dato"] where column[required] == nil {
            errors.append(Self.problem(fileName, 1, "kolonnen «\(required)» mangler"))
        }
        guard errors.isEmpty else { return AgencyDecisionFile(fileName: fileName, rows: [], errors: errors) }
        var rows: [AgencyDecisionRow] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            func value(_ field: String) -> String? {
                guard let index = column[field], index < record.fields.count else { return nil }
                let text = record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty ? nil : text
            }
            let line = record.line
            guard let caseText = value("saksnummer"), let number = try? CaseNumber(caseText) else {
                errors.append(Self.problem(fileName, line, "saksnummeret mangler eller er ugyldig (som 2026/05391)"))
                continue
            }
            if let earlier = seen[number.key] {
                errors.append(Self.problem(fileName, line, "står også på linje \(earlier)", number))
                continue
            }
            seen[number.key] = line
            guard let code = value("vedtak"), let outcome = AgencyDecision.Outcome(code: code.lowercased()) else {
                errors.append(
                    Self.problem(
                        fileName, line, "vedtaket skal være \(AgencyDecision.Outcome.codes.joined(separator: ", "))",
                        number))
                continue
            }
            guard let dateText = value("dato"), let date = Self.date(dateText) else {
                errors.append(Self.problem(fileName, line, "datoen mangler eller er ugyldig", number))
                continue
            }
            let conditions = (value("vilkaar") ?? "").split(whereSeparator: { $0 == "|" || $0.isNewline })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            rows.append(
                AgencyDecisionRow(line: line, caseNumber: number, outcome: outcome, date: date, conditions: conditions))
        }
        return AgencyDecisionFile(fileName: fileName, rows: errors.isEmpty ? rows : [], errors: errors)
    }

    /// `2027-01-12` or `12.01.2027`.
    static func date(_ text: String) -> LocalDate? { PenaltyPointsReader.date(text) }

    static func problem(_ file: String, _ line: Int, _ message: String, _ number: CaseNumber? = nil) -> Diagnostic {
        Diagnostic(
            at: SourceLocation(file: file, line: line, column: line == 0 ? 0 : 1), caseNumber: number?.text,
            message: message)
    }

    static func rejected(_ file: String, _ line: Int, _ message: String) -> AgencyDecisionFile {
        AgencyDecisionFile(fileName: file, rows: [], errors: [problem(file, line, message)])
    }
}
