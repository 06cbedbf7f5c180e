/// An in-memory terminal: a cell grid plus a queue of scripted input, for tests and benchmarks.
@MainActor
public final class VirtualBackend: Backend, EventSource {
    public private(set) var buffer: ScreenBuffer
    public private(set) var cursor: Point?
    /// Cells written in each flushed frame, oldest first.
    public private(set) var cellsWrittenPerFrame: [Int] = []
    private var writtenSinceFlush = 0
    private var queue: [InputEvent] = []
    private var wake: (@Sendable () -> Void)?

    public init(width: Int, height: Int) { buffer = ScreenBuffer(width: width, height: height) }

    public var size: Size { buffer.size }

    public func draw(_ updates: [CellUpdate]) {
        for u in updates {
            buffer.set(x: u.x, y: u.y, u.cell)
            if u.cell.width == 2, u.x + 1 < buffer.width {
                buffer.set(x: u.x + 1, y: u.y, Cell("", style: u.cell.style, isContinuation: true))
            }
        }
        writtenSinceFlush += updates.count
    }

    public func setCursor(_ position: Point?) { cursor = position }

    /// What programs put on the clipboard, oldest first (tests read it).
    public private(set) var clipboard: [String] = []

    public func flush() {
        cellsWrittenPerFrame.append(writtenSinceFlush)
        writtenSinceFlush = 0
    }

    public func invalidate() {}

    /// Changes the size (the content is kept, as a terminal would) and queues a resize event.
    public func resize(to size: Size) {
        buffer.resize(to: size)
        send(.resize(size))
    }

    /// Queues input events and wakes the runner.
    public func send(_ events: InputEvent...) {
        queue.append(contentsOf: events)
        wake?()
    }

    /// Queues typing `text` as one key event per grapheme.
    public func type(_ text: String) {
        queue.append(contentsOf: text.map { InputEvent.key(.char($0)) })
        wake?()
    }

    public func pendingEvents() -> [InputEvent] {
        defer { queue.removeAll() }
        return queue
    }

    public func startWatching(_ wake: @escaping @Sendable () -> Void) {
        self.wake = wake
        if !queue.isEmpty { wake() }
    }

    public func stopWatching() { wake = nil }
}

extension VirtualBackend: ClipboardBackend {
    @discardableResult
    public func copyToClipboard(_ text: String) -> Bool {
        clipboard.append(text)
        return true
    }
}
