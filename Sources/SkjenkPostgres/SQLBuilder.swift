import PostgresNIO

/// SQL written piece by piece with its bound values (`$1`, `$2`, … in order): for lists and filters
/// whose shape depends on the request. Values are always bound, never spliced into the text.
struct SQLBuilder {
    var sql: String
    var binds = PostgresBindings()

    init(_ sql: String = "") {
        self.sql = sql
    }

    /// Binds `value` and returns its placeholder.
    mutating func bind(_ value: some PostgresThrowingDynamicTypeEncodable) -> String {
        try! binds.append(value)  // the store's values (text, numbers, dates, arrays) always encode
        return "$\(binds.count)"
    }

    /// Binds `value`, or NULL.
    mutating func bind(_ value: (some PostgresThrowingDynamicTypeEncodable)?) -> String {
        guard let value else {
            binds.appendNull()
            return "$\(binds.count)"
        }
        return bind(value)
    }

    /// Binds a value of a row whose columns differ in type.
    mutating func bind(_ value: SQLValue) -> String {
        switch value {
        case .text(let text): bind(text)
        case .integer(let number): bind(number)
        case .real(let number): bind(number)
        }
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}

/// Conditions joined with AND, for a WHERE clause.
struct SQLConditions {
    var parts: [String] = []

    mutating func add(_ condition: String) { parts.append(condition) }

    /// ` WHERE a AND b`, or nothing.
    var clause: String { parts.isEmpty ? "" : " WHERE " + parts.joined(separator: " AND ") }

    /// `text` (when not empty) in any of `columns`, ignoring case in every alphabet.
    mutating func anyContains(_ columns: [String], _ text: String, _ builder: inout SQLBuilder) {
        // As SQLite's store: surrounding spaces are not part of what is searched for.
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        let placeholder = builder.bind(text)
        parts.append("(" + columns.map { "skjenk_contains(\($0), \(placeholder))" }.joined(separator: " OR ") + ")")
    }
}

/// A value of a row for a multi-row insert.
enum SQLValue: Sendable {
    case text(String?)
    case integer(Int)
    case real(Double)
}
