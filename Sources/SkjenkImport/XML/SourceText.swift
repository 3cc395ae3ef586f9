import Foundation

/// The raw bytes of an input file, with what it takes to turn a line and a name into a column.
///
/// Line starts are found on first use, so a file without problems never pays for them.
final class SourceText {
    private let data: Data
    /// Copied out of `data` only when a problem has to be placed.
    private lazy var bytes: [UInt8] = [UInt8](data)
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        return starts
    }()

    init(_ data: Data) {
        self.data = data
    }

    /// Column (1-based, in characters) of the first `needle` on `line` at or after `column`, if any.
    func column(of needle: String, onLine line: Int, from column: Int = 1) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, end - start >= pattern.count else { return nil }
        var characters = 0
        var i = start
        while i + pattern.count <= end {
            // Count characters, not bytes: skip UTF-8 continuation bytes.
            if bytes[i] & 0xC0 != 0x80 {
                characters += 1
                if characters >= column, bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                    return characters
                }
            }
            i += 1
        }
        return nil
    }

    /// Column of the start tag `<name` or `<prefix:name` on `line`.
    func columnOfStartTag(_ name: String, onLine line: Int) -> Int? {
        if let column = column(of: "<\(name)", onLine: line) { return column }
        return column(of: ":\(name)", onLine: line).map { max(1, $0 - 1) }
    }

    /// Line and column of the first occurrence of `needle` in the file (an ASCII marker).
    func firstLocation(of needle: String) -> (line: Int, column: Int)? {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return nil }
        var line = 1
        var lineStart = 0
        for i in 0...(bytes.count - pattern.count) {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            } else if bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                return (line, i - lineStart + 1)
            }
        }
        return nil
    }
}
