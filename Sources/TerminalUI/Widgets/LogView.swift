/// One log line with a level that is shown as a letter, not just a colour.
public struct LogEntry: Equatable, Sendable {
    public enum Level: String, Sendable { case debug = "D", info = "I", warning = "W", error = "E" }
    public var level: Level
    public var text: String
    public init(_ level: Level, _ text: String) { self.level = level; self.text = text }
}

/// A bounded log that follows the newest entry unless scrolled back.
public struct LogViewState: Equatable, Sendable {
    public private(set) var entries: [LogEntry] = []
    public var capacity: Int
    /// Entries scrolled up from the bottom; 0 follows new entries.
    public var scrollBack = 0

    public init(capacity: Int = 1000) { self.capacity = max(1, capacity) }

    public mutating func append(_ entry: LogEntry) {
        entries.append(entry)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        // Keep the lines the user is reading in place while new ones arrive.
        if scrollBack > 0 { scrollBack += 1 }
    }

    public mutating func scroll(by lines: Int) { scrollBack = max(0, min(entries.count - 1, scrollBack + lines)) }
}

public struct LogView: Sendable {
    public var theme: Theme
    public init(theme: Theme = .fallback) { self.theme = theme }

    public func draw(_ state: LogViewState, in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: theme[.text])
        let back = min(state.scrollBack, max(0, state.entries.count - area.height))
        let end = state.entries.count - back
        let start = max(0, end - area.height)
        for (row, entry) in state.entries[start..<end].enumerated() {
            let role: Theme.Role = switch entry.level {
            case .error: .error
            case .warning: .warning
            case .debug: .muted
            case .info: .text
            }
            let x = buffer.put(entry.level.rawValue + " ", x: area.x, y: area.y + row, style: theme[role], maxX: area.maxX)
            buffer.put(TextWrap.truncate(entry.text, width: area.maxX - x), x: x, y: area.y + row, style: theme[.text], maxX: area.maxX)
        }
        if back > 0, area.width > 12 {
            let note = " ↓ \(back) newer "
            buffer.put(note, x: area.maxX - DisplayWidth.of(note), y: area.maxY - 1, style: theme[.statusBar])
        }
    }
}
