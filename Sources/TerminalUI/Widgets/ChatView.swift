/// One chat message.
public struct ChatMessage: Equatable, Sendable {
    public enum Role: String, Sendable { case user = "you", assistant, system }
    public var role: Role
    public var text: String
    /// True while a reply is still streaming in.
    public var isStreaming: Bool
    public init(_ role: Role, _ text: String, isStreaming: Bool = false) {
        self.role = role; self.text = text; self.isStreaming = isStreaming
    }
}

/// Transcript plus scroll position. Scrolling is counted from the bottom so streaming text keeps
/// the view pinned to the newest line unless the user scrolled up.
public struct ChatViewState: Equatable, Sendable {
    public var messages: [ChatMessage] = []
    /// Lines scrolled up from the bottom; 0 follows new text.
    public var scrollBack = 0

    public init(messages: [ChatMessage] = []) { self.messages = messages }

    public mutating func append(_ message: ChatMessage) { messages.append(message) }

    /// Adds a streamed chunk to the reply in progress (starting one if needed).
    public mutating func appendChunk(_ chunk: String) {
        if let last = messages.indices.last, messages[last].isStreaming { messages[last].text += chunk }
        else { messages.append(ChatMessage(.assistant, chunk, isStreaming: true)) }
    }

    /// Ends the streaming reply; `marker` (e.g. "[stopped]") is appended when given.
    public mutating func finishStreaming(marker: String? = nil) {
        guard let last = messages.indices.last, messages[last].isStreaming else { return }
        messages[last].isStreaming = false
        if let marker { messages[last].text += (messages[last].text.isEmpty ? "" : " ") + marker }
    }

    public mutating func scroll(by lines: Int) { scrollBack = max(0, scrollBack + lines) }

    /// The raw text of a message (its Markdown source), for copying.
    public func copyText(of index: Int) -> String? { messages.indices.contains(index) ? messages[index].text : nil }

    /// The whole transcript as Markdown (for export and copy-all).
    public func markdown() -> String {
        messages.map { "**\($0.role.rawValue):** \($0.text)" }.joined(separator: "\n\n")
    }
}

/// Draws a chat transcript: each message a role line plus wrapped Markdown, newest at the bottom.
public struct ChatView: Sendable {
    public var theme: Theme
    public init(theme: Theme = .fallback) { self.theme = theme }

    /// Every line of the transcript at `width` (what scrolling moves through).
    public func lines(_ state: ChatViewState, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        for (i, message) in state.messages.enumerated() {
            if i > 0 { out.append([]) }
            let roleStyle: Style = message.role == .user ? theme[.accent] : theme[.title]
            var header = [Span(message.role.rawValue + ":", roleStyle)]
            if message.isStreaming { header.append(Span(" (streaming)", theme[.muted])) }
            out.append(header)
            out.append(contentsOf: MiniMarkdown.render(message.text, width: width - 2, theme: theme).map { [Span("  ")] + $0 })
        }
        return out
    }

    public func draw(_ state: ChatViewState, in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: theme[.text])
        let all = lines(state, width: area.width)
        let back = min(state.scrollBack, max(0, all.count - area.height))
        let end = all.count - back
        let start = max(0, end - area.height)
        for (row, line) in all[start..<end].enumerated() {
            buffer.put(line, x: area.x, y: area.y + row, maxX: area.maxX)
        }
        if back > 0, area.width > 12 {
            let note = " ↓ \(back) more "
            buffer.put(note, x: area.maxX - DisplayWidth.of(note), y: area.maxY - 1, style: theme[.statusBar])
        }
    }
}
