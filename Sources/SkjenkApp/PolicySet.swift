import Foundation
import SkjenkCore
import SkjenkStore

/// The policies assessments use: one file that applies to every hearing and every district (one
/// district's deployment), or a folder with one file per district (the city-wide deployment), each
/// file naming its district in `bydel.navn`.
public struct PolicySet: Sendable, Equatable {
    /// One district's policy in a folder, and the file it was read from.
    public struct DistrictPolicy: Sendable, Equatable {
        /// The district's name as hearings give it ("St. Hanshaugen", from `bydel.navn`).
        public let district: String
        /// The file, as diagnostics name it.
        public let file: String
        public let policy: Policy

        public init(district: String, file: String, policy: Policy) {
            self.district = district
            self.file = file
            self.policy = policy
        }
    }

    /// One policy for everything, or the folder's policies by district.
    private enum Storage: Sendable, Equatable {
        case single(Policy)
        case folder(path: String, byKey: [String: DistrictPolicy])
    }

    private let storage: Storage

    /// One policy for every hearing and every district.
    public init(_ policy: Policy) {
        storage = .single(policy)
    }

    /// The policies in `folder`, one per district. The districts are distinct (`read(at:)` refuses
    /// a folder where two files name the same one); should two share a name, the first stands.
    public init(folder: String, policies: [DistrictPolicy]) {
        var byKey: [String: DistrictPolicy] = [:]
        for entry in policies where byKey[Self.key(entry.district)] == nil { byKey[Self.key(entry.district)] = entry }
        storage = .folder(path: folder, byKey: byKey)
    }

    /// The folder the policies were read from; nil for a single file.
    public var folder: String? {
        if case .folder(let path, _) = storage { return path }
        return nil
    }

    /// The districts with a policy of their own, sorted; empty for a single file.
    public var districts: [String] {
        guard case .folder(_, let byKey) = storage else { return [] }
        return byKey.values.map(\.district).sorted()
    }

    /// The policy for `district` (a hearing's or a user's). A single file applies to every district
    /// and to none. From a folder: the district's own file; without a district, the only file when
    /// the folder holds exactly one.
    public func policy(forDistrict district: String?) throws(PolicySetError) -> Policy {
        switch storage {
        case .single(let policy):
            return policy
        case .folder(let path, let byKey):
            guard let district else {
                guard byKey.count == 1, let only = byKey.values.first else {
                    throw .noDistrict(folder: path, districts: districts)
                }
                return only.policy
            }
            guard let found = byKey[Self.key(district)] else {
                throw .noPolicy(district: Self.name(district), folder: path, districts: districts)
            }
            return found.policy
        }
    }

    /// A district's name as the store keeps it ("Bydel Sagene" and " Sagene" are "Sagene"), or the
    /// text trimmed when it is no valid name (then no file matches it).
    static func name(_ district: String) -> String {
        ((try? StoreRules.checkedDistrict(district)) ?? nil) ?? district.trimmingCharacters(in: .whitespaces)
    }

    /// The lookup key: the name, case folded, so "St. Hanshaugen" and "st. hanshaugen" are one district.
    static func key(_ district: String) -> String {
        name(district).lowercased()
    }
}

/// A district without a policy of its own in the folder, or no district to choose one by.
public enum PolicySetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder has no file for `district`; `districts` are those it has.
    case noPolicy(district: String, folder: String, districts: [String])
    /// No district was given (a user without one), and the folder has more than one policy.
    case noDistrict(folder: String, districts: [String])

    public var description: String {
        switch self {
        case .noPolicy(let district, let folder, let districts):
            return "bydel \(district) har ingen policyfil i mappen \(folder) (mappen har policy for "
                + "\(Self.list(districts))); legg en fil med «bydel: navn: Bydel \(district)» i mappen"
        case .noDistrict(let folder, let districts):
            return "ingen bydel er oppgitt, og mappen \(folder) har policy for flere bydeler "
                + "(\(Self.list(districts))); en bruker i en tjeneste for flere bydeler må høre til en bydel "
                + "(skjenk users add … --district), ellers pek --policy på én bydels fil"
        }
    }

    /// "A, B og C".
    static func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "ingen" }
        return names.dropLast().joined(separator: ", ") + " og " + names[names.count - 1]
    }
}
