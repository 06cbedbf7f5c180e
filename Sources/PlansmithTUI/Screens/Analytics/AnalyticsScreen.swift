import Foundation
import PlansmithCore
import TerminalUI

/// Analytics: API and LLM usage over time, a table per endpoint and model (calls, tokens, cost,
/// latency p50/p95, error rate), and how often each critic's votes were overruled by the validator.
public enum AnalyticsScreen: Screen {
    /// Which part has focus (and, on small terminals, which one is shown).
    public enum Pane: Int, CaseIterable, Sendable { case usage, table, critics }

    public struct State: Sendable {
        public var range: UsageRange = .week
        public var report: AnalyticsReport?
        public var breakdown: UsageBreakdownResult?
        var reportPending = true
        var breakdownPending = true
        public var error: String?
        public var focus: Pane = .table
        public var table = TableState(rows: [])
        public var criticTable = TableState(rows: [])
        /// Bumped on every load so a slow answer for an older range is ignored.
        var generation = 0
        public var loading: Bool { reportPending || breakdownPending }
        public var loaded: Bool { !loading }
        /// Calls per bucket for the chart: per hour for 24h, per day otherwise.
        public var timeline: [Int] { report?.range == .day ? breakdown?.hourly ?? [] : report?.dailyTimeline ?? [] }
    }

    public enum Msg: Sendable {
        case reportLoaded(generation: Int, AnalyticsReport)
        case breakdownLoaded(generation: Int, UsageBreakdownResult)
        case loadFailed(generation: Int, String)
        case rangeChosen(UsageRange)
        case nextRange, previousRange, refreshRequested
        case focusMoved(forward: Bool)
        case focusChosen(Pane)
        case tableKey(Key)
    }

    public static func start(env: ScreenEnvironment) -> (State, Command<Msg>) {
        var state = State()
        let command = load(&state, env)
        return (state, command)
    }

    /// Two tasks: the aggregate figures (fast) and the per-call table (reads rows), so totals show
    /// at once on a large log. The data shown stays until the new range's data replaces it.
    static func load(_ state: inout State, _ env: ScreenEnvironment) -> Command<Msg> {
        state.generation += 1
        let generation = state.generation, range = state.range
        guard let userId = env.session?.userId else {
            state.reportPending = false
            state.breakdownPending = false
            state.error = "Sign in to see your usage."
            return .none
        }
        state.reportPending = true
        state.breakdownPending = true
        let analytics = env.services.analytics
        let now = analytics.now()
        return .batch([
            .task {
                do {
                    return .reportLoaded(generation: generation, try await analytics.report(userId: userId, range: range, now: now))
                } catch {
                    return .loadFailed(generation: generation, "Could not read usage: \(error)")
                }
            },
            .task {
                do {
                    return .breakdownLoaded(generation: generation, try await analytics.breakdown(userId: userId, range: range, now: now))
                } catch {
                    return .loadFailed(generation: generation, "Could not read usage rows: \(error)")
                }
            },
        ])
    }

    public static func message(for event: InputEvent, in state: State) -> Msg? {
        switch event {
        case .key(let key):
            switch key {
            case .char("t"): return .nextRange
            case .char("T"): return .previousRange
            case .char("r"): return .refreshRequested
            case .tab: return .focusMoved(forward: true)
            case .backTab: return .focusMoved(forward: false)
            case .char("1"): return .focusChosen(.usage)
            case .char("2"): return .focusChosen(.table)
            case .char("3"): return .focusChosen(.critics)
            case .escape: return nil
            default:
                guard state.focus != .usage else { return nil }
                let tableKeys: Set<Key> = [.up, .down, .char("j"), .char("k"), .char("g"), .char("G"), .home, .end,
                                           .pageUp, .pageDown, .char("<"), .char(">"), .char("I")]
                return tableKeys.contains(key) ? .tableKey(key) : nil
            }
        case .mouse(let mouse) where mouse.kind == .wheelUp: return .tableKey(.up)
        case .mouse(let mouse) where mouse.kind == .wheelDown: return .tableKey(.down)
        default: return nil
        }
    }

    public static func update(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch msg {
        case .reportLoaded(let generation, let report):
            guard generation == state.generation else { return .none }
            state.reportPending = false
            state.error = nil
            state.report = report
            state.criticTable = rebuilt(state.criticTable, rows: report.critics.map(criticRow))
        case .breakdownLoaded(let generation, let breakdown):
            guard generation == state.generation else { return .none }
            state.breakdownPending = false
            state.breakdown = breakdown
            state.table = rebuilt(state.table, rows: breakdown.rows.map(tableRow))
        case .loadFailed(let generation, let message):
            guard generation == state.generation else { return .none }
            state.reportPending = false
            state.breakdownPending = false
            state.error = message
            return .request(.toast(.error, message))
        case .rangeChosen(let range):
            state.range = range
            return .command(load(&state, env))
        case .nextRange:
            state.range = state.range.next
            return .command(load(&state, env))
        case .previousRange:
            state.range = state.range.previous
            return .command(load(&state, env))
        case .refreshRequested:
            return .command(load(&state, env))
        case .focusMoved(let forward):
            let all = Pane.allCases
            state.focus = all[(state.focus.rawValue + (forward ? 1 : all.count - 1)) % all.count]
        case .focusChosen(let pane):
            state.focus = pane
        case .tableKey(let key):
            switch state.focus {
            case .table: _ = state.table.handle(.key(key), columnCount: tableColumnCount)
            case .critics: _ = state.criticTable.handle(.key(key), columnCount: criticColumnCount)
            case .usage: break
            }
        }
        return .none
    }

    /// Back on top: what it lists may have changed meanwhile (API traffic, a key made elsewhere).
    public static func reappeared(_ state: State) -> Msg? { .refreshRequested }

    public static func hints(_ state: State) -> [(key: String, label: String)] {
        [("esc", "back"), ("t", "range \(state.range.next.rawValue)"), ("r", "refresh"), ("tab", "next pane"),
         ("↑↓", "select"), ("< >", "sort")]
    }

    public static func actions(_ state: State) -> [ScreenAction<Msg>] {
        UsageRange.allCases.map { ScreenAction("analytics: show \($0.label)", key: "t", .rangeChosen($0)) }
            + [ScreenAction("analytics: refresh", key: "r", .refreshRequested),
               ScreenAction("analytics: next pane", key: "tab", .focusMoved(forward: true))]
    }

    public static func runningWork(_ state: State) -> String? { nil }

    /// New rows, same sort order.
    static func rebuilt(_ table: TableState, rows: [[String]]) -> TableState {
        var next = TableState(rows: rows, sortColumn: table.sortColumn)
        next.ascending = table.ascending
        next.selected = min(table.selected, max(0, rows.count - 1))
        return next
    }

    // MARK: - Table rows (numbers without units, so the table sorts them numerically)

    static let tableColumnCount = 9
    static let criticColumnCount = 5

    static func tableRow(_ r: UsageBreakdownRow) -> [String] {
        [r.endpoint, r.model, String(r.calls), String(r.inputTokens), String(r.outputTokens),
         String(format: "%.4f", r.costUSD), String(format: "%.0f", r.p50LatencyMs), String(format: "%.0f", r.p95LatencyMs),
         String(format: "%.1f", r.errorRate * 100)]
    }

    static func criticRow(_ r: CriticOverruleRow) -> [String] {
        [r.critic, String(r.votes), String(r.agreeVotes), String(r.overruled), String(format: "%.1f", r.rate * 100)]
    }
}
