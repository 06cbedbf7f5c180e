/// A key press: a key code plus modifiers. Ctrl letters arrive as `.char("k")` with `.ctrl`.
public struct Key: Hashable, Sendable, CustomStringConvertible {
    public enum Code: Hashable, Sendable {
        case char(Character)
        case enter, tab, backspace, delete, escape, insert
        case up, down, left, right, home, end, pageUp, pageDown
        case function(Int)
    }

    public struct Modifiers: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let shift = Modifiers(rawValue: 1)
        public static let ctrl = Modifiers(rawValue: 2)
        public static let alt = Modifiers(rawValue: 4)
    }

    public var code: Code
    public var modifiers: Modifiers

    public init(_ code: Code, _ modifiers: Modifiers = []) { self.code = code; self.modifiers = modifiers }

    public static func char(_ c: Character) -> Key { Key(.char(c)) }
    public static func ctrl(_ c: Character) -> Key { Key(.char(c), .ctrl) }
    public static let enter = Key(.enter), tab = Key(.tab), backTab = Key(.tab, .shift)
    public static let backspace = Key(.backspace), delete = Key(.delete), escape = Key(.escape)
    public static let up = Key(.up), down = Key(.down), left = Key(.left), right = Key(.right)
    public static let home = Key(.home), end = Key(.end), pageUp = Key(.pageUp), pageDown = Key(.pageDown)
    public static func f(_ n: Int) -> Key { Key(.function(n)) }

    /// The printable character this key types, if it types one (no Ctrl/Alt held).
    public var typedCharacter: Character? {
        if case .char(let c) = code, modifiers.isDisjoint(with: [.ctrl, .alt]) { return c }
        return nil
    }

    /// Spelled the way key hints and the keymap config write it: `ctrl-k`, `shift-f6`, `enter`.
    public var description: String {
        var parts: [String] = []
        if modifiers.contains(.ctrl) { parts.append("ctrl") }
        if modifiers.contains(.alt) { parts.append("alt") }
        if modifiers.contains(.shift) { parts.append("shift") }
        let name: String
        switch code {
        case .char(" "): name = "space"
        case .char(let c): name = String(c)
        case .enter: name = "enter"
        case .tab: name = "tab"
        case .backspace: name = "backspace"
        case .delete: name = "delete"
        case .escape: name = "esc"
        case .insert: name = "insert"
        case .up: name = "up"
        case .down: name = "down"
        case .left: name = "left"
        case .right: name = "right"
        case .home: name = "home"
        case .end: name = "end"
        case .pageUp: name = "pgup"
        case .pageDown: name = "pgdn"
        case .function(let n): name = "f\(n)"
        }
        parts.append(name)
        return parts.joined(separator: "-")
    }

    /// Parses the `description` form (case-insensitive modifiers): `ctrl-k`, `shift-up`, `f1`, `?`.
    public init?(spec: String) {
        var mods: Modifiers = []
        var rest = Substring(spec)
        while true {
            let lower = rest.lowercased()
            if lower.hasPrefix("ctrl-"), rest.count > 5 { mods.insert(.ctrl); rest = rest.dropFirst(5) }
            else if lower.hasPrefix("alt-"), rest.count > 4 { mods.insert(.alt); rest = rest.dropFirst(4) }
            else if lower.hasPrefix("shift-"), rest.count > 6 { mods.insert(.shift); rest = rest.dropFirst(6) }
            else { break }
        }
        let name = rest.lowercased()
        let named: [String: Code] = [
            "enter": .enter, "tab": .tab, "backspace": .backspace, "delete": .delete, "esc": .escape,
            "escape": .escape, "insert": .insert, "up": .up, "down": .down, "left": .left, "right": .right,
            "home": .home, "end": .end, "pgup": .pageUp, "pgdn": .pageDown, "space": .char(" "),
        ]
        if let code = named[name] { self.init(code, mods); return }
        if name.count >= 2, name.first == "f", let n = Int(name.dropFirst()), (1...24).contains(n) {
            self.init(.function(n), mods); return
        }
        guard rest.count == 1, let c = rest.first else { return nil }
        self.init(.char(mods.contains(.ctrl) ? Character(c.lowercased()) : c), mods)
    }
}
