/// A named action a key can trigger, e.g. `text.killToEnd`; the context is the part before the dot.
public struct KeyAction: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let id: String
    public init(_ id: String) { self.id = id }
    public init(stringLiteral value: String) { id = value }
    public var context: String { id.split(separator: ".").first.map(String.init) ?? id }
    public var description: String { id }
}

/// One row of the keymap: which key does what, with the words shown in hints and the help overlay.
public struct KeyBinding: Hashable, Sendable {
    public var key: Key
    public var action: KeyAction
    public var summary: String
    public init(_ key: Key, _ action: KeyAction, _ summary: String) {
        self.key = key; self.action = action; self.summary = summary
    }
}
