import Foundation
import PlansmithTUI
import Store
import TerminalUI
import Testing

@MainActor
@Suite("Settings screen")
struct SettingsScreenTests {
    func open(_ app: TestApp, env: ScreenEnvironment? = nil) async -> ScreenDriver<SettingsScreen> {
        let env = env ?? app.env
        let (state, command) = SettingsScreen.start(env: env)
        let d = ScreenDriver(SettingsScreen.self, state: state, command: command, env: env)
        #expect(await d.settle(until: { $0.loaded }))
        return d
    }

    /// Moves the selection down (from the top) until `row` is selected, as a user would.
    func select(_ row: SettingsRow, in d: ScreenDriver<SettingsScreen>) throws {
        d.press(.home)
        for _ in 0..<200 where d.state.selectedRow != row { d.press(.down) }
        try #require(d.state.selectedRow == row)
    }

    /// Selects a field, replaces its text and confirms with Enter.
    func edit(_ field: SettingsField, to text: String, in d: ScreenDriver<SettingsScreen>) throws {
        try select(.field(field), in: d)
        d.press(.enter)
        #expect(SettingsScreen.isTyping(d.state))
        d.press(.ctrl("u"), .ctrl("k"))
        d.type(text)
        d.press(.enter)
    }

    func storedPreferences(_ app: TestApp) async throws -> String {
        try #require(try await app.store.accounts.user(id: app.session.userId)).preferences
    }

    func changes(_ d: ScreenDriver<SettingsScreen>) -> [Preferences] {
        d.requests.compactMap { if case .preferencesChanged(let p) = $0 { p } else { nil } }
    }

    @Test("an invalid weight is rejected with a clear message, and nothing is saved")
    func invalidWeight() async throws {
        let app = try await TestApp.make()
        let before = try await storedPreferences(app)
        let d = await open(app)
        try edit(.weight("safety"), to: "-1", in: d)
        #expect(d.state.problems[.weight("safety")] == "weight must be 0 or more")
        #expect(d.screenText().contains("✗ weight must be 0 or more"))
        d.press(.char("s"))
        await d.settle()
        #expect(d.screenText().contains("weight must be 0 or more"))
        #expect(d.state.notice?.hasPrefix("Not saved") == true)
        #expect(try await storedPreferences(app) == before)
        #expect(changes(d).isEmpty)
    }

    @Test("threshold outside 0…1 and max iterations outside 1…50 are rejected; nothing saved")
    func invalidRanges() async throws {
        let app = try await TestApp.make()
        let before = try await storedPreferences(app)
        let d = await open(app)
        try edit(.threshold, to: "1.5", in: d)
        try edit(.maxIterations, to: "51", in: d)
        try edit(.weight("efficiency"), to: "lots", in: d)
        d.press(.char("s"))
        await d.settle()
        #expect(d.state.problems[.threshold] == "threshold must be from 0 to 1")
        #expect(d.state.problems[.maxIterations] == "max iterations must be from 1 to 50")
        #expect(d.state.problems[.weight("efficiency")] == "weight must be a number (e.g. 0.3)")
        #expect(d.state.notice == "Not saved: 3 fields have problems (marked ✗).")
        #expect(try await storedPreferences(app) == before)
        #expect(changes(d).isEmpty)
    }

    @Test("a valid change is saved as JSON, reported to the shell, and read back by a new screen")
    func validChangeRoundTrip() async throws {
        let app = try await TestApp.make()
        let d = await open(app)
        try edit(.weight("safety"), to: "0.6", in: d)
        try edit(.maxIterations, to: "7", in: d)
        try select(.reduceMotion, in: d)
        d.press(.char(" "))
        #expect(d.state.hasUnsavedChanges)
        d.press(.char("s"))
        #expect(await d.settle(until: { !$0.saving && $0.notice == "Saved." }))
        let sent = try #require(changes(d).first)
        #expect(sent.critique.weights["safety"] == 0.6 && sent.critique.maxIterations == 7 && sent.reduceMotion)
        let stored = PreferencesCodec.decode(try await storedPreferences(app))
        #expect(stored == sent)

        // A new screen (the session still carries the old preferences) reads the stored ones.
        let again = await open(app)
        #expect(again.state.saved == sent)
        #expect(again.state.draft.text(of: .weight("safety")) == "0.6")
        #expect(again.state.draft.text(of: .maxIterations) == "7")
        #expect(again.screenText(width: 100, height: 60).contains("[x] on (no spinners)"))
    }

    @Test("a theme is previewed in its own colours before it is applied; saving applies it")
    func themePreview() async throws {
        let app = try await TestApp.make()
        let dir = (app.context.configPath as NSString).deletingLastPathComponent + "/themes"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "name = \"ocean\"\n[roles]\nok = \"fg:33 bold\"\nerror = \"fg:208\"\n".write(toFile: dir + "/ocean.toml", atomically: true, encoding: .utf8)
        let d = await open(app)
        #expect(d.state.catalog.names.contains("ocean"))
        try select(.theme, in: d)
        while d.state.draft.themeName != "ocean" { d.press(.right) }
        let buffer = d.render(width: 120, height: 40)
        let text = buffer.lines().joined(separator: "\n")
        #expect(text.contains("Preview: ocean"))
        #expect(text.contains("previewing; s applies"))
        // The preview's "✓ valid" is drawn in the previewed theme's `ok` style (colour 33).
        let row = try #require(buffer.lines().firstIndex { $0.contains("✓ valid") })
        let col = try #require(Array(buffer.lines()[row]).firstIndex(of: "✓"))
        #expect(buffer[col, row].style.fg == .indexed(33))
        #expect(changes(d).isEmpty, "previewing must not apply the theme")
        d.press(.char("s"))
        #expect(await d.settle(until: { $0.notice == "Saved." }))
        #expect(changes(d).map(\.themeName) == ["ocean"])
        #expect(PreferencesCodec.decode(try await storedPreferences(app)).themeName == "ocean")
    }

    @Test("provider keys appear only redacted, with the variable that provides them")
    func keysRedacted() async throws {
        let fake = "sk-ant-test-SECRETVALUE-1234567890-wxyz"
        let app = try await TestApp.make(environment: ["ANTHROPIC_API_KEY": fake])
        let d = await open(app)
        let text = d.screenText(width: 140, height: 60)
        #expect(!text.contains(fake))
        #expect(!text.contains("SECRETVALUE"))
        #expect(text.contains("key sk-…wxyz from $ANTHROPIC_API_KEY"))
        #expect(text.contains("no key: set $OPENAI_API_KEY"))
        #expect(text.contains(app.context.configPath))
        for (w, h) in [(20, 3), (40, 12), (80, 24), (200, 80)] {
            #expect(!d.screenText(width: w, height: h).contains("SECRETVALUE"))
        }
        #expect(!String(describing: d.state).contains("SECRETVALUE"))
    }

    @Test("a keymap action can be remapped; a bad key spec is refused with the keymap's message")
    func remapAction() async throws {
        let app = try await TestApp.make()
        let d = await open(app)
        try select(.action(id: "global.palette", summary: "command palette"), in: d)
        d.press(.enter, .ctrl("u"), .ctrl("k"))
        d.type("ctrl-")
        d.press(.enter)
        #expect(d.state.problems[.binding("global.palette")]?.contains("is not a key") == true)
        d.press(.char("s"))
        await d.settle()
        #expect(changes(d).isEmpty)
        d.press(.enter, .ctrl("u"), .ctrl("k"))
        d.type("ctrl-o")
        d.press(.enter, .char("s"))
        #expect(await d.settle(until: { $0.notice == "Saved." }))
        #expect(changes(d).first?.keyOverrides == ["global.palette": "ctrl-o"])
    }

    @Test("Esc with unsaved changes asks first; d discards and goes back")
    func escAsksFirst() async throws {
        let app = try await TestApp.make()
        let d = await open(app)
        #expect(d.send(.key(.escape)) == false, "nothing changed: Esc is the shell's")
        try select(.mouse, in: d)
        d.press(.enter)
        d.press(.escape)
        #expect(d.state.leavePrompt)
        #expect(d.screenText().contains("Unsaved settings"))
        d.press(.char("d"))
        #expect(d.requests.contains { if case .back = $0 { true } else { false } })
        #expect(!d.state.hasUnsavedChanges)
        for (w, h) in [(20, 3), (20, 5), (40, 12), (79, 23)] { _ = d.screenText(width: w, height: h) }
    }

    @Test("stored preferences are what the screen shows, including weights for extra critics")
    func showsStoredPreferences() async throws {
        let app = try await TestApp.make()
        var stored = Preferences(themeName: "light")
        stored.critique.weights["llm-judge"] = 0.2
        try await app.store.accounts.setPreferences(userId: app.session.userId, json: PreferencesCodec.encode(stored))
        let d = await open(app)
        #expect(d.state.saved == stored && !d.state.hasUnsavedChanges)
        #expect(d.state.rows.contains(.field(.weight("llm-judge"))))
        let text = d.screenText(width: 100, height: 60)
        #expect(text.contains("weight: llm-judge"))
        #expect(text.contains("◀ light ▶"))
    }

    @Test("PreferencesCodec: bad JSON gives defaults, out-of-range values fall back, encode/decode round-trips")
    func codec() {
        #expect(PreferencesCodec.decode("not json") == Preferences())
        #expect(PreferencesCodec.decode("") == Preferences())
        #expect(PreferencesCodec.decode("{}") == Preferences())
        let odd = PreferencesCodec.decode(#"{"themeName":"light","critique":{"weights":{"safety":-2},"threshold":3,"maxIterations":0,"epsilon":0.001,"proposerRounds":3,"replanMilliseconds":500}}"#)
        #expect(odd.themeName == "light")
        #expect(odd.critique.weights == Preferences().critique.weights)
        #expect(odd.critique.threshold == 0.5 && odd.critique.maxIterations == 5)
        var p = Preferences(themeName: "high-contrast", reduceMotion: true, mouse: false, keyOverrides: ["global.help": "f2"])
        p.critique.weights["safety"] = 0.7
        #expect(PreferencesCodec.decode(PreferencesCodec.encode(p)) == p)
    }
}
