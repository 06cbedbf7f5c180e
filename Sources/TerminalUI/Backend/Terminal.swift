/// Draws frames through a `Backend`, sending only the cells that differ from the previous frame.
@MainActor
public final class Terminal {
    public let backend: Backend
    private var previous: ScreenBuffer?
    private var current: ScreenBuffer
    /// Cells sent to the backend by the most recent `draw` (the measure of diff rendering).
    public private(set) var lastFrameCellsWritten = 0

    public init(backend: Backend) {
        self.backend = backend
        current = ScreenBuffer(size: backend.size)
    }

    /// Forces the next frame to repaint every cell (after a resize or Ctrl-L).
    public func invalidate() {
        previous = nil
        backend.invalidate()
    }

    /// Renders one frame: `body` draws into a cleared buffer of the backend's size.
    public func draw(cursor: Point? = nil, _ body: (inout ScreenBuffer) -> Void) {
        draw { buffer in
            body(&buffer)
            return cursor
        }
    }

    /// Draws a frame whose body also says where the cursor goes (nil hides it).
    public func draw(_ body: (inout ScreenBuffer) -> Point?) {
        let size = backend.size
        if current.size != size {
            current = ScreenBuffer(size: size)
            previous = nil
        } else {
            current.clear()
        }
        let cursor = body(&current)
        let updates = Terminal.diff(from: previous, to: current)
        lastFrameCellsWritten = updates.count
        if !updates.isEmpty { backend.draw(updates) }
        backend.setCursor(cursor)
        backend.flush()
        previous = current
    }

    /// The cells of `new` that differ from `old` (all of them when there is no old frame). A changed
    /// continuation cell sends its lead cell instead, because a terminal draws wide characters whole.
    public static func diff(from old: ScreenBuffer?, to new: ScreenBuffer) -> [CellUpdate] {
        var updates: [CellUpdate] = []
        let width = new.width
        guard let old, old.size == new.size else {
            updates.reserveCapacity(new.cells.count)
            for (i, cell) in new.cells.enumerated() where !cell.isContinuation {
                updates.append(CellUpdate(x: i % width, y: i / width, cell: cell))
            }
            return updates
        }
        var lastLead = -1
        for i in new.cells.indices where new.cells[i] != old.cells[i] {
            var lead = i
            if new.cells[i].isContinuation { lead = i - 1 }
            guard lead >= 0, lead != lastLead else { continue }
            lastLead = lead
            updates.append(CellUpdate(x: lead % width, y: lead / width, cell: new.cells[lead]))
        }
        return updates
    }
}
