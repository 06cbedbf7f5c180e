import Foundation

/// A provider secret that never prints itself: `description`, `debugDescription`, `dump` and
/// string interpolation all show the redacted form (`sk-…abcd`). Only `reveal()` gives the key,
/// and only the adapters call it, to build the request headers.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    private let secret: String

    public init(_ secret: String) { self.secret = secret }

    public func reveal() -> String { secret }

    public var isEmpty: Bool { secret.isEmpty }

    /// First three and last four characters; shorter keys show nothing of themselves.
    public var redacted: String { Redacted.show(secret) }

    public var description: String { redacted }
    public var debugDescription: String { "APIKey(\(redacted))" }
    public var customMirror: Mirror { Mirror(self, children: ["redacted": redacted]) }

    /// `text` with every occurrence of the key (and of its longer fragments) replaced by the
    /// redacted form: providers echo bad keys back in their error messages.
    public func scrub(_ text: String) -> String { Redacted.scrub(text, secret: secret) }
}

public enum Redacted {
    public static func show(_ secret: String) -> String {
        guard secret.count >= 12 else { return secret.isEmpty ? "(none)" : "…" }
        return "\(secret.prefix(3))…\(secret.suffix(4))"
    }

    public static func scrub(_ text: String, secret: String) -> String {
        guard secret.count >= 8 else { return text }
        var result = text.replacingOccurrences(of: secret, with: show(secret))
        // Providers often echo a key with its middle masked ("sk-abc***wxyz") or cut short:
        // also remove any run of 8+ characters of the key that survives.
        let characters = Array(secret)
        let window = 8
        var index = 0
        while index + window <= characters.count {
            let fragment = String(characters[index..<(index + window)])
            if result.contains(fragment) { result = result.replacingOccurrences(of: fragment, with: "…") }
            index += 1
        }
        return result
    }
}
