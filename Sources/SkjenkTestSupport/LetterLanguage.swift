import Foundation

/// Checks a statement (Markdown) against the district's rules for plain, formal bokmål in a public
/// letter (DOMAIN.md, "What a district director signs"): no sentence starting with a digit, no
/// internal words or abbreviations, no login or account name, § 1-7a quoted with "kan", § 10-2 where
/// twelve points are mentioned, and no line printed twice in one section.
public enum LetterLanguage {
    /// Words that belong to the tool, not the letter.
    public static let internalWords = [
        "register", "prikkliste", "klagelogg", "policy", "yaml", "standardsone", "sqlite", "database", "skjenk-",
        "{{", "}}", "&amp;", "&quot;", "&#39;",
    ]

    /// Abbreviations a formal letter writes out.
    static let abbreviations = [" t ", " min.", " min ", " ca. ", " bl.a. ", " evt. "]

    /// Words before a full stop that do not end a sentence.
    static let stops: Set<String> = ["kl", "nr", "org.nr", "ca", "jf", "st", "pkt", "tlf", "§"]

    /// Every problem in `markdown`, each a short line naming what is wrong and where.
    public static func problems(in markdown: String, accounts: [String] = ["root", "testbruker"]) -> [String] {
        var problems: [String] = []
        var section = ""
        var seen: Set<String> = []
        for raw in markdown.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("## ") {
                section = line
                seen = []
                continue
            }
            guard !line.isEmpty, !line.hasPrefix("|"), !line.hasPrefix("#"), !line.hasPrefix("<") else { continue }
            if seen.contains(line) { problems.append("printed twice in «\(section)»: \(line)") }
            seen.insert(line)
            var text = line
            // A list item may list data ("- 08.00–20.00, lørdag"); running text may not start with a digit.
            let listItem = text.hasPrefix("- ") || text.range(of: #"^\d+\. "#, options: .regularExpression) != nil
            if text.hasPrefix("- ") { text.removeFirst(2) }
            if let marker = text.range(of: #"^\d+\. "#, options: .regularExpression) { text.removeSubrange(marker) }
            text = text.replacingOccurrences(of: "*", with: "")
            if !listItem, let first = text.first, first.isNumber {
                problems.append("a sentence starts with a digit: \(line)")
            }
            problems += sentenceStarts(text).map { "a sentence starts with a digit: \($0)" }
            let lower = " " + text.lowercased() + " "
            for word in internalWords where lower.contains(word) {
                problems.append("internal word «\(word)»: \(line)")
            }
            for abbreviation in abbreviations where lower.contains(abbreviation) {
                problems.append("abbreviation «\(abbreviation.trimmingCharacters(in: .whitespaces))»: \(line)")
            }
            for account in accounts where lower.contains(" \(account) ") || lower.contains(": \(account)") {
                problems.append("an account name «\(account)»: \(line)")
            }
            if text.contains("§ 1-7a"), text.contains("legges vekt"), !text.contains("kan det blant annet legges vekt") {
                problems.append("§ 1-7a without «kan»: \(line)")
            }
            if lower.contains("tolv prikker") || lower.contains("12 prikker"), !text.contains("§ 10-2") {
                problems.append("twelve points without § 10-2: \(line)")
            }
        }
        return problems
    }

    /// The sentences in `text` that follow a full stop and start with a digit ("… prikker. 12 …"),
    /// not counting "kl. 01.00", "org.nr. 974 …" and dates like "17. mai".
    static func sentenceStarts(_ text: String) -> [String] {
        var found: [String] = []
        var search = text.startIndex..<text.endIndex
        while let stop = text.range(of: ". ", range: search) {
            let word = (text[..<stop.lowerBound].split(separator: " ").last.map { $0.lowercased() } ?? "")
                .trimmingCharacters(in: CharacterSet(charactersIn: "(«\"'"))
            let rest = text[stop.upperBound...]
            if let next = rest.first, next.isNumber, !stops.contains(word), !word.allSatisfy(\.isNumber) {
                found.append(String(rest.prefix(40)))
            }
            search = stop.upperBound..<text.endIndex
        }
        return found
    }
}
