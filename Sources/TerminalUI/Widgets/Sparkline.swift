/// A one-row chart of the newest values that fit, scaled to the largest shown value.
public struct Sparkline: Sendable {
    public var values: [Double]
    public var theme: Theme
    public init(_ values: [Double], theme: Theme = .fallback) { self.values = values; self.theme = theme }

    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let ascii: [Character] = ["_", ".", ",", "-", "~", "=", "*", "#"]

    /// The characters for the last `width` values.
    public func glyphs(width: Int) -> String {
        let shown = values.suffix(max(0, width))
        guard let top = shown.max(), let bottom = shown.min() else { return "" }
        let levels = theme.unicode ? Sparkline.blocks : Sparkline.ascii
        let span = top - max(0, bottom) > 0 ? top - max(0, bottom) : 1
        return String(shown.map { v -> Character in
            let t = (v - max(0, bottom)) / span
            return levels[min(levels.count - 1, max(0, Int((t * Double(levels.count - 1)).rounded())))]
        })
    }

    public func draw(in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height > 0 else { return }
        buffer.put(glyphs(width: area.width), x: area.x, y: area.maxY - 1, style: theme[.accent], maxX: area.maxX)
    }
}
