import Foundation
import SkjenkCore
import SkjenkImport
import Synchronization

/// The district's policy file for a long-running process: read again only when the file changes
/// (its modification time or size), so the district's edits apply at the next request without
/// parsing the YAML for every one.
public final class PolicyFile: Sendable {
    public let path: String
    private let cache = Mutex<(stamp: Stamp, policy: Result<Policy, PolicyErrors>)?>(nil)

    private struct Stamp: Equatable {
        let modified: Date?
        let size: Int?
    }

    public init(path: String) {
        self.path = path
    }

    /// The policy as the file stands now, or its diagnostics.
    public func current() -> Result<Policy, PolicyErrors> {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let stamp = Stamp(
            modified: attributes?[.modificationDate] as? Date, size: (attributes?[.size] as? NSNumber)?.intValue)
        if let cached = cache.withLock({ $0 }), cached.stamp == stamp, stamp.modified != nil { return cached.policy }
        let read = PolicyReader().read(contentsOf: URL(fileURLWithPath: path))
        cache.withLock { $0 = (stamp, read) }
        return read
    }
}
