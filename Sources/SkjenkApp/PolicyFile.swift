import Foundation
import SkjenkCore
import SkjenkImport
import Synchronization

/// The policy file, or the folder with one file per district, for a long-running process: read
/// again only when a file changes (its modification time or size) or a file is added to or removed
/// from the folder, so the district's edits apply at the next request without parsing the YAML for
/// every one.
public final class PolicyFile: Sendable {
    public let path: String
    private let cache = Mutex<(stamp: Stamp, policies: Result<PolicySet, PolicyErrors>)?>(nil)

    /// What the files looked like when they were read: name, modification time and size of each.
    private struct Stamp: Equatable {
        struct File: Equatable {
            let name: String
            let modified: Date?
            let size: Int?
        }

        let files: [File]
        /// Whether every file was found (a missing one is never served from the cache).
        var isComplete: Bool { !files.isEmpty && files.allSatisfy { $0.modified != nil } }
    }

    public init(path: String) {
        self.path = path
    }

    /// The policies as the file or folder stands now, or the diagnostics.
    public func current() -> Result<PolicySet, PolicyErrors> {
        let stamp = currentStamp()
        if let stamp, let cached = cache.withLock({ $0 }), cached.stamp == stamp, stamp.isComplete {
            return cached.policies
        }
        let read = PolicySet.read(at: path)
        if let stamp { cache.withLock { $0 = (stamp, read) } }
        return read
    }

    /// The file's stamp, or the stamps of the folder's policy files; nil when the folder cannot be listed.
    private func currentStamp() -> Stamp? {
        guard PolicySet.isFolder(path) else { return Stamp(files: [Self.file(path, name: path)]) }
        guard let names = try? PolicySet.policyFiles(in: path) else { return nil }
        return Stamp(files: names.map { Self.file(PolicySet.filePath($0, in: path), name: $0) })
    }

    private static func file(_ path: String, name: String) -> Stamp.File {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return Stamp.File(
            name: name, modified: attributes?[.modificationDate] as? Date,
            size: (attributes?[.size] as? NSNumber)?.intValue)
    }
}
