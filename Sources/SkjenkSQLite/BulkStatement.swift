import GRDB
import SkjenkStore
import GRDBSQLite

/// A value bound to a bulk statement.
enum SQLValue {
    case text(String)
    case integer(Int64)
    case real(Double)
    case null

    static func text(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
    static func real(_ value: Double?) -> SQLValue { value.map(SQLValue.real) ?? .null }
}

/// A prepared statement run through SQLite's C API: for the import's inserts, where GRDB's
/// argument boxing costs more than SQLite itself. The statement stays owned by GRDB's cache.
struct BulkStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer

    init(_ db: Database, sql: String) throws {
        let statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        guard let connection = db.sqliteConnection else {
            throw StoreError.unavailable("databasen er lukket")
        }
        self.connection = connection
    }

    /// SQLite copies bound text before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Binds `values` to the parameters in order and runs the statement.
    func run(_ values: [SQLValue]) throws {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .text(var text):
                code = text.withUTF8 { buffer in
                    sqlite3_bind_text(
                        handle, index,
                        buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                        Int32(buffer.count), Self.transient)
                }
            case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
            case .real(let number): code = sqlite3_bind_double(handle, index, number)
            case .null: code = sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else { throw error(code) }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    private func error(_ code: Int32) -> StoreError {
        StoreError.unavailable("SQLite-feil \(code): \(String(cString: sqlite3_errmsg(connection)))")
    }
}
