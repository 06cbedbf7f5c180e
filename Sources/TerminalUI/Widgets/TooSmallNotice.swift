/// "Terminal too small: 38×10, need 40×12", centred, cut down until it fits even a tiny screen.
public struct TooSmallNotice: Sendable {
    public var minimum: Size
    public var theme: Theme
    public init(minimum: Size, theme: Theme = .fallback) { self.minimum = minimum; self.theme = theme }

    /// True when `size` is below the minimum in either direction.
    public func applies(to size: Size) -> Bool { size.width < minimum.width || size.height < minimum.height }

    public func draw(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let now = "\(area.width)x\(area.height)", need = "\(minimum.width)x\(minimum.height)"
        // The longest form that fits, wrapped over the rows there are (whole words only), then
        // shorter ones; both sizes stay as long as possible.
        let forms = ["Terminal too small: \(now), need \(need)", "too small: \(now), need \(need)",
                     "\(now) < \(need)", "\(now)<\(need)", "small"]
        func fits(_ form: String) -> Bool {
            form.split(separator: " ").allSatisfy { DisplayWidth.of($0) <= area.width }
                && TextWrap.wrap(form, width: area.width).count <= area.height
        }
        let text = forms.first(where: fits) ?? String(forms.last!.prefix(area.width))
        let lines = TextWrap.wrap(text, width: area.width)
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (i, line) in lines.prefix(area.height).enumerated() {
            let x = area.x + max(0, (area.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, style: theme[.warning], maxX: area.maxX)
        }
    }
}
