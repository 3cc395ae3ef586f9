import Foundation

/// Writes a table as CSV the way a spreadsheet opens it: RFC 4180 quoting, CRLF line ends, UTF-8
/// with a byte-order mark (so Excel reads æ, ø and å), semicolon by default (Excel's separator in a
/// Norwegian locale). A cell that a spreadsheet would run as a formula (it starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading apostrophe, so text from a complaint can
/// never become a formula on an officer's machine.
public struct CSVWriter: Sendable {
    public enum Delimiter: String, Sendable, CaseIterable {
        case semicolon = ";"
        case comma = ","
    }

    public var delimiter: Delimiter

    public init(delimiter: Delimiter = .semicolon) {
        self.delimiter = delimiter
    }

    /// The header and the rows as one file.
    public func write(header: [String], rows: [[String]]) -> Data {
        var text = "\u{FEFF}"
        for row in [header] + rows {
            text += row.map(cell).joined(separator: delimiter.rawValue)
            text += "\r\n"
        }
        return Data(text.utf8)
    }

    func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        let special = "\"\n\r" + delimiter.rawValue
        let needsQuotes = value.unicodeScalars.contains { special.unicodeScalars.contains($0) }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
