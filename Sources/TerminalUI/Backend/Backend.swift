/// A column/row position on screen.
public struct Point: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

/// One cell that changed since the previous frame.
public struct CellUpdate: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}

/// Where frames go: a real terminal (ncursesw) or an in-memory grid for tests.
@MainActor
public protocol Backend: AnyObject {
    /// Current terminal size in cells.
    var size: Size { get }
    /// Writes the given cells (only the ones that changed).
    func draw(_ updates: [CellUpdate])
    /// Shows the text cursor at a position, or hides it.
    func setCursor(_ position: Point?)
    /// Makes everything drawn since the last flush visible, as one frame.
    func flush()
    /// Forgets what is on screen so the next frame repaints every cell (Ctrl-L after line noise).
    func invalidate()
}

/// Where input comes from. The runner is woken by `startWatching` and then drains `pendingEvents`
/// on the main actor, so only one task ever touches the terminal.
@MainActor
public protocol EventSource: AnyObject {
    /// Every event available right now, without blocking.
    func pendingEvents() -> [InputEvent]
    /// Calls `wake` (from any thread) whenever new input may be available.
    func startWatching(_ wake: @escaping @Sendable () -> Void)
    func stopWatching()
}
