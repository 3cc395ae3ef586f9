import Foundation
import SkjenkCore
import Yams

/// The value readers every section uses: tables with known keys, required keys, numbers, times,
/// zones, texts and lists, each reporting its problem at the node's line and column.
extension PolicyNodeReader {
    /// A list of application kinds by their codes (`[enkeltanledning, fornyelse]`).
    mutating func applicationKinds(_ node: Node, _ path: String) -> Set<ApplicationType> {
        guard case .sequence(let sequence) = node else {
            report(node, "\(path): ventet en liste av søknadstyper, som [enkeltanledning, fornyelse, eierskifte]")
            return []
        }
        var kinds: Set<ApplicationType> = []
        for item in sequence {
            guard let code = scalar(item, path) else { continue }
            guard let kind = ApplicationType(code: code) else {
                report(
                    item, "\(path): ukjent søknadstype «\(code)»; bruk \(ApplicationType.codes.joined(separator: ", "))"
                )
                continue
            }
            kinds.insert(kind)
        }
        return kinds
    }

    /// A list of words (`[bar, "cocktail*"]`).
    mutating func wordList(_ node: Node, _ path: String) -> [WordPattern]? {
        guard case .sequence(let sequence) = node else {
            report(node, "\(path): ventet en liste av ord, som [bar, pub, \"cocktail*\"]")
            return nil
        }
        var patterns: [WordPattern] = []
        for item in sequence {
            guard let text = scalar(item, path) else { continue }
            do {
                patterns.append(try WordPattern(text))
            } catch {
                report(item, "\(path): «\(text)» er ikke et ord (bokstaver, med * først eller sist for deler av ord)")
            }
        }
        return patterns
    }

    // MARK: Values

    mutating func thresholds(_ fields: [String: Node], _ node: Node, _ path: String) -> Policy.Thresholds? {
        guard
            let medium = required(fields, "middels", in: node, path: path).flatMap({
                number($0, "\(path).middels", in: 0...1_000_000)
            }),
            let high = required(fields, "hoy", in: node, path: path).flatMap({
                number($0, "\(path).hoy", in: 0...1_000_000)
            })
        else { return nil }
        if high < medium { report(node, "\(path): hoy (\(high)) kan ikke være mindre enn middels (\(medium))") }
        return Policy.Thresholds(medium: medium, high: high)
    }

    /// The mapping's entries by key; unknown keys are reported.
    mutating func mapping(_ node: Node, _ path: String, keys: [String]) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            report(node, "\(path): ventet en tabell av nøkler og verdier")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard keys.contains(name) else {
                report(key, "\(path): ukjent nøkkel «\(name)»; tillatte nøkler: \(keys.joined(separator: ", "))")
                continue
            }
            result[name] = value
        }
        return result
    }

    mutating func required(
        _ fields: [String: Node], _ key: String, in parent: Node, path: String? = nil
    ) -> Node? {
        if let node = fields[key] { return node }
        report(parent, "\(path.map { "\($0)." } ?? "")\(key) mangler")
        return nil
    }

    mutating func scalar(_ node: Node, _ path: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, "\(path): ventet én verdi")
            return nil
        }
        return scalar.string
    }

    mutating func number(_ node: Node, _ path: String, in range: ClosedRange<Double>) -> Double? {
        guard let text = scalar(node, path) else { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), range.contains(value) else {
            report(
                node,
                "\(path): ventet et tall fra \(Self.format(range.lowerBound)) til \(Self.format(range.upperBound)), fant «\(text)»"
            )
            return nil
        }
        return value
    }

    mutating func metres(_ node: Node, _ path: String) -> Double? {
        number(node, path, in: 0...100_000)
    }

    mutating func integer(_ node: Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = scalar(node, path) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            report(node, "\(path): ventet et helt tall fra \(range.lowerBound) til \(range.upperBound), fant «\(text)»")
            return nil
        }
        return value
    }

    mutating func time(_ node: Node, _ path: String) -> TimeOfDay? {
        guard let text = scalar(node, path) else { return nil }
        guard let value = try? TimeOfDay(text.replacingOccurrences(of: ".", with: ":")) else {
            report(node, "\(path): ventet et klokkeslett som \"01:00\", fant «\(text)»")
            return nil
        }
        return value
    }

    mutating func zone(_ node: Node, _ path: String) -> Zone? {
        guard let text = scalar(node, path) else { return nil }
        guard let value = Zone(code: text) else {
            report(node, "\(path): ukjent sone «\(text)»; bruk \(Zone.codes.joined(separator: ", "))")
            return nil
        }
        return value
    }

    mutating func text(_ node: Node, _ path: String) -> String? {
        guard let text = scalar(node, path)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            report(node, "\(path): ventet en tekst")
            return nil
        }
        return text
    }

    mutating func report(_ node: Node, _ message: String) {
        let mark = node.mark
        problems.append(
            Diagnostic(
                at: SourceLocation(file: fileName, line: mark?.line ?? 1, column: mark?.column ?? 1),
                message: message))
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
