import Crypto
import Foundation

/// A freshly generated API key: `psk_` + 32 random bytes in base64url (43 characters).
/// Only `hash` and `prefix` are ever stored.
struct APIKeySecret: Sendable {
    let plaintext: String

    static func generate() -> APIKeySecret {
        var generator = SystemRandomNumberGenerator()  // getrandom(2): the OS CSPRNG
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let body = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return APIKeySecret(plaintext: "psk_" + body)
    }

    /// The first 8 characters ("psk_" + 4): shown in lists, used to find candidate rows.
    static func prefix(of key: String) -> String { String(key.prefix(8)) }

    /// Lower-case hex SHA-256 of the whole key.
    static func hash(of key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
