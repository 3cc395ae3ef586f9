import Foundation
import Hummingbird
import SkjenkCore

/// A response of the Open311 GeoReport v2 endpoint, written as JSON or as XML with the
/// specification's element names. Values keep their order, so both formats list fields alike.
indirect enum Open311Value {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    /// Fields in order.
    case object([(String, Open311Value)])
    /// Items, with the XML element name of each.
    case list(item: String, [Open311Value])

    static func optional(_ text: String?) -> Open311Value { text.map(Open311Value.string) ?? .null }

    var json: String {
        switch self {
        case .string(let text): Self.quoted(text)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .object(let fields): "{" + fields.map { "\(Self.quoted($0.0)):\($0.1.json)" }.joined(separator: ",") + "}"
        case .list(_, let items): "[" + items.map(\.json).joined(separator: ",") + "]"
        }
    }

    /// The value as the content of an element (`name` wraps it).
    func xml(_ name: String) -> String {
        switch self {
        case .null: "<\(name)/>"
        case .string(let text): "<\(name)>\(MarkupText.escape(text))</\(name)>"
        case .number, .bool: "<\(name)>\(json)</\(name)>"
        case .object(let fields): "<\(name)>" + fields.map { $0.1.xml($0.0) }.joined() + "</\(name)>"
        case .list(let item, let items): "<\(name)>" + items.map { $0.xml(item) }.joined() + "</\(name)>"
        }
    }

    static func quoted(_ text: String) -> String { JSONString.quoted(text, escapingMarkup: true) }
}

/// The two formats of the specification: `.json` and `.xml` at the end of the path.
enum Open311Format: String {
    case json, xml

    /// Splits `services.json` into its name and format; nil for another extension.
    static func split(_ file: String) -> (name: String, format: Open311Format)? {
        guard let dot = file.lastIndex(of: "."),
            let format = Open311Format(rawValue: String(file[file.index(after: dot)...]))
        else { return nil }
        return (String(file[..<dot]), format)
    }

    /// `value` as a response; `root` names the XML document element.
    func response(_ value: Open311Value, root: String, status: HTTPResponse.Status = .ok) -> Response {
        let body: String
        let type: String
        switch self {
        case .json:
            body = value.json
            type = "application/json; charset=utf-8"
        case .xml:
            body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + value.xml(root)
            type = "text/xml; charset=utf-8"
        }
        return Response(
            status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The specification's error format: a list of `{code, description}`.
    func error(_ status: HTTPResponse.Status, _ description: String) -> Response {
        response(
            .list(
                item: "error",
                [.object([("code", .number(Double(status.code))), ("description", .string(description))])]),
            root: "errors", status: status)
    }
}
