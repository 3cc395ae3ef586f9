import Foundation
import SkjenkCompose

/// Random tokens for sessions and forms, and the hash a session token is stored under.
public enum Tokens {
    /// 32 random bytes as hex, from the system's secure generator.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }

    /// What the store keeps for a session token.
    public static func hash(_ token: String) -> String { Checksum.sha256Hex(Data(token.utf8)) }

    /// Compares secrets in time independent of where they differ.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
