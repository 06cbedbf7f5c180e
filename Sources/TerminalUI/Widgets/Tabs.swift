/// A row of tab titles; the selected one is bracketed and reverse video, so it shows without colour.
public struct Tabs: Sendable {
    public var titles: [String]
    public var selected: Int
    public var theme: Theme

    public init(_ titles: [String], selected: Int, theme: Theme = .fallback) {
        self.titles = titles; self.selected = selected; self.theme = theme
    }

    public func draw(in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height > 0 else { return }
        buffer.fill(area.row(0), style: theme[.text])
        var x = area.x
        for (i, title) in titles.enumerated() {
            if i > 0 { x = buffer.put(theme.unicode ? "│" : "|", x: x, y: area.y, style: theme[.border], maxX: area.maxX) }
            let isSelected = i == selected
            let text = isSelected ? "[\(title)]" : " \(title) "
            x = buffer.put(text, x: x, y: area.y, style: isSelected ? theme[.selection].bolded() : theme[.muted], maxX: area.maxX)
            if x >= area.maxX { break }
        }
    }
}
