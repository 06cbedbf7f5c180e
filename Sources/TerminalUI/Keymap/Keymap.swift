/// Key → action table with readline-style defaults, remappable from a config dictionary. One table
/// feeds key handling, footer hints and the help overlay, so they can never disagree.
public struct Keymap: Equatable, Sendable {
    public enum RemapError: Error, Equatable, Sendable, CustomStringConvertible {
        case unknownAction(String)
        case badKey(action: String, spec: String)
        public var description: String {
            switch self {
            case .unknownAction(let a): return "keymap: unknown action '\(a)'"
            case .badKey(let a, let s): return "keymap: '\(s)' for '\(a)' is not a key (examples: ctrl-k, shift-f6, enter, ?)"
            }
        }
    }

    public private(set) var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The action bound to `key` in `context`; context bindings win over `global` ones.
    public func action(for key: Key, in context: String) -> KeyAction? {
        if let b = bindings.first(where: { $0.key == key && $0.action.context == context }) { return b.action }
        return bindings.first(where: { $0.key == key && $0.action.context == "global" })?.action
    }

    /// Every key bound to `action` (for hints such as "ctrl-k kill to end").
    public func keys(for action: KeyAction) -> [Key] { bindings.filter { $0.action == action }.map(\.key) }

    /// Replaces the keys of each named action: `["text.killToEnd": "ctrl-k, f9"]`. Validates everything
    /// before changing anything, so a bad config leaves the keymap as it was.
    public mutating func remap(_ config: [String: String]) throws(RemapError) {
        var next = bindings
        for (actionID, specs) in config.sorted(by: { $0.key < $1.key }) {
            guard let summary = bindings.first(where: { $0.action.id == actionID })?.summary else {
                throw .unknownAction(actionID)
            }
            var keys: [Key] = []
            for spec in specs.split(separator: ",") {
                let trimmed = spec.trimmingCharacters()
                guard let key = Key(spec: trimmed) else { throw .badKey(action: actionID, spec: trimmed) }
                keys.append(key)
            }
            let context = KeyAction(actionID).context
            // A key moved onto this action leaves whatever it did before in the same context.
            next.removeAll { $0.action.id == actionID || (keys.contains($0.key) && $0.action.context == context) }
            next.append(contentsOf: keys.map { KeyBinding($0, KeyAction(actionID), summary) })
        }
        bindings = next
    }

    /// Every binding grouped by context in a stable order, for the help overlay.
    public func listing() -> [(context: String, bindings: [KeyBinding])] {
        var order: [String] = []
        var groups: [String: [KeyBinding]] = [:]
        for b in bindings {
            if groups[b.action.context] == nil { order.append(b.action.context) }
            groups[b.action.context, default: []].append(b)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
