import Foundation

/// A command that failed after it has told the user why (or with a message to print).
struct CommandFailure: Error {
    /// Norwegian text for the user; empty when the command already printed its diagnostics.
    let message: String

    static let alreadyReported = CommandFailure(message: "")
}
