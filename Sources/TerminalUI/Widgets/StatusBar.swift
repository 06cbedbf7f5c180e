/// One reverse-video line: mode and focus in words on the left, extra facts on the right.
public struct StatusBar: Sendable {
    public var left: String
    public var right: String
    public var theme: Theme

    public init(left: String, right: String = "", theme: Theme = .fallback) {
        self.left = left; self.right = right; self.theme = theme
    }

    public func draw(in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height > 0, area.width > 0 else { return }
        let style = theme[.statusBar]
        buffer.fill(area.row(0), style: style)
        let rightWidth = DisplayWidth.of(right)
        // The left side wins when both do not fit: it says where the user is.
        let leftRoom = rightWidth + 1 < area.width ? area.width - rightWidth - 1 : area.width
        buffer.put(TextWrap.truncate(left, width: leftRoom), x: area.x, y: area.y, style: style, maxX: area.x + leftRoom)
        if rightWidth + 1 < area.width, !right.isEmpty {
            let leftUsed = DisplayWidth.of(TextWrap.truncate(left, width: leftRoom))
            if leftUsed + 1 + rightWidth <= area.width {
                buffer.put(right, x: area.maxX - rightWidth, y: area.y, style: style)
            }
        }
    }
}
