import PlansmithCore
import TerminalUI

/// A small vertical bar chart (one bar per hour or day), for when the usage pane has a few rows
/// to spare; the one-row sparkline is used otherwise. Partial cells use eighth blocks, or `#` in ASCII.
struct UsageBars {
    var values: [Int]
    var theme: Theme

    static let eighths: [String] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    func draw(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty, !values.isEmpty else { return }
        let shown = Array(values.suffix(area.width))
        let slot = max(1, min(4, area.width / shown.count))
        let barWidth = slot >= 3 ? slot - 1 : slot
        let peak = max(1, shown.max() ?? 1)
        let style = theme[.accent]
        for (i, value) in shown.enumerated() {
            // Height in eighths of a row; anything above zero shows at least a sliver.
            var level = Int((Double(value) / Double(peak) * Double(area.height * 8)).rounded())
            if value > 0 { level = max(1, level) }
            let x = area.x + i * slot
            for row in 0..<area.height where level > row * 8 {
                let fill = min(8, level - row * 8)
                let glyph = theme.unicode ? UsageBars.eighths[fill - 1] : (fill >= 4 || row == 0 ? "#" : " ")
                let y = area.maxY - 1 - row
                for dx in 0..<barWidth where x + dx < area.maxX {
                    buffer.put(glyph, x: x + dx, y: y, style: style, maxX: area.maxX)
                }
            }
        }
    }
}
