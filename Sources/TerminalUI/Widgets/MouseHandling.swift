/// Mouse support for the list-like widgets: click selects a row, the wheel scrolls. Each takes
/// the same `area` the widget was drawn in, so hit-testing matches what is on screen. Every mouse
/// action here also has a key (accessibility: keyboard works everywhere).
extension FilterListState {
    /// Returns true when the event hit the list.
    public mutating func handle(_ mouse: MouseEvent, in area: Rect) -> Bool {
        let inner = area.inset(by: 1)
        guard inner.contains(x: mouse.x, y: mouse.y) else { return false }
        let count = visibleIndices.count
        switch mouse.kind {
        case .wheelUp: selected = max(0, selected - 3)
        case .wheelDown: selected = min(max(0, count - 1), selected + 3)
        case .press:
            scrollToSelection(height: inner.height - (filter.isEmpty ? 0 : 1))
            let row = offset + (mouse.y - inner.y)
            guard row < count else { return true }
            selected = row
        default: return false
        }
        return true
    }
}

extension TableState {
    public mutating func handle(_ mouse: MouseEvent, in area: Rect) -> Bool {
        guard area.contains(x: mouse.x, y: mouse.y) else { return false }
        switch mouse.kind {
        case .wheelUp: selected = max(0, selected - 3)
        case .wheelDown: selected = min(max(0, rows.count - 1), selected + 3)
        case .press:
            guard mouse.y > area.y else { return true }     // header row
            let rowsShown = area.height - 1
            var top = offset
            if selected < top { top = selected }
            if selected >= top + rowsShown { top = selected - rowsShown + 1 }
            let row = top + (mouse.y - area.y - 1)
            if row < rows.count { selected = row }
        default: return false
        }
        return true
    }
}

/// A view whose only mouse gesture is the wheel: three lines per notch.
public protocol WheelScrollable {
    mutating func scroll(by lines: Int)
}

extension WheelScrollable {
    public mutating func handle(_ mouse: MouseEvent, in area: Rect) -> Bool {
        guard area.contains(x: mouse.x, y: mouse.y) else { return false }
        switch mouse.kind {
        case .wheelUp: scroll(by: 3)
        case .wheelDown: scroll(by: -3)
        default: return false
        }
        return true
    }
}

extension ChatViewState: WheelScrollable {}
extension LogViewState: WheelScrollable {}
