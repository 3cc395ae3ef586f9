import Foundation

/// The argument parser's usage errors, in Norwegian: users read bokmål, and the parser writes English.
enum UsageMessages {
    /// Phrases of swift-argument-parser's messages and their Norwegian wording, in order.
    private static let replacements: [(pattern: String, template: String)] = [
        (#"^Error: "#, "Feil: "),
        (
            #"The value '([^']*)' is invalid for '([^']*)'\. Please provide one of the following:"#,
            "«$1» er ikke en gyldig verdi for $2. Gyldige verdier:"
        ),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "«$1» er ikke en gyldig verdi for $2"),
        (#"Missing expected argument '([^']*)'"#, "$1 mangler"),
        (#"Missing value for '([^']*)'"#, "$1 mangler en verdi"),
        (#"Unknown option '([^']*)'"#, "ukjent valg $1"),
        (#"Unexpected argument '([^']*)'"#, "uventet argument «$1»"),
        (#"(?m)^Help: "#, "Hjelp: "),
        (#"(?m)^Usage: "#, "Bruk: "),
        (#"See '([^']*)' for more information\."#, "Se «$1» for mer."),
    ]

    static func norwegian(_ message: String) -> String {
        var text = message
        for (pattern, template) in replacements {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            text = regex.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        return text
    }
}
