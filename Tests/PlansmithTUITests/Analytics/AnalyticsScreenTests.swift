import PlansmithCore
import Critique
import Foundation
import PlansmithTUI
import Store
import TerminalUI
import Testing

@MainActor
@Suite("Analytics screen")
struct AnalyticsScreenTests {
    /// 10 LLM calls (latency 10…100 ms, two 500s), 4 API requests (one 404), one call 10 days old.
    static func insertUsage(_ app: TestApp, userId: Int64, now: Date = Date()) async throws {
        var rows: [UsageRecord] = []
        for i in 1...10 {
            rows.append(.llmCall(userId: userId, endpoint: "/v1/messages", statusCode: i <= 2 ? 500 : 200,
                                 latencyMs: Double(i * 10), model: "claude-test", inputTokens: 100, outputTokens: 50,
                                 costUSD: 0.01, createdAt: now.addingTimeInterval(-Double(i) * 60)))
        }
        for (latency, status) in [(5.0, 200), (7.0, 200), (9.0, 404), (400.0, 200)] {
            rows.append(UsageRecord(userId: userId, endpoint: "/api/plan", method: "POST", statusCode: status,
                                    latencyMs: latency, createdAt: now.addingTimeInterval(-3 * 3_600)))
        }
        rows.append(UsageRecord(userId: userId, endpoint: "/api/old", method: "GET", statusCode: 200, latencyMs: 1,
                                createdAt: now.addingTimeInterval(-10 * 86_400)))
        try await app.store.usage.record(contentsOf: rows)
    }

    /// The words of a table line, without the box border.
    static func cells(_ line: Substring) -> [String] {
        let border: Set<Character> = ["│", "┃", "|", "#", ">"]
        return String(line).split(separator: " ").map { String($0.filter { !border.contains($0) }) }.filter { !$0.isEmpty }
    }

    func open(_ app: TestApp) async -> ScreenDriver<AnalyticsScreen> {
        let (state, command) = AnalyticsScreen.start(env: app.env)
        let d = ScreenDriver(AnalyticsScreen.self, state: state, command: command, env: app.env)
        #expect(await d.settle(until: { $0.loaded }))
        return d
    }

    @Test("totals, tokens, cost and p50/p95 per endpoint and model match the inserted rows")
    func totalsAndPercentiles() async throws {
        let app = try await TestApp.make()
        try await Self.insertUsage(app, userId: app.session.userId)
        let d = await open(app)
        let report = try #require(d.state.report)
        #expect(report.range == .week)
        #expect(report.summary.requests == 14)
        let rows = try #require(d.state.breakdown?.rows)
        let llm = try #require(rows.first { $0.model == "claude-test" })
        #expect(llm.calls == 10 && llm.errors == 2)
        #expect(llm.inputTokens == 1_000 && llm.outputTokens == 500)
        #expect(abs(llm.costUSD - 0.10) < 1e-9)
        #expect(llm.p50LatencyMs == 50 && llm.p95LatencyMs == 100)
        let api = try #require(rows.first { $0.endpoint == "/api/plan" })
        #expect(api.calls == 4 && api.errors == 1 && api.model == "—")
        #expect(api.p50LatencyMs == 7 && api.p95LatencyMs == 400)

        let text = d.screenText(width: 120, height: 40)
        // Overall nearest-rank percentiles of the 14 latencies: rank 7 → 40 ms, rank 14 → 400 ms.
        #expect(text.contains("calls 14 · errors 3 (21.4%) · p50 40 ms · p95 400 ms"))
        #expect(text.contains("tokens 1000 in / 500 out · cost $0.1000"))
        let line = try #require(text.split(separator: "\n").first { $0.contains("claude-test") })
        let cells = Self.cells(line)
        #expect(cells.suffix(7) == ["10", "1000", "500", "0.1000", "50", "100", "20.0"])
        #expect(!text.contains("/api/old"))
    }

    @Test("t and T switch the range and reload: 30d includes the 10-day-old call, 24h buckets per hour")
    func rangeSwitch() async throws {
        let app = try await TestApp.make()
        try await Self.insertUsage(app, userId: app.session.userId)
        let d = await open(app)
        d.press(.char("t"))
        #expect(await d.settle(until: { $0.loaded && $0.report?.range == .month }))
        #expect(d.state.report?.summary.requests == 15)
        #expect(d.screenText(width: 120, height: 40).contains("/api/old"))
        d.press(.char("T"), .char("T"))
        #expect(await d.settle(until: { $0.loaded && $0.report?.range == .day }))
        let report = try #require(d.state.report)
        #expect(report.summary.requests == 14)
        let hourly = d.state.timeline
        #expect(hourly.count == 24 && hourly.reduce(0, +) == 14)
        #expect(hourly[23] == 10 && hourly[20] == 4)
        #expect(d.screenText(width: 120, height: 40).contains("[24h]"))
    }

    /// Writes a session with stored rounds the way PlansmithCore's recorder does (items, scores with
    /// votes, applied, agreedWithInvalid per critic).
    struct StoredRound: Encodable {
        var items: [FeedbackItem]
        var scores: [ItemScore]
        var applied: [String] = []
        var seconds = 0.1
        var agreedWithInvalid: [CriticName: Int]
    }

    static func storeSession(_ app: TestApp, userId: Int64, rounds: [StoredRound]) async throws {
        let sessions = app.store.planningSessions
        let session = try await sessions.create(userId: userId, domainId: nil, maxIterations: 5, config: "{}")
        for (i, round) in rounds.enumerated() {
            let json = String(decoding: try JSONEncoder().encode(round), as: UTF8.self)
            _ = try await sessions.appendIteration(IterationDraft(iterationNum: i + 1, planVersion: "{}", critiques: json),
                                                   to: session.id!, userId: userId)
        }
    }

    static func score(_ id: String, _ votes: [CriticName: Vote]) -> ItemScore {
        ItemScore(itemId: id, votes: votes, configuration: .default)
    }

    @Test("critic votes overruled by the validator are counted from stored sessions, per critic and user")
    func criticOverrules() async throws {
        let app = try await TestApp.make()
        let me = app.session.userId
        let item = { (id: String) in FeedbackItem(id: id, author: .completeness, severity: .major, message: "m") }
        try await Self.storeSession(app, userId: me, rounds: [
            StoredRound(items: [item("1.a"), item("1.b")],
                        scores: [Self.score("1.a", [.completeness: .agree, .efficiency: .agree, .safety: .disagree]),
                                 Self.score("1.b", [.completeness: .agree, .efficiency: .neutral, .safety: .agree])],
                        agreedWithInvalid: [.completeness: 1, .efficiency: 1]),
            StoredRound(items: [item("2.a")],
                        scores: [Self.score("2.a", [.completeness: .agree, .efficiency: .disagree, .safety: .agree])],
                        agreedWithInvalid: [.safety: 1]),
        ])
        // Another user's overruled votes must not show up.
        let other = try await app.store.accounts.register(email: "bob@example.com", password: "another horse")
        try await Self.storeSession(app, userId: other.id!, rounds: [
            StoredRound(items: [item("1.a")], scores: [Self.score("1.a", [.completeness: .agree])], agreedWithInvalid: [.completeness: 5]),
        ])
        let d = await open(app)
        let report = try #require(d.state.report)
        #expect(report.critiqueRounds == 2 && report.critiqueSessions == 1)
        let byName = Dictionary(uniqueKeysWithValues: report.critics.map { ($0.critic, $0) })
        #expect(byName["completeness"] == CriticOverruleRow(critic: "completeness", votes: 3, agreeVotes: 3, overruled: 1))
        #expect(byName["efficiency"] == CriticOverruleRow(critic: "efficiency", votes: 3, agreeVotes: 1, overruled: 1))
        #expect(byName["safety"] == CriticOverruleRow(critic: "safety", votes: 3, agreeVotes: 2, overruled: 1))
        let text = d.screenText(width: 120, height: 40)
        let line = try #require(text.split(separator: "\n").first { $0.contains("completeness") })
        #expect(Self.cells(line).suffix(4) == ["3", "3", "1", "33.3"])
        #expect(text.contains("2 rounds in 1 sessions"))
    }

    @Test("without a signed-in user the screen says so instead of loading")
    func signedOut() async throws {
        let app = try await TestApp.make()
        let (state, command) = AnalyticsScreen.start(env: app.signedOutEnv)
        let d = ScreenDriver(AnalyticsScreen.self, state: state, command: command, env: app.signedOutEnv)
        #expect(await d.settle(until: { $0.loaded }))
        #expect(d.screenText().contains("Sign in to see your usage."))
    }

    @Test("an empty log says so, and tiny terminals down to 20×3 draw without crashing")
    func emptyAndSmall() async throws {
        let app = try await TestApp.make()
        let d = await open(app)
        #expect(d.screenText(width: 100, height: 30).contains("No usage recorded (last 7 days)."))
        try await Self.insertUsage(app, userId: app.session.userId)
        d.press(.char("r"))
        #expect(await d.settle(until: { $0.loaded && $0.report?.summary.requests == 14 }))
        for (w, h) in [(20, 3), (20, 5), (40, 12), (59, 15), (79, 23), (80, 24)] {
            let text = d.screenText(width: w, height: h)
            #expect(text.contains("Range"), "\(w)×\(h)")
        }
        // On a small terminal only the focused pane shows; Tab moves to the next one.
        #expect(d.screenText(width: 50, height: 12).contains("Per endpoint and model"))
        d.press(.tab)
        #expect(d.state.focus == .critics)
        #expect(d.screenText(width: 50, height: 12).contains("Critic votes overruled"))
    }
}

@MainActor
@Suite("Analytics usage chart")
struct UsageChartTests {
    @Test("on a tall terminal the 24h chart draws one bar per hour, the busiest hour full height")
    func barsPerHour() async throws {
        let app = try await TestApp.make()
        try await AnalyticsScreenTests.insertUsage(app, userId: app.session.userId)
        let (state, command) = AnalyticsScreen.start(env: app.env)
        let d = ScreenDriver(AnalyticsScreen.self, state: state, command: command, env: app.env)
        d.press(.char("T"))
        #expect(await d.settle(until: { $0.loaded && $0.report?.range == .day }))
        let lines = d.screenText(width: 100, height: 40).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // 24 hourly bars, 4 columns each (3 wide + gap) in a 98-wide pane: the last hour (10 calls) is
        // full height, the hour 3 hours back (4 calls) reaches into the second row from the bottom.
        let top = lines[2], bottom = lines[5]
        #expect(Array(top).filter { $0 == "█" }.count == 3)
        #expect(Array(bottom).filter { $0 == "█" }.count == 6)
        #expect(lines[6].contains("-24h … now · 24 hours · peak 10 calls/hour"))
    }
}
