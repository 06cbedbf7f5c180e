import Foundation
import PlansmithTestSupport
import Testing

/// The workspace switcher in a real terminal, on a real SQLite file.
@Suite("plansmith TUI in tmux: workspaces", .serialized)
struct WorkspacesEndToEndTests {
    @Test("w opens the switcher; a new workspace chosen with enter becomes the Dashboard's, and stays after signing in again")
    func switchWorkspace() throws {
        guard RunningApp.requireAvailable() else { return }
        let app = try RunningApp()
        defer { app.shutDown() }
        try app.launch()
        try app.register()
        try app.expect("Plansmith › Dashboard", "blocksworld")
        try app.keys("w")
        try app.expect("Plansmith › Workspaces", "Personal  owner")
        try app.keys("n")
        try app.type("Team")
        try app.keys("Enter")
        try app.expect("created workspace Team", "Team  owner")
        try app.keys("Down")
        try app.expect("Members of Team")
        try app.keys("Enter")
        try app.expect("Plansmith › Dashboard", "now working in Team (owner)", "Domains in Team (0)")

        try app.keys("C-p"); try app.type("sign out"); try app.keys("Enter")
        try app.expect("Plansmith › Landing")
        try app.logIn()
        try app.expect("Plansmith › Dashboard", "Domains in Team (0)", timeout: RunningApp.hashingTimeout)
    }
}
