import Foundation

/// Copy to the system clipboard through the terminal (OSC 52), which also works over SSH when
/// the terminal allows it; the editor's own register is the fallback that always works.
public enum Clipboard {
    /// Larger payloads are refused by many terminals; callers keep the register copy regardless.
    public static let maximumBytes = 100_000

    /// The escape sequence that asks the terminal to put `text` on the clipboard, or nil if too big.
    public static func osc52Sequence(for text: String) -> String? {
        let data = Data(text.utf8)
        guard data.count <= maximumBytes else { return nil }
        return "\u{1b}]52;c;\(data.base64EncodedString())\u{7}"
    }
}

/// A backend that can put text on the clipboard.
@MainActor
public protocol ClipboardBackend: AnyObject {
    @discardableResult func copyToClipboard(_ text: String) -> Bool
}

extension NcursesBackend: ClipboardBackend {
    /// Sends `text` to the terminal clipboard; false when it was too large to send.
    @discardableResult
    public func copyToClipboard(_ text: String) -> Bool {
        guard let sequence = Clipboard.osc52Sequence(for: text) else { return false }
        writeRaw(sequence)
        return true
    }
}
