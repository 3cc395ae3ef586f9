import Foundation

/// Writing to the terminal: results on standard output, messages and progress on standard error.
enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// True when standard error is a terminal (progress can overwrite its line).
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The OS user running the command, for the audit trail.
    static var userName: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "ukjent"
    }
}
