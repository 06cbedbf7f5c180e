/// A bordered box with a title. The focused box is visible without colour: heavy border, `>` before
/// the title and a reverse-video title (docs/tui-conventions.md §4).
public struct Block: Sendable {
    public var title: String
    public var focused: Bool
    public var theme: Theme

    public init(title: String = "", focused: Bool = false, theme: Theme = .fallback) {
        self.title = title; self.focused = focused; self.theme = theme
    }

    struct Glyphs { let tl, tr, bl, br, h, v: String }
    static let light = Glyphs(tl: "┌", tr: "┐", bl: "└", br: "┘", h: "─", v: "│")
    static let heavy = Glyphs(tl: "┏", tr: "┓", bl: "┗", br: "┛", h: "━", v: "┃")
    static let ascii = Glyphs(tl: "+", tr: "+", bl: "+", br: "+", h: "-", v: "|")
    static let asciiHeavy = Glyphs(tl: "#", tr: "#", bl: "#", br: "#", h: "=", v: "#")

    /// Draws the border and title; returns the inner area for the content.
    @discardableResult
    public func draw(in area: Rect, into buffer: inout ScreenBuffer) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let g = theme.unicode ? (focused ? Block.heavy : Block.light) : (focused ? Block.asciiHeavy : Block.ascii)
        let style = focused ? theme[.focusBorder] : theme[.border]
        buffer.fill(area, style: theme[.text])
        for x in area.x + 1..<area.maxX - 1 {
            buffer.put(g.h, x: x, y: area.y, style: style)
            buffer.put(g.h, x: x, y: area.maxY - 1, style: style)
        }
        for y in area.y + 1..<area.maxY - 1 {
            buffer.put(g.v, x: area.x, y: y, style: style)
            buffer.put(g.v, x: area.maxX - 1, y: y, style: style)
        }
        buffer.put(g.tl, x: area.x, y: area.y, style: style)
        buffer.put(g.tr, x: area.maxX - 1, y: area.y, style: style)
        buffer.put(g.bl, x: area.x, y: area.maxY - 1, style: style)
        buffer.put(g.br, x: area.maxX - 1, y: area.maxY - 1, style: style)
        if !title.isEmpty || focused {
            let text = focused ? " > \(title) " : " \(title) "
            let titleStyle = focused ? theme[.title].patched(with: Style(reverse: true)) : theme[.title]
            buffer.put(text, x: area.x + 1, y: area.y, style: titleStyle, maxX: area.maxX - 1)
        }
        return area.inset(by: 1)
    }
}
