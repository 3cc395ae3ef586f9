import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkStore

/// Reading `--policy PATH`: a file, or a folder with one file per district.
extension PolicySet {
    /// Whether `path` names a folder (else it is read as a file).
    public static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The policies at `path`, or every problem found in them. A file is read as one policy for
    /// every district; a folder as one file per district, and then nothing is returned if any file
    /// has a problem.
    public static func read(at path: String) -> Result<PolicySet, PolicyErrors> {
        guard isFolder(path) else {
            return PolicyReader().read(contentsOf: URL(fileURLWithPath: path), displayName: path).map(PolicySet.init)
        }
        return readFolder(path)
    }

    /// The policy files directly in `folder` (`*.yaml`, `*.yml`; hidden files left out), sorted by name.
    public static func policyFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { !$0.hasPrefix(".") && ["yaml", "yml"].contains(($0 as NSString).pathExtension.lowercased()) }
            .filter { !isFolder(filePath($0, in: folder)) }
            .sorted()
    }

    /// `name` in `folder`, as diagnostics print it.
    static func filePath(_ name: String, in folder: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Every file in `folder`, each naming its district; two files for one district, a file without
    /// a district and a folder without files are errors.
    static func readFolder(_ folder: String) -> Result<PolicySet, PolicyErrors> {
        let names: [String]
        do {
            names = try policyFiles(in: folder)
        } catch {
            return .failure(PolicyErrors([wholeFile(folder, "mappen med policyer kan ikke leses")]))
        }
        guard !names.isEmpty else {
            return .failure(
                PolicyErrors([
                    wholeFile(folder, "mappen har ingen policyfiler (*.yaml eller *.yml), én per bydel")
                ]))
        }
        var problems: [Diagnostic] = []
        var policies: [DistrictPolicy] = []
        var files: [String: String] = [:]
        for name in names {
            let path = filePath(name, in: folder)
            switch PolicyReader().read(contentsOf: URL(fileURLWithPath: path), displayName: path) {
            case .failure(let errors):
                problems += errors.diagnostics
            case .success(let policy):
                guard let named = policy.district?.name else {
                    problems.append(
                        wholeFile(
                            path,
                            "bydel.navn mangler; i en mappe med policyer må hver fil si hvilken bydel den gjelder"))
                    continue
                }
                let district: String
                do {
                    guard let checked = try StoreRules.checkedDistrict(named) else { continue }
                    district = checked
                } catch {
                    problems.append(
                        wholeFile(
                            path,
                            "bydel.navn: «\(named)» er ikke et bydelsnavn (2–64 tegn: bokstaver, mellomrom, "
                                + "punktum, bindestrek)"))
                    continue
                }
                if let earlier = files[key(district)] {
                    problems.append(
                        wholeFile(
                            path, "bydel \(district) har allerede en policy i \(earlier); hver bydel skal ha én fil"))
                    continue
                }
                files[key(district)] = path
                policies.append(DistrictPolicy(district: district, file: path, policy: policy))
            }
        }
        guard problems.isEmpty else { return .failure(PolicyErrors(problems)) }
        return .success(PolicySet(folder: folder, policies: policies))
    }

    /// A problem with a file (or the folder) as a whole.
    private static func wholeFile(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), message: message)
    }
}
