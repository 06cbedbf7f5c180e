import Critique
import Foundation
@testable import PlansmithCore
@testable import Store

/// Data for the fakes that the snapshots (and some screen tests) show, built from the app's own
/// value types: blocksworld sessions with stored rounds, a week of usage.
enum SnapshotData {
    static let blocksPlan = DomainTemplate.blocksworld.referencePlan

    static func validation(_ valid: Bool, cost: Int) throws -> ValidationSummary {
        try JSONDecoder().decode(ValidationSummary.self, from: Data(#"{"valid":\#(valid),"cost":\#(cost),"unsatisfied":[],"unmetGoals":[]}"#.utf8))
    }

    /// Two stored sessions on `domainId`: an older failed one and a completed one with two rounds
    /// (returned): round 1 deletes a pick-up/put-down detour, round 2 finds nothing critical.
    @discardableResult
    static func sessions(_ app: FakeApp, domainId: Int64) async throws -> Int64 {
        let configuration = CritiqueConfiguration.default
        let detour = Array(blocksPlan.prefix(2)) + ["(pick-up b)", "(put-down b)"] + Array(blocksPlan.dropFirst(2))
        let detourItem = FeedbackItem(id: "efficiency-1", author: .efficiency, severity: .major,
                                      message: "steps 3-4 pick up b and put it straight back down", steps: [2, 3],
                                      edit: .deleteSteps([2, 3]))
        let goalItem = FeedbackItem(id: "completeness-1", author: .completeness, severity: .minor,
                                    message: "every goal holds after step 6")
        let votes: [CriticName: Vote] = [.completeness: .agree, .efficiency: .agree, .safety: .neutral]
        let rounds = [
            CritiqueRound.restored(iteration: 0, items: [], scores: [], applied: [], plan: detour, cost: 8, quality: 0.62,
                                   validation: try validation(true, cost: 8), seconds: 0.02),
            CritiqueRound.restored(iteration: 1, items: [detourItem],
                                   scores: [ItemScore(itemId: detourItem.id, votes: votes, configuration: configuration)],
                                   applied: [detourItem.id], plan: blocksPlan, cost: 6, quality: 0.81,
                                   validation: try validation(true, cost: 6), seconds: 0.04),
            CritiqueRound.restored(iteration: 2, items: [goalItem],
                                   scores: [ItemScore(itemId: goalItem.id, votes: [.completeness: .neutral, .efficiency: .disagree,
                                                                                   .safety: .neutral], configuration: configuration)],
                                   applied: [], plan: blocksPlan, cost: 6, quality: 0.81,
                                   validation: try validation(true, cost: 6), seconds: 0.03),
        ]
        let template = DomainTemplate.blocksworld
        let userId = app.session.userId
        await app.sessions.add(SessionSummary(id: 7, domainId: domainId, domainName: "blocksworld", status: .failed, currentIteration: 0,
                                              maxIterations: 5, startedAt: FakeClock.epoch.addingTimeInterval(-86_400),
                                              finishedAt: FakeClock.epoch.addingTimeInterval(-86_390),
                                              failureReason: "the problem has no plan"), userId: userId)
        await app.sessions.add(SessionSummary(id: 8, domainId: domainId, domainName: "blocksworld", status: .completed,
                                              currentIteration: 2, maxIterations: 5, startedAt: FakeClock.epoch,
                                              finishedAt: FakeClock.epoch.addingTimeInterval(3), finalPlan: blocksPlan),
                               userId: userId, rounds: rounds, configuration: configuration,
                               domainText: template.domainPddl, problemText: template.problemPddl)
        return 8
    }

    /// A week of calls: Claude and GPT calls, plain API requests, and the critic table.
    static func analytics(_ app: FakeApp) async {
        let days = (14...20).map { "2026-11-\($0)" }
        let timeline = [3, 0, 5, 9, 4, 12, 9]
        let summary = UsageSummary(
            requests: 42, errors: 3, p50LatencyMs: 180, p95LatencyMs: 2_400, totalCostUSD: 0.4125,
            perDay: zip(days, timeline).map { UsageSummary.Day(day: $0, requests: $1, errors: 0, costUSD: 0) },
            perEndpoint: [], perModel: [
                UsageSummary.Model(model: "claude-sonnet", calls: 24, inputTokens: 48_000, outputTokens: 9_600, costUSD: 0.3),
                UsageSummary.Model(model: "gpt-4o-mini", calls: 10, inputTokens: 20_000, outputTokens: 4_000, costUSD: 0.1125),
            ])
        let report = AnalyticsReport(range: .week, summary: summary, dailyTimeline: timeline, firstDay: days[0], lastDay: days[6],
                                     critics: [CriticOverruleRow(critic: "completeness", votes: 20, agreeVotes: 12, overruled: 1),
                                               CriticOverruleRow(critic: "efficiency", votes: 20, agreeVotes: 9, overruled: 3),
                                               CriticOverruleRow(critic: "safety", votes: 20, agreeVotes: 15, overruled: 0)],
                                     critiqueRounds: 20, critiqueSessions: 6, roundsWithoutVerdictCounts: 0)
        let rows = [
            UsageBreakdownRow(endpoint: "/v1/messages", model: "claude-sonnet", calls: 24, errors: 2, inputTokens: 48_000,
                              outputTokens: 9_600, costUSD: 0.3, p50LatencyMs: 900, p95LatencyMs: 2_400),
            UsageBreakdownRow(endpoint: "/v1/chat/completions", model: "gpt-4o-mini", calls: 10, errors: 0, inputTokens: 20_000,
                              outputTokens: 4_000, costUSD: 0.1125, p50LatencyMs: 600, p95LatencyMs: 1_500),
            UsageBreakdownRow(endpoint: "/api/plan", model: "—", calls: 8, errors: 1, inputTokens: 0, outputTokens: 0, costUSD: 0,
                              p50LatencyMs: 12, p95LatencyMs: 40),
        ]
        await app.analytics.seed(report, UsageBreakdownResult(rows: rows, truncated: false, hourly: nil))
    }
}
