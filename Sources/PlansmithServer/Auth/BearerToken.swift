import Crypto
import Foundation
import Hummingbird

/// The credential a request presents in `Authorization: Bearer …`: an API key (`psk_…`) or a
/// login session token (`pss_…`). Parsed once by whoever needs it (rate limiter, auth).
enum BearerToken: Sendable, Equatable {
    case apiKey(String)
    case session(String)
    /// Something that is neither: authentication will refuse it.
    case malformed

    init?(_ request: Request) {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { self = .malformed; return }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        if token.hasPrefix("psk_") { self = .apiKey(token) }
        else if token.hasPrefix("pss_") { self = .session(token) }
        else { self = .malformed }
    }

    /// The SHA-256 of a token in hex: how limiter buckets and session tables name a credential
    /// without keeping the secret itself.
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
