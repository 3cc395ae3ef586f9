import Foundation
import Hummingbird

/// The fields of a submitted form: `application/x-www-form-urlencoded`, or `multipart/form-data`
/// with uploaded files.
public struct FormFields: Sendable {
    public struct File: Sendable {
        public let fileName: String
        public let data: Data
    }

    private(set) var values: [String: [String]] = [:]
    private(set) var files: [String: [File]] = [:]

    /// The field's value, trimmed; nil when missing or empty.
    public subscript(_ name: String) -> String? {
        guard let value = values[name]?.last?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// The field's value as sent, untrimmed; nil when missing.
    public func get(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeated field (check boxes).
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    public func file(_ name: String) -> File? { files[name]?.first }

    /// Reads `body` as the form `contentType` says; nil when it is neither kind.
    static func parse(_ body: Data, contentType: String) -> FormFields? {
        let lower = contentType.lowercased()
        if lower.hasPrefix("application/x-www-form-urlencoded") {
            return urlEncoded(String(decoding: body, as: UTF8.self))
        }
        if lower.hasPrefix("multipart/form-data"),
            let range = contentType.range(of: "boundary=", options: .caseInsensitive)
        {
            var boundary = String(contentType[range.upperBound...])
            if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
            boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            return multipart(body, boundary: boundary)
        }
        return nil
    }

    /// A query string (`side=2&sok=Bar%20Boble`) from names and values, in order; nil values left out.
    static func query(_ fields: [(String, String?)]) -> String {
        // ASCII only: `CharacterSet.alphanumerics` would leave «ø» unescaped.
        let allowed = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return fields.compactMap { name, value in
            value.map { "\(name)=\($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
        }.joined(separator: "&")
    }

    static func urlEncoded(_ text: String) -> FormFields {
        var form = FormFields()
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let name = decode(parts[0])
            form.values[name, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return form
    }

    /// At most this many parts, and this many bytes of headers in each (issue 15, finding 1): the
    /// parser's work stays linear in the body, whatever its shape.
    static let maximumParts = 100
    static let maximumHeaderBytes = 4 * 1024

    static func multipart(_ body: Data, boundary: String) -> FormFields? {
        // RFC 2046 § 5.1.1: a boundary has 1–70 characters (a longer one would also slow the search).
        guard !boundary.isEmpty, boundary.utf8.count <= 70 else { return nil }
        var form = FormFields()
        let delimiter = Data("--\(boundary)".utf8)
        let bytes = body
        var parts: [Data] = []
        var search = bytes.startIndex
        var previous: Data.Index?
        while parts.count < maximumParts, let range = bytes.range(of: delimiter, in: search..<bytes.endIndex) {
            if let previous { parts.append(bytes[previous..<range.lowerBound]) }
            previous = range.upperBound
            search = range.upperBound
        }
        for var part in parts {
            // Each part: CRLF, headers, CRLF CRLF, content, CRLF. The headers end within 4 kB.
            if part.starts(with: [0x0D, 0x0A]) { part = part.dropFirst(2) }
            let headerEnd = part.index(part.startIndex, offsetBy: min(part.count, maximumHeaderBytes))
            guard let split = part.range(of: Data([0x0D, 0x0A, 0x0D, 0x0A]), in: part.startIndex..<headerEnd)
            else { continue }
            let headers = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
            var content = part[split.upperBound...]
            if content.suffix(2) == Data([0x0D, 0x0A]) { content = content.dropLast(2) }
            guard let name = Self.attribute("name", in: headers) else { continue }
            if let fileName = Self.attribute("filename", in: headers) {
                form.files[name, default: []].append(File(fileName: fileName, data: Data(content)))
            } else {
                form.values[name, default: []].append(String(decoding: content, as: UTF8.self))
            }
        }
        return form
    }

    private static func attribute(_ name: String, in headers: String) -> String? {
        guard let range = headers.range(of: "\(name)=\"") else { return nil }
        let rest = headers[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}

extension Request {
    /// The query as a browser's form sends it: `+` for a space, then percent-encoding (Hummingbird's
    /// `queryParameters` leaves a `+` as it is, so «Bar+Boble» would not find Bar Boble).
    var queryForm: FormFields { FormFields.urlEncoded(uri.query ?? "") }
}
