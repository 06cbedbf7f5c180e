import Testing
@testable import TerminalUI

@Suite("Keys")
struct KeyTests {
    @Test("key specs parse and print the same way", arguments: ["ctrl-k", "shift-f6", "enter", "?", "alt-x", "ctrl-shift-up", "f12", "space"])
    func roundTrip(_ spec: String) {
        let key = Key(spec: spec)
        #expect(key != nil)
        #expect(key?.description == spec)
    }

    @Test("nonsense specs are rejected", arguments: ["ctrl-", "f99", "hyper-k", "ab"])
    func rejects(_ spec: String) {
        #expect(Key(spec: spec) == nil)
    }

    @Test("raw-mode control bytes decode to ctrl keys; CR is enter and LF is ctrl-j")
    func controlBytes() {
        #expect(NcursesKeyDecoder.key(forCharacter: 11) == .ctrl("k"))
        #expect(NcursesKeyDecoder.key(forCharacter: 13) == .enter)
        #expect(NcursesKeyDecoder.key(forCharacter: 10) == .ctrl("j"))
        #expect(NcursesKeyDecoder.key(forCharacter: 127) == .backspace)
        #expect(NcursesKeyDecoder.key(forCharacter: 31) == .ctrl("_"))
        #expect(NcursesKeyDecoder.key(forCharacter: 0x6F22) == .char("漢"))
    }

    @Test("only unmodified characters type text")
    func typedCharacter() {
        #expect(Key.char("x").typedCharacter == "x")
        #expect(Key.ctrl("x").typedCharacter == nil)
        #expect(Key.enter.typedCharacter == nil)
    }
}

@Suite("Colour tiers")
struct ColorTierTests {
    @Test("NO_COLOR wins over everything, PLANSMITH_COLOR overrides detection")
    func detection() {
        #expect(ColorTier.detect(environment: ["NO_COLOR": "1", "PLANSMITH_COLOR": "256"], terminalColors: 256) == .monochrome)
        #expect(ColorTier.detect(environment: ["NO_COLOR": ""], terminalColors: 256) == .palette256)
        #expect(ColorTier.detect(environment: ["PLANSMITH_COLOR": "16"], terminalColors: 256) == .sixteen)
        #expect(ColorTier.detect(environment: [:], terminalColors: 8) == .eight)
        #expect(ColorTier.detect(environment: [:], terminalColors: 0) == .monochrome)
    }

    @Test("256-colour entries fall back to the nearest basic colour, and monochrome drops colour")
    func fallback() {
        #expect(ColorTier.palette256.map(.indexed(196)) == 196)
        #expect(ColorTier.sixteen.map(.indexed(196)) == 9)      // bright red cube entry → bright red
        #expect(ColorTier.sixteen.map(.indexed(21)) == 4)       // pure blue → xterm blue (0,0,238)
        #expect(ColorTier.eight.map(.indexed(9)) == 1)
        #expect(ColorTier.sixteen.map(.indexed(232)) == 0)      // darkest grey → black
        #expect(ColorTier.monochrome.map(.indexed(4)) == nil)
        #expect(ColorTier.palette256.map(.default) == nil)
    }
}

@Suite("Clipboard")
struct ClipboardTests {
    @Test("OSC 52 carries the text base64-encoded, and oversized text is refused")
    func osc52() {
        #expect(Clipboard.osc52Sequence(for: "héllo") == "\u{1b}]52;c;aMOpbGxv\u{7}")
        #expect(Clipboard.osc52Sequence(for: String(repeating: "x", count: Clipboard.maximumBytes + 1)) == nil)
    }
}

import CNcursesw

@Suite("ncurses key codes")
struct NcursesKeyCodeTests {
    @Test("function-key codes map to keys, shifted F-keys included")
    func keyCodes() {
        let d = NcursesKeyDecoder()
        #expect(d.key(forKeyCode: KEY_UP) == .up)
        #expect(d.key(forKeyCode: KEY_BTAB) == .backTab)
        #expect(d.key(forKeyCode: KEY_F0 + 5) == .f(5))
        #expect(d.key(forKeyCode: KEY_F0 + 18) == Key(.function(6), .shift))
        #expect(d.key(forKeyCode: KEY_SLEFT) == Key(.left, .shift))
        #expect(d.key(forKeyCode: KEY_DC) == .delete)
    }

    @Test("xterm modified-arrow sequences cover shift and ctrl for every arrow")
    func modifiedSequences() {
        let seqs = Dictionary(uniqueKeysWithValues: NcursesKeyDecoder.modifiedSequences)
        #expect(seqs["\u{1b}[1;2A"] == Key(.up, .shift))
        #expect(seqs["\u{1b}[1;5D"] == Key(.left, .ctrl))
        #expect(seqs["\u{1b}[1;6C"] == Key(.right, [.ctrl, .shift]))
    }
}
