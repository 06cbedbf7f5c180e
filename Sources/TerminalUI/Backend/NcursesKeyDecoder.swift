import CNcursesw

/// Turns what `get_wch` returns into `Key`s. Kept apart from the backend so the mapping is testable
/// without a terminal.
struct NcursesKeyDecoder {
    /// Codes ncurses reports for extended sequences (shift/ctrl arrows…), filled in at start-up.
    var extended: [Int32: Key] = [:]

    /// A plain character code (get_wch returned OK). Raw mode delivers control characters as-is.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 127, 8: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// A function-key code (get_wch returned KEY_CODE_YES).
    func key(forKeyCode code: Int32) -> Key? {
        if let k = extended[code] { return k }
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return Key(.insert)
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_SLEFT: return Key(.left, .shift)
        case KEY_SRIGHT: return Key(.right, .shift)
        case KEY_SHOME: return Key(.home, .shift)
        case KEY_SEND: return Key(.end, .shift)
        case KEY_SR: return Key(.up, .shift)
        case KEY_SF: return Key(.down, .shift)
        case KEY_F0 + 1 ... KEY_F0 + 12: return .f(Int(code - KEY_F0))
        case KEY_F0 + 13 ... KEY_F0 + 24: return Key(.function(Int(code - KEY_F0 - 12)), .shift)
        default: return nil
        }
    }

    /// xterm-style modified cursor sequences that terminfo may not name.
    static let modifiedSequences: [(String, Key)] = {
        var list: [(String, Key)] = []
        let finals: [(Character, Key.Code)] = [("A", .up), ("B", .down), ("C", .right), ("D", .left), ("H", .home), ("F", .end)]
        let mods: [(Int, Key.Modifiers)] = [(2, .shift), (5, .ctrl), (6, [.ctrl, .shift]), (3, .alt)]
        for (final, code) in finals { for (n, m) in mods { list.append(("\u{1b}[1;\(n)\(final)", Key(code, m))) } }
        return list
    }()
}
