import Foundation
import PlansmithTUI
import Store
import TerminalUI

/// Shared steps of the Domain screen tests: a real store with a template copied into the
/// user's workspace, a driver that has loaded it, and readers for what the shell was asked.
enum DomainFixture {
    /// Copies a bundled template into the test user's personal workspace, as "start from a template" does.
    static func copyTemplate(_ app: TestApp, _ template: String = "blocksworld", as name: String = "my-blocks") async throws -> Int64 {
        let store = app.store, userId = app.session.userId
        let source = try await store.domains.list(readableBy: userId, workspaceId: nil).first { $0.isTemplate && $0.name == template }
        guard let sourceId = source?.id else { throw StoreError.notFound(template) }
        return try await store.domains.copy(sourceId, into: app.session.workspace.id, as: name, by: userId).id!
    }

    /// A driver on the Domain screen for `domainId`, loaded and checked once.
    @MainActor
    static func open(_ app: TestApp, _ domainId: Int64, env: ScreenEnvironment? = nil) async -> ScreenDriver<DomainScreen> {
        let env = env ?? app.env
        let (state, command) = DomainScreen.start(domainId: domainId, env: env)
        let driver = ScreenDriver(DomainScreen.self, state: state, command: command, env: env)
        await driver.settle(until: { $0.phase != .loading && !$0.isValidating })
        return driver
    }

    /// Replaces the text of the focused editor tab the way a user would: select all, paste.
    @MainActor
    static func replaceEditorText(_ d: ScreenDriver<DomainScreen>, with text: String) {
        if d.state.focus != .editor { d.send(.key(.char("3"))) }
        if !d.state.isTyping { d.press(.enter) }
        d.press(Key(.home, .ctrl), Key(.end, [.ctrl, .shift]))
        d.send(.paste(text))
    }

    static func toasts(_ requests: [AppRequest]) -> [String] {
        requests.compactMap { if case .toast(_, let text) = $0 { text } else { nil } }
    }

    static func navigations(_ requests: [AppRequest]) -> [Route] {
        requests.compactMap { if case .navigate(let route) = $0 { route } else { nil } }
    }

    static func revisions(_ app: TestApp, _ domainId: Int64) async throws -> [DomainRevision] {
        try await app.store.domains.history(of: domainId, readableBy: app.session.userId)
    }

    /// A blocksworld problem with `count` blocks in one tower to be reversed: far beyond a blind
    /// A* search in the time a test runs, so only cancelling can end it.
    static func bigBlocksProblem(_ count: Int) -> String {
        let blocks = (1...count).map { "b\($0)" }
        var initial = ["(handempty)", "(ontable b1)", "(clear b\(count))"]
        for i in 2...count { initial.append("(on b\(i) b\(i - 1))") }
        let goal = (2...count).map { "(on b\($0 - 1) b\($0))" }
        return """
        (define (problem tower-\(count))
          (:domain blocksworld)
          (:objects \(blocks.joined(separator: " ")) - block)
          (:init \(initial.joined(separator: " ")))
          (:goal (and \(goal.joined(separator: " ")))))
        """
    }
}
