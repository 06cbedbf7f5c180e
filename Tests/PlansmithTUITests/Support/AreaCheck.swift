import PlansmithTUI
import TerminalUI
import Testing

/// Draws a screen into a small area in the middle of a larger buffer and records an issue for any
/// cell written outside it (a screen must never draw over the status line or the footer).
@MainActor
func expectDrawsInside<S: Screen>(_ driver: ScreenDriver<S>, width: Int, height: Int,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
    var buffer = ScreenBuffer(width: width + 8, height: height + 4)
    let area = Rect(x: 4, y: 2, width: width, height: height)
    S.view(driver.state, in: area, into: &buffer, driver.env.look)
    for (y, line) in buffer.lines().enumerated() {
        for (x, ch) in line.enumerated() where ch != " " {
            let inside = x >= area.x && x < area.maxX && y >= area.y && y < area.maxY
            if !inside {
                Issue.record("\(S.self) drew '\(ch)' at \(x),\(y) outside \(width)×\(height) at 4,2", sourceLocation: sourceLocation)
                return
            }
        }
    }
}
