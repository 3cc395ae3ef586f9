import Foundation
import SkjenkCore

/// A CSV file as records, each with the line it starts on. Reads RFC 4180 quoting (fields in
/// double quotes, `""` for a quote, line breaks inside quotes), comma or semicolon as delimiter
/// (whichever the header uses more), UTF-8 with or without a byte-order mark, LF or CRLF.
struct CSVTable {
    struct Record {
        let line: Int
        let fields: [String]
    }

    /// Header names, trimmed and lower-cased.
    let header: [String]
    let records: [Record]
    let delimiter: Character

    /// Why a file cannot be read as CSV.
    enum Problem: Error {
        case notUTF8
        case empty
        case unterminatedQuote(line: Int)
    }

    /// The table of `data`, or why it cannot be read, in Norwegian at its line of `fileName`.
    static func read(_ data: Data, fileName: String) -> Result<CSVTable, Diagnostic> {
        func refusal(_ line: Int, _ message: String) -> Result<CSVTable, Diagnostic> {
            .failure(Diagnostic(at: SourceLocation(file: fileName, line: line, column: 1), message: message))
        }
        do {
            return .success(try parse(data))
        } catch {
            switch error {
            case .notUTF8: return refusal(1, "filen er ikke UTF-8; lagre den som CSV UTF-8 i Excel")
            case .empty: return refusal(1, "filen er tom")
            case .unterminatedQuote(let line): return refusal(line, "et felt i anførselstegn avsluttes aldri")
            }
        }
    }

    static func parse(_ data: Data) throws(Problem) -> CSVTable {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        let delimiter = Self.delimiter(of: text)
        var rows: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var fieldWasQuoted = false
        var iterator = text.makeIterator()
        var pending: Character?

        func endField() {
            fields.append(fieldWasQuoted ? field : field.trimmingCharacters(in: .whitespaces))
            field = ""
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                rows.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            pending = next
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.trimmingCharacters(in: .whitespaces).isEmpty:
                inQuotes = true
                fieldWasQuoted = true
                quoteLine = line
                field = ""
            case delimiter:
                endField()
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(c)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = rows.first else { throw .empty }
        return CSVTable(
            header: first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() },
            records: Array(rows.dropFirst()), delimiter: delimiter)
    }

    /// `;` when the first line has more semicolons than commas outside quotes, else `,`.
    private static func delimiter(of text: String) -> Character {
        var semicolons = 0
        var commas = 0
        var inQuotes = false
        for c in text {
            if c == "\n" || c == "\r\n" { break }
            if c == "\"" { inQuotes.toggle() }
            guard !inQuotes else { continue }
            if c == ";" { semicolons += 1 } else if c == "," { commas += 1 }
        }
        return semicolons > commas ? ";" : ","
    }
}
