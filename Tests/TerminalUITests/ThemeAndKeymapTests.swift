import Foundation
import Testing
@testable import TerminalUI

let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path

@Suite("Themes")
struct ThemeTests {
    @Test("every shipped theme loads and defines every role", arguments: ThemeLoader.builtInNames)
    func shippedThemes(_ name: String) throws {
        let theme = try ThemeLoader.load(named: name, from: [themesDirectory])
        #expect(theme.name == name)
        let missing = Theme.Role.allCases.filter { theme.styles[$0] == nil }
        #expect(missing.isEmpty, "missing roles: \(missing)")
    }

    @Test("the monochrome theme uses no colour, and selection is visible without it")
    func monochrome() throws {
        let theme = try ThemeLoader.load(named: "monochrome", from: [themesDirectory])
        #expect(theme.styles.values.allSatisfy { $0.fg == .default && $0.bg == .default })
        #expect(theme[.selection].reverse)
    }

    @Test("style specs parse colours by number and name")
    func styleSpecs() {
        #expect(ThemeFile.style(fromSpec: "fg:75 bg:brightblack bold") == Style(fg: .indexed(75), bg: .indexed(8), bold: true))
        #expect(ThemeFile.style(fromSpec: "fg:300") == nil)
        #expect(ThemeFile.style(fromSpec: "blink") == nil)
    }

    @Test("malformed theme files report the line")
    func badFile() {
        #expect(throws: ThemeFile.ParseError(line: 2, message: "value of 'text' must be a quoted string")) {
            try ThemeFile.parseTOML("[roles]\ntext = default\n")
        }
        #expect(throws: ThemeFile.ParseError.self) { try ThemeFile.theme(fromTOML: "[roles]\nsparkle = \"bold\"\n") }
    }

    @Test("comments and # inside quotes are handled")
    func comments() throws {
        let t = try ThemeFile.parseTOML("name = \"a#b\" # comment\n# whole line\n[x]\nk = \"v\"")
        #expect(t[""]?["name"] == "a#b")
        #expect(t["x"]?["k"] == "v")
    }

    @Test("NO_COLOR picks the monochrome theme by default")
    func noColorDefault() {
        #expect(ThemeLoader.defaultName(environment: ["NO_COLOR": "1"]) == "monochrome")
        #expect(ThemeLoader.defaultName(environment: ["NO_COLOR": ""]) == "dark")
        #expect(ThemeLoader.defaultName(environment: [:]) == "dark")
    }

    @Test("a missing theme names where it looked")
    func missing() {
        #expect(throws: ThemeLoader.LoadError.self) { try ThemeLoader.load(named: "nope", from: [themesDirectory]) }
        #expect(ThemeLoader.available(in: [themesDirectory]).contains("high-contrast"))
    }
}

@Suite("Keymap")
struct KeymapTests {
    @Test("readline defaults: ctrl-k kills to end, ctrl-y yanks, context beats global")
    func defaults() {
        let map = Keymap.standard
        #expect(map.action(for: .ctrl("k"), in: "text") == "text.killToEnd")
        #expect(map.action(for: .ctrl("y"), in: "text") == "text.yank")
        #expect(map.action(for: .ctrl("y"), in: "editor") == "editor.redo")
        #expect(map.action(for: .f(1), in: "text") == "global.help")
    }

    @Test("ctrl-a and ctrl-b are never bound (screen and tmux prefixes)")
    func reservedKeys() {
        #expect(!Keymap.standard.bindings.contains { $0.key == .ctrl("a") || $0.key == .ctrl("b") })
    }

    @Test("remapping replaces an action's keys and takes the key from its old action")
    func remap() throws {
        var map = Keymap.standard
        try map.remap(["text.killToEnd": "f9, ctrl-y"])
        #expect(map.action(for: .f(9), in: "text") == "text.killToEnd")
        #expect(map.action(for: .ctrl("y"), in: "text") == "text.killToEnd")
        #expect(map.action(for: .ctrl("k"), in: "text") == nil)
        #expect(map.keys(for: "text.yank").isEmpty)
    }

    @Test("a bad remap changes nothing and names the problem")
    func badRemap() {
        var map = Keymap.standard
        #expect(throws: Keymap.RemapError.badKey(action: "text.yank", spec: "hyper-q")) {
            try map.remap(["text.yank": "hyper-q"])
        }
        #expect(throws: Keymap.RemapError.unknownAction("text.fly")) { try map.remap(["text.fly": "f2"]) }
        #expect(map == Keymap.standard)
    }

    @Test("the listing groups every binding by context")
    func listing() {
        let listing = Keymap.standard.listing()
        #expect(listing.map(\.context).prefix(3) == ["global", "pane", "list"])
        #expect(listing.reduce(0) { $0 + $1.bindings.count } == Keymap.standard.bindings.count)
    }
}
