import Foundation

/// Where in an input file something was found. Lines and columns count from 1.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem (or warning) found in an input, with a Norwegian message for the user.
///
/// Printed as `FILE:LINE:COLUMN: saksnummer N: melding`; the case number part is left out when
/// the problem lies outside any hearing (a file that is not XML at all).
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    /// The case number of the hearing the problem lies in, as written in the file.
    public var caseNumber: String?
    public var message: String

    public init(
        _ severity: Severity = .error, at location: SourceLocation, caseNumber: String? = nil,
        message: String
    ) {
        self.severity = severity
        self.location = location
        self.caseNumber = caseNumber
        self.message = message
    }

    public var description: String {
        // Line 0 means the file as a whole (it does not exist, cannot be read).
        var text = location.line == 0 ? "\(location.file): " : "\(location.file):\(location.line):\(location.column): "
        if let caseNumber { text += "saksnummer \(caseNumber): " }
        if severity == .warning { text += "advarsel: " }
        return text + message
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error (warnings alone do not reject a file).
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
