import Foundation

/// Why a store refuses or fails, in words any engine can give: callers map these to messages and
/// HTTP statuses without knowing whether SQLite or PostgreSQL answered. The text is Norwegian and
/// names no personal data.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was asked for does not exist (a key, a user, a case).
    case notFound(String)
    /// The change collides with what is stored (a name taken, a file that already exists).
    case conflict(String)
    /// The input breaks a rule of the store (a name too long, an empty value).
    case invalid(String)
    /// The database cannot be opened, migrated, read or written.
    case unavailable(String)
    /// Stored data the store cannot read back (edited by hand, or from a newer version).
    case damaged(String)

    public var description: String {
        switch self {
        case .notFound(let text), .conflict(let text), .invalid(let text), .unavailable(let text),
            .damaged(let text):
            text
        }
    }
}
