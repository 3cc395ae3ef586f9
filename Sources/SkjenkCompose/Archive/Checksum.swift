import Crypto
import Foundation

/// SHA-256 digests as hex, by swift-crypto: the archive message's checksum of each document, and the
/// hashes of session tokens and API keys.
public enum Checksum {
    /// The SHA-256 digest of `data` as 64 lower-case hex digits.
    public static func sha256Hex(_ data: Data) -> String {
        Crypto.SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
