import Foundation
import SkjenkCore

/// What reading a file of complaints gave: every complaint, or every problem (by line). A file
/// with any problem is refused whole, so nothing of it is stored.
public struct ComplaintFile: Sendable {
    public let fileName: String
    public let entries: [ComplaintLogEntry]
    public let errors: [Diagnostic]

    public var isAccepted: Bool { errors.isEmpty }

    /// A file refused as a whole with one problem.
    static func rejected(_ file: String, _ line: Int, _ message: String) -> ComplaintFile {
        ComplaintFile(fileName: file, entries: [], errors: [problem(file, line, message)])
    }

    static func problem(_ file: String, _ line: Int, _ message: String) -> Diagnostic {
        Diagnostic(at: SourceLocation(file: file, line: line, column: line == 0 ? 0 : 1), message: message)
    }

    /// Reads `url` (at most `maxBytes`) and hands its bytes to `read`, or says why it cannot.
    static func reading(
        _ url: URL, displayName: String?, maxBytes: Int, _ read: (Data, String) -> ComplaintFile
    ) -> ComplaintFile {
        let name = displayName ?? url.path
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= maxBytes else { return rejected(name, 0, "filen er større enn \(maxBytes / 1024 / 1024) MB") }
        guard let data = try? Data(contentsOf: url) else {
            return rejected(name, 0, "filen finnes ikke eller kan ikke leses")
        }
        return read(data, name)
    }
}

/// Reads the spreadsheet a district keeps today, saved as CSV (comma or semicolon, UTF-8). One
/// complaint per row; the header names the columns (README, "Klager fra regneark"). Values of the
/// complainant's columns are never quoted in messages.
public struct ComplaintSheetReader: Sendable {
    /// Column names the reader knows, by canonical field, lower-case.
    static let columns: [String: [String]] = [
        ComplaintFields.reference: ["nr", "løpenummer", "lopenummer", "id", "ref", "referanse"],
        ComplaintFields.received: ["mottatt", "mottatt_dato", "dato_mottatt", "mottatt dato"],
        ComplaintFields.incident: ["hendelse", "hendelsesdato", "hendelse_dato", "dato"],
        ComplaintFields.incidentTime: ["klokkeslett", "kl", "tid"],
        ComplaintFields.incidentEnd: ["hendelse_til", "til_dato", "til"],
        ComplaintFields.period: ["tidsrom", "periode"],
        ComplaintFields.venue: ["sted", "stedsnavn", "utested", "skjenkested"],
        ComplaintFields.organisationNumber: ["orgnr", "organisasjonsnummer", "org.nr."],
        ComplaintFields.street: ["adresse", "gateadresse"],
        ComplaintFields.postalCode: ["postnr", "postnummer"],
        ComplaintFields.categories: ["kategori", "kategorier"],
        ComplaintFields.description: ["beskrivelse", "hva skjedde"],
        ComplaintFields.source: ["kilde"],
        ComplaintFields.officer: ["ansvarlig", "saksbehandler"],
        ComplaintFields.due: ["frist", "neste_frist"],
        ComplaintFields.status: ["status"],
        ComplaintFields.closingReason: ["avslutningsgrunn", "grunn"],
        ComplaintFields.closedAt: ["avsluttet", "avsluttet_dato"],
        ComplaintFields.complainantName: ["klager_navn", "klager"],
        ComplaintFields.complainantPhone: ["klager_telefon", "telefon"],
        ComplaintFields.complainantEmail: ["klager_epost", "epost", "e-post"],
        ComplaintFields.complainantAddress: ["klager_adresse"],
    ]

    /// Largest file read (a district's sheet is a few hundred kilobytes).
    public static let maxBytes = 20 * 1024 * 1024

    public init() {}

    public func read(contentsOf url: URL, displayName: String? = nil, now: Date, actor: String) -> ComplaintFile {
        ComplaintFile.reading(url, displayName: displayName, maxBytes: Self.maxBytes) {
            read(data: $0, fileName: $1, now: now, actor: actor)
        }
    }

    public func read(data: Data, fileName: String, now: Date, actor: String) -> ComplaintFile {
        let table: CSVTable
        switch CSVTable.read(data, fileName: fileName) {
        case .success(let read): table = read
        case .failure(let problem): return ComplaintFile(fileName: fileName, entries: [], errors: [problem])
        }
        // Each header column to its field; unknown columns are errors, so a misspelt column is never ignored.
        var fieldOfColumn: [Int: String] = [:]
        var errors: [Diagnostic] = []
        for (index, header) in table.header.enumerated() {
            guard let field = Self.columns.first(where: { $0.value.contains(header) })?.key else {
                errors.append(
                    Self.error(fileName, 1, "ukjent kolonne «\(header)»; se README for kolonnene skjenk leser"))
                continue
            }
            if fieldOfColumn.values.contains(field) {
                errors.append(Self.error(fileName, 1, "kolonnen for «\(field)» står to ganger"))
            }
            fieldOfColumn[index] = field
        }
        for field in [ComplaintFields.received, ComplaintFields.incident, ComplaintFields.categories]
        where !fieldOfColumn.values.contains(field) {
            errors.append(Self.error(fileName, 1, "kolonnen «\(field)» mangler i overskriftslinjen"))
        }
        guard errors.isEmpty else { return ComplaintFile(fileName: fileName, entries: [], errors: errors) }
        if table.records.isEmpty { return Self.rejected(fileName, 1, "filen har ingen klager under overskriftslinjen") }

        var entries: [ComplaintLogEntry] = []
        var references: [String: Int] = [:]
        for record in table.records {
            if record.fields.count > table.header.count {
                errors.append(
                    Self.error(
                        fileName, record.line,
                        "raden har \(record.fields.count) felt, men overskriften har \(table.header.count)"))
                continue
            }
            var values: [String: String] = [:]
            for (index, value) in record.fields.enumerated() {
                if let field = fieldOfColumn[index] { values[field] = value }
            }
            let categories = (values[ComplaintFields.categories] ?? "")
                .split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "+" || $0 == "\n" }).map(String.init)
            let fields = ComplaintFields(values: values, categoryList: categories)
            switch fields.entry(now: now, actor: actor) {
            case .success(let entry):
                let problems = ComplaintRules.problems(entry, now: now)
                if !problems.isEmpty {
                    errors += problems.map { Self.error(fileName, record.line, $0) }
                    continue
                }
                if let reference = entry.externalReference {
                    if let first = references[reference] {
                        errors.append(
                            Self.error(fileName, record.line, "nr «\(reference)» står også på linje \(first)"))
                        continue
                    }
                    references[reference] = record.line
                }
                entries.append(entry)
            case .failure(let problems):
                errors += problems.messages.map { Self.error(fileName, record.line, $0) }
            }
        }
        return ComplaintFile(fileName: fileName, entries: errors.isEmpty ? entries : [], errors: errors)
    }

    static func error(_ file: String, _ line: Int, _ message: String) -> Diagnostic {
        ComplaintFile.problem(file, line, message)
    }

    static func rejected(_ file: String, _ line: Int, _ message: String) -> ComplaintFile {
        ComplaintFile.rejected(file, line, message)
    }
}
