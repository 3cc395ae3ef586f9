import Foundation

/// What a password must be (issue 15; NIST SP 800-63B's advice): at least 12 characters, at most
/// 72 bytes (bcrypt ignores the rest, so a longer one would be weaker than it looks), not a common
/// password, not the user name, and not one character repeated.
public enum PasswordRules {
    public static let minimumCharacters = 12
    public static let maximumBytes = 72

    /// Common passwords and the patterns people reach for here (lower-cased; a password is refused
    /// when it is one of these, with or without trailing digits and signs: "Sommer2026!").
    static let common: Set<String> = [
        "passord", "password", "qwerty", "qwertyuiop", "asdfghjkl", "123456789", "1234567890", "123456789012",
        "abcdefghijkl", "letmein", "welcome", "velkommen", "sommer", "vinter", "høst", "vår", "oslo", "norge",
        "skjenk", "bydel", "admin", "administrator", "saksbehandler", "hemmelig", "iloveyou", "dragon", "monkey",
        "football", "fotball", "sunshine", "princess", "trustno1", "passw0rd", "p@ssw0rd", "p@ssword", "changeme",
        "byttmeg", "mittpassord", "superman", "baseball", "master", "hello", "hallo", "secret",
    ]

    /// Why `password` cannot be used (bokmål), or nil when it can.
    public static func problem(_ password: String, userName: String) -> String? {
        if password.count < minimumCharacters { return "passordet skal ha minst \(minimumCharacters) tegn" }
        if password.utf8.count > maximumBytes {
            return "passordet kan ha høyst \(maximumBytes) byte (bcrypt bruker ikke resten)"
        }
        let lowered = password.lowercased()
        let stem = String(lowered.reversed().drop(while: { !$0.isLetter }).reversed())
        if common.contains(lowered) || common.contains(stem) || Set(lowered).count == 1 {
            return "passordet er for vanlig; velg et lengre og mindre forutsigbart"
        }
        if lowered.contains(userName.lowercased()) { return "passordet kan ikke inneholde brukernavnet" }
        return nil
    }
}
