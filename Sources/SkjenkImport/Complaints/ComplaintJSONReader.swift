import Foundation
import SkjenkCore

/// Reads complaints written as JSON (`skjenk complaints add --from FILE`): one object, or an array
/// of them, with the keys below ("mottatt" may be left out: received now). Unknown keys are errors; problems name the complaint's place in
/// the file and the key, never a complainant's value.
///
///     { "mottatt": "2026-11-20 14:30", "hendelse": "2026-11-19", "klokkeslett": "23:40",
///       "sted": "Bar Boble", "orgnr": "974760673", "adresse": "Thereses gate 10", "postnr": "0358",
///       "kategorier": ["stoey", "uro"], "beskrivelse": "…", "kilde": "innbygger",
///       "ansvarlig": "kari", "frist": "2026-12-04",
///       "klager": { "navn": "…", "telefon": "…", "epost": "…", "adresse": "…" } }
public struct ComplaintJSONReader: Sendable {
    /// JSON keys to canonical fields.
    static let keys: [String: String] = [
        "nr": ComplaintFields.reference, "mottatt": ComplaintFields.received, "hendelse": ComplaintFields.incident,
        "klokkeslett": ComplaintFields.incidentTime, "hendelse_til": ComplaintFields.incidentEnd,
        "tidsrom": ComplaintFields.period, "sted": ComplaintFields.venue, "orgnr": ComplaintFields.organisationNumber,
        "adresse": ComplaintFields.street, "postnr": ComplaintFields.postalCode,
        "beskrivelse": ComplaintFields.description, "kilde": ComplaintFields.source,
        "ansvarlig": ComplaintFields.officer, "frist": ComplaintFields.due,
    ]
    static let complainantKeys: [String: String] = [
        "navn": ComplaintFields.complainantName, "telefon": ComplaintFields.complainantPhone,
        "epost": ComplaintFields.complainantEmail, "adresse": ComplaintFields.complainantAddress,
    ]

    public static let maxBytes = 5 * 1024 * 1024

    public init() {}

    public func read(contentsOf url: URL, displayName: String? = nil, now: Date, actor: String) -> ComplaintFile {
        ComplaintFile.reading(url, displayName: displayName, maxBytes: Self.maxBytes) {
            read(data: $0, fileName: $1, now: now, actor: actor)
        }
    }

    public func read(data: Data, fileName: String, now: Date, actor: String) -> ComplaintFile {
        guard String(data: data, encoding: .utf8) != nil else {
            return ComplaintFile.rejected(fileName, 1, "filen er ikke UTF-8")
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            return ComplaintFile.rejected(fileName, 1, "filen er ikke gyldig JSON")
        }
        let objects: [Any]
        if let array = root as? [Any] {
            objects = array
        } else {
            objects = [root]
        }
        guard !objects.isEmpty else { return ComplaintFile.rejected(fileName, 1, "filen har ingen klager") }
        var entries: [ComplaintLogEntry] = []
        var errors: [Diagnostic] = []
        for (index, object) in objects.enumerated() {
            let place = objects.count == 1 ? "" : "klage \(index + 1) i filen: "
            func problem(_ message: String) {
                errors.append(
                    Diagnostic(at: SourceLocation(file: fileName, line: 0, column: 0), message: place + message))
            }
            guard let dictionary = object as? [String: Any] else {
                problem("en klage skal være et JSON-objekt ({ … })")
                continue
            }
            var values: [String: String] = [:]
            var categories: [String] = []
            for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
                if key == "kategorier" || key == "kategori" {
                    if let list = value as? [String] {
                        categories = list
                    } else if let text = value as? String {
                        categories = [text]
                    } else {
                        problem("«\(key)» skal være en liste med kategorikoder")
                    }
                } else if key == "klager" {
                    guard let person = value as? [String: Any] else {
                        problem("«klager» skal være et objekt med navn, telefon, epost og adresse")
                        continue
                    }
                    for (personKey, personValue) in person {
                        guard let field = Self.complainantKeys[personKey] else {
                            problem("ukjent nøkkel «klager.\(personKey)»; bruk navn, telefon, epost eller adresse")
                            continue
                        }
                        guard let text = personValue as? String else {
                            problem("«klager.\(personKey)» skal være tekst")
                            continue
                        }
                        values[field] = text
                    }
                } else if let field = Self.keys[key] {
                    if let text = value as? String {
                        values[field] = text
                    } else if let number = value as? NSNumber, key == "orgnr" || key == "nr" {
                        values[field] = number.stringValue
                    } else if !(value is NSNull) {
                        problem("«\(key)» skal være tekst")
                    }
                } else {
                    problem("ukjent nøkkel «\(key)»")
                }
            }
            switch ComplaintFields(values: values, categoryList: categories).entry(
                now: now, actor: actor, defaultReceived: now)
            {
            case .success(let entry):
                let problems = ComplaintRules.problems(entry, now: now)
                if problems.isEmpty { entries.append(entry) } else { problems.forEach(problem) }
            case .failure(let problems):
                problems.messages.forEach(problem)
            }
        }
        return ComplaintFile(fileName: fileName, entries: errors.isEmpty ? entries : [], errors: errors)
    }
}
