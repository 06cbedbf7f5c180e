import PlansmithCore
import Foundation
import TerminalUI

extension AnalyticsScreen {
    /// Wide: range line, usage-over-time box, endpoint/model table, critic table. Below 60×15 (body) only
    /// the focused pane is shown (Tab / 1 2 3 switch), under the range line.
    public static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        guard !area.isEmpty else { return }
        let theme = look.theme
        buffer.fill(area, style: theme[.text])
        drawRangeLine(state, in: area.row(0), into: &buffer, theme)
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        guard !body.isEmpty else { return }
        if state.loading && state.report == nil {
            buffer.put("Loading usage…", x: body.x + 1, y: body.y, style: theme[.muted], maxX: body.maxX)
            return
        }
        if let error = state.error, state.report == nil {
            for (i, line) in TextWrap.wrap((theme.unicode ? "✗ " : "[X] ") + error, width: max(1, body.width - 2)).prefix(body.height).enumerated() {
                buffer.put(line, x: body.x + 1, y: body.y + i, style: theme[.error], maxX: body.maxX)
            }
            return
        }
        guard let report = state.report else { return }
        if body.width < 60 || body.height < 15 {
            drawPane(state.focus, state, report, in: body, into: &buffer, theme)
            return
        }
        // Tall terminals get a bar chart (4 rows) instead of the one-row sparkline.
        let usageHeight = body.height >= 28 ? 9 : 6
        let parts = Layout.split(body, .vertical, [.fixed(usageHeight), .min(5), .fixed(min(3 + max(1, report.critics.count) + 1, 8))])
        drawPane(.usage, state, report, in: parts[0], into: &buffer, theme)
        drawPane(.table, state, report, in: parts[1], into: &buffer, theme)
        drawPane(.critics, state, report, in: parts[2], into: &buffer, theme)
    }

    static func drawRangeLine(_ state: State, in row: Rect, into buffer: inout ScreenBuffer, _ theme: Theme) {
        var x = buffer.put("Range ", x: row.x, y: row.y, style: theme[.muted], maxX: row.maxX)
        for range in UsageRange.allCases {
            let chosen = range == state.range
            let text = chosen ? "[\(range.rawValue)]" : " \(range.rawValue) "
            x = buffer.put(text, x: x, y: row.y, style: chosen ? theme[.accent].patched(with: Style(reverse: true)) : theme[.text], maxX: row.maxX)
        }
        let note = state.loading ? "  loading…" : "  \(state.range.label) · t/T change"
        buffer.put(note, x: x, y: row.y, style: theme[.muted], maxX: row.maxX)
    }

    static func drawPane(_ pane: Pane, _ state: State, _ report: AnalyticsReport, in area: Rect,
                         into buffer: inout ScreenBuffer, _ theme: Theme) {
        let focused = state.focus == pane
        switch pane {
        case .usage:
            let unit = report.range == .day ? "hour" : "day"
            let inner = Block(title: "Usage over time (per \(unit))", focused: focused, theme: theme).draw(in: area, into: &buffer)
            drawUsage(report, timeline: state.timeline, unit: unit, in: inner, into: &buffer, theme)
        case .table:
            let truncated = state.breakdown?.truncated == true
            let title = "Per endpoint and model" + (truncated ? " (newest \(UsageBreakdownResult.rowLimit) calls only)" : "")
            let inner = Block(title: title, focused: focused, theme: theme).draw(in: area, into: &buffer)
            guard !inner.isEmpty else { return }
            guard let breakdown = state.breakdown else {
                buffer.put("Reading calls…", x: inner.x, y: inner.y, style: theme[.muted], maxX: inner.maxX)
                return
            }
            if breakdown.rows.isEmpty {
                buffer.put("No usage recorded (\(report.range.label)).", x: inner.x, y: inner.y, style: theme[.muted], maxX: inner.maxX)
                return
            }
            Table(columns: tableColumns(width: inner.width), theme: theme).draw(state.table, in: inner, into: &buffer)
        case .critics:
            let inner = Block(title: "Critic votes overruled by the validator", focused: focused, theme: theme).draw(in: area, into: &buffer)
            guard !inner.isEmpty else { return }
            if report.critics.isEmpty {
                buffer.put("No critique rounds stored (\(report.range.label)).", x: inner.x, y: inner.y, style: theme[.muted], maxX: inner.maxX)
                return
            }
            let footer = "\(report.critiqueRounds) rounds in \(report.critiqueSessions) sessions"
                + (report.roundsWithoutVerdictCounts > 0 ? ", \(report.roundsWithoutVerdictCounts) without veto counts" : "")
            let tableArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - (inner.height > 2 ? 1 : 0))
            Table(columns: criticColumns, theme: theme).draw(state.criticTable, in: tableArea, into: &buffer)
            if inner.height > 2 {
                buffer.put(footer, x: inner.x, y: inner.maxY - 1, style: theme[.muted], maxX: inner.maxX)
            }
        }
    }

    /// Bars (or a sparkline) of calls per bucket, its span and peak, then the range totals.
    static func drawUsage(_ report: AnalyticsReport, timeline: [Int], unit: String, in inner: Rect,
                          into buffer: inout ScreenBuffer, _ theme: Theme) {
        guard !inner.isEmpty else { return }
        let s = report.summary
        let lines = [
            "calls \(s.requests) · errors \(s.errors) (\(String(format: "%.1f", s.errorRate * 100))%) · "
                + "p50 \(String(format: "%.0f", s.p50LatencyMs)) ms · p95 \(String(format: "%.0f", s.p95LatencyMs)) ms",
            "tokens \(report.inputTokens) in / \(report.outputTokens) out · cost $\(String(format: "%.4f", s.totalCostUSD))",
        ]
        var y = inner.y
        if inner.height >= 7 {
            UsageBars(values: timeline, theme: theme).draw(in: Rect(x: inner.x, y: y, width: inner.width, height: 4), into: &buffer)
            y += 4
        } else {
            let values = timeline.map(Double.init)
            let spark = Sparkline(values, theme: theme)
            buffer.put(spark.glyphs(width: inner.width), x: inner.x, y: y, style: theme[.accent], maxX: inner.maxX)
            y += 1
        }
        if y < inner.maxY {
            let peak = timeline.max() ?? 0
            let shown = min(timeline.count, inner.width)
            let span = report.range == .day ? "-24h … now" : "\(report.firstDay) … \(report.lastDay)"
            buffer.put("\(span) · \(shown) \(unit)s · peak \(peak) calls/\(unit)",
                       x: inner.x, y: y, style: theme[.muted], maxX: inner.maxX)
            y += 1
        }
        for line in lines where y < inner.maxY {
            buffer.put(line, x: inner.x, y: y, style: theme[.text], maxX: inner.maxX)
            y += 1
        }
    }

    /// Narrow tables keep the columns that matter most (calls, latency, errors, cost).
    static func tableColumns(width: Int) -> [TableColumn] {
        let wide = [TableColumn("endpoint"), TableColumn("model"), TableColumn("calls", width: .fixed(6), alignment: .right),
                    TableColumn("in tok", width: .fixed(8), alignment: .right), TableColumn("out tok", width: .fixed(8), alignment: .right),
                    TableColumn("cost $", width: .fixed(9), alignment: .right), TableColumn("p50 ms", width: .fixed(7), alignment: .right),
                    TableColumn("p95 ms", width: .fixed(7), alignment: .right), TableColumn("err %", width: .fixed(6), alignment: .right)]
        if width >= 90 { return wide }
        // Same column indices as the rows (the table draws cells by index), so hidden ones get width 0.
        var narrow = wide
        for i in [1, 3, 4] { narrow[i].width = .fixed(0) }
        if width < 50 { narrow[5].width = .fixed(0); narrow[6].width = .fixed(0) }
        return narrow
    }

    static let criticColumns = [
        TableColumn("critic"), TableColumn("votes", width: .fixed(7), alignment: .right),
        TableColumn("agree", width: .fixed(7), alignment: .right), TableColumn("overruled", width: .fixed(10), alignment: .right),
        TableColumn("% of agree", width: .fixed(11), alignment: .right),
    ]
}
