/// A grid of cells that widgets draw into and backends display.
///
/// Wide graphemes occupy a lead cell plus a continuation cell; writing over either half of a wide
/// grapheme blanks the other half, so the grid never holds half a character. Combining marks that
/// arrive on their own attach to the previously written grapheme.
public struct ScreenBuffer: Equatable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }
    public init(width: Int, height: Int) { self.init(size: Size(width: width, height: height)) }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var area: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
    }

    /// Resets every cell to a blank with `style`.
    public mutating func clear(style: Style = .plain) {
        let blank = Cell(" ", style: style)
        cells.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] = blank }
        }
    }

    /// Fills `rect` (clipped to the buffer) with `symbol` (a narrow grapheme) in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, symbol: String = " ") {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        let cell = Cell(symbol, style: style)
        let w = size.width
        for y in r.y..<r.maxY {
            // Wide graphemes straddling the edges lose their outside half, as in `set`.
            if r.x > 0, cells[y * w + r.x].isContinuation { cells[y * w + r.x - 1].symbol = " " }
            if r.maxX < w, cells[y * w + r.maxX].isContinuation { cells[y * w + r.maxX] = Cell(" ", style: cells[y * w + r.maxX].style) }
            let row = y * w
            for x in r.x..<r.maxX { cells[row + x] = cell }
        }
    }

    /// Lays `style` over every cell of `rect` (keeps the symbols), e.g. to reverse a selected row.
    public mutating func applyStyle(_ style: Style, to rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX {
            let i = y * size.width + x
            cells[i].style = cells[i].style.patched(with: style)
        } }
    }

    /// Replaces the style of every cell of `rect` (keeps the symbols).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { cells[y * size.width + x].style = style } }
    }

    /// Writes `text` starting at (`x`, `y`), never past column `maxX` (default: buffer edge).
    /// Returns the column after the last written grapheme.
    @discardableResult
    public mutating func put<S: StringProtocol>(_ text: S, x: Int, y: Int, style: Style = .plain, maxX: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return x }
        let limit = min(maxX ?? size.width, size.width)
        var col = x
        var lastLead: Int? = nil
        for ch in text {
            if col >= limit { break }
            let w = DisplayWidth.of(ch)
            if w == 0 {
                if let first = ch.unicodeScalars.first, DisplayWidth.isZeroWidth(first) {
                    attachMark(ch, y: y, lead: lastLead ?? (col - 1))
                }
                continue
            }
            if col < 0 { col += w; continue }
            if w == 2 && col + 1 >= limit {
                // Half a wide character never shows; pad the last column instead.
                set(x: col, y: y, Cell(" ", style: style)); col += 1; break
            }
            set(x: col, y: y, Cell(String(ch), style: style))
            if w == 2 { set(x: col + 1, y: y, Cell("", style: style, isContinuation: true)) }
            lastLead = col
            col += w
        }
        return col
    }

    /// Sets one cell, keeping wide graphemes whole (see the type comment).
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let i = y * size.width + x
        let old = cells[i]
        if old.isContinuation, !cell.isContinuation, x > 0 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        }
        if !old.isContinuation, old.width == 2, x + 1 < size.width, !cell.isContinuation {
            let next = cells[i + 1]
            if next.isContinuation { cells[i + 1] = Cell(" ", style: next.style) }
        }
        cells[i] = cell
    }

    private mutating func attachMark(_ mark: Character, y: Int, lead: Int) {
        guard lead >= 0, lead < size.width else { return }
        var i = y * size.width + lead
        if cells[i].isContinuation, lead > 0 { i -= 1 }
        cells[i].symbol += String(mark)
    }

    /// Resizes, keeping the overlapping top-left content.
    public mutating func resize(to newSize: Size) {
        guard newSize != size else { return }
        var next = ScreenBuffer(size: newSize)
        for y in 0..<min(size.height, newSize.height) {
            for x in 0..<min(size.width, newSize.width) { next.cells[y * newSize.width + x] = self[x, y] }
            if newSize.width < size.width, newSize.width > 0 {
                // A wide character cut at the new right edge becomes a blank.
                let last = y * newSize.width + newSize.width - 1
                if next.cells[last].width == 2 { next.cells[last] = Cell(" ", style: next.cells[last].style) }
            }
        }
        self = next
    }

    /// The text of every row; continuation cells contribute nothing, so wide characters read naturally.
    public func lines() -> [String] {
        (0..<size.height).map { line($0) }
    }

    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<size.width where !self[x, y].isContinuation { s += self[x, y].symbol }
        return s
    }
}
