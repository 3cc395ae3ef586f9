import Foundation
import SkjenkCore

/// A hearing read from a file, with the line its `<hoering>` starts on.
public struct ImportedHearing: Sendable, Hashable {
    public let hearing: Hearing
    public let line: Int

    public init(hearing: Hearing, line: Int) {
        self.hearing = hearing
        self.line = line
    }
}

/// What reading one hearing file gave: its hearings when it is accepted, and every problem found.
public struct HearingFile: Sendable {
    /// The name used in messages (the path as the user gave it).
    public let fileName: String
    /// The hearings, only when the file has no errors: a file with any error stores nothing.
    public let hearings: [ImportedHearing]
    /// Errors and warnings, sorted by position in the file.
    public let diagnostics: [Diagnostic]

    public init(fileName: String, hearings: [ImportedHearing], diagnostics: [Diagnostic]) {
        self.fileName = fileName
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
        self.hearings = diagnostics.hasErrors ? [] : hearings
    }

    /// True when the file can be stored.
    public var isAccepted: Bool { !diagnostics.hasErrors }
}
