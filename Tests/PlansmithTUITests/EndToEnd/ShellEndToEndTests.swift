import Foundation
import PlansmithTestSupport
import Testing

/// The app shell in a real terminal: first run, register, palette, help, resizing down to 20×5,
/// and the terminal restored on quit and on Ctrl-C.
@Suite("plansmith TUI in tmux: shell", .serialized)
struct ShellEndToEndTests {
    @Test("first run: register in one form, land on the dashboard, reach settings from the palette, quit with ctrl-q")
    func firstRunRegisterAndPalette() throws {
        guard RunningApp.requireAvailable() else { return }
        let app = try RunningApp()
        defer { app.shutDown() }
        try app.launch()
        try app.expect("Plansmith › Landing", "not signed in")
        try app.register()
        try app.expect("blocksworld", "No planning sessions yet")

        try app.keys("C-p")
        try app.expect("Command palette")
        try app.type("help")
        try app.keys("Enter")
        try app.expect("global")   // the help overlay lists the global keys
        try app.keys("Escape")
        try app.keys("C-q")
        let screen = try app.expect("EXIT=0")
        #expect(!screen.contains("Dashboard"), "the alternate screen was left")
        #expect(try !app.tmux.alternateScreenOn())
        #expect(FileManager.default.fileExists(atPath: app.databasePath))
    }

    @Test("a wrong password is refused in words and the form keeps the email")
    func wrongPassword() throws {
        guard RunningApp.requireAvailable() else { return }
        let app = try RunningApp()
        defer { app.shutDown() }
        try app.launch()
        try app.register()
        try app.keys("C-p"); try app.type("sign out"); try app.keys("Enter")
        try app.expect("Plansmith › Landing")
        try app.keys("l")
        try app.type("ada@example.com"); try app.keys("Tab"); try app.type("wrong password"); try app.keys("Enter")
        let screen = try app.expect("Wrong email or password.")
        #expect(screen.contains("ada@example.com"))
    }

    @Test("resizing to 80×24 keeps the layout, 20×5 shows a clear too-small note, growing back redraws")
    func resizing() throws {
        guard RunningApp.requireAvailable() else { return }
        let app = try RunningApp()
        defer { app.shutDown() }
        try app.launch(width: 120, height: 40)
        try app.register()
        try app.tmux.resize(width: 80, height: 24)
        var screen = try app.expect("Plansmith › Dashboard", "Templates")
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try app.tmux.resize(width: 20, height: 5)
        screen = try app.expect("Terminal too small:", "20x5, need 40x12")
        #expect(!screen.contains("Templates"), "no half-drawn screen under the note:\n\(screen)")
        try app.tmux.resize(width: 100, height: 30)
        try app.expect("Plansmith › Dashboard", "Templates")
    }

    @Test("ctrl-z gives the terminal back to the shell; after fg the app repaints where it was")
    func suspendAndResume() throws {
        guard RunningApp.requireAvailable() else { return }
        let app = try RunningApp()
        defer { app.shutDown() }
        try app.launchInInteractiveShell()
        try app.register()
        try app.keys("C-z")
        try app.expect("Stopped")
        #expect(try !app.tmux.alternateScreenOn(), "the terminal was handed back")
        try app.type("fg")
        try app.keys("Enter")
        try app.expect("Plansmith › Dashboard", "Templates")
        #expect(try app.tmux.alternateScreenOn())
    }

    @Test("ctrl-c with unsaved work asks first, naming it; a second ctrl-c quits and restores the terminal")
    func ctrlCWithUnsavedWork() throws {
        guard RunningApp.requireAvailable() else { return }
        let app = try RunningApp()
        defer { app.shutDown() }
        try app.launch(width: 120, height: 36)
        try app.register()
        try app.keys("Enter")
        try app.expect("Plansmith › Domain", "✓ valid")
        try app.keys("Enter")
        try app.type(";; a note")
        try app.expect("[modified]")
        try app.keys("C-c")
        let prompt = try app.expect("Quit Plansmith?")
        #expect(prompt.contains("unsaved changes in blocksworld"))
        try app.keys("C-c")
        try app.expect("EXIT=0")
        #expect(try !app.tmux.alternateScreenOn())
    }

    @Test("ctrl-c on an idle screen quits and restores the terminal")
    func ctrlCRestores() throws {
        guard RunningApp.requireAvailable() else { return }
        let app = try RunningApp()
        defer { app.shutDown() }
        try app.launch()
        try app.expect("Plansmith › Landing")
        try app.keys("C-c")
        try app.expect("EXIT=0")
        #expect(try !app.tmux.alternateScreenOn())
    }
}

