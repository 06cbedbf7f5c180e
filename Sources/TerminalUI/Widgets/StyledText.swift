/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
}

/// One line made of styled spans.
public typealias StyledLine = [Span]

extension ScreenBuffer {
    /// Writes spans one after another; returns the column after the last one.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, maxX: Int? = nil) -> Int {
        var col = x
        for span in line { col = put(span.text, x: col, y: y, style: span.style, maxX: maxX) }
        return col
    }
}

/// Word wrapping by display width (wide characters count 2), keeping styles.
public enum TextWrap {
    /// Wraps plain text; explicit newlines start new lines; words longer than `width` are broken.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap([Span(text)], width: width).map { $0.map(\.text).joined() }
    }

    /// Wraps styled text at spaces; the space at a break is dropped.
    public static func wrap(_ line: StyledLine, width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var glyphs: [(Character, Style)] = []
        for span in line { for ch in span.text { glyphs.append((ch, span.style)) } }
        var result: [StyledLine] = []
        var start = 0
        while start <= glyphs.count {
            var col = 0, i = start, lastSpace = -1
            while i < glyphs.count, glyphs[i].0 != "\n" {
                let w = DisplayWidth.of(glyphs[i].0)
                if col + w > width { break }
                if glyphs[i].0 == " " { lastSpace = i }
                col += w; i += 1
            }
            var end = i, next = i
            if i < glyphs.count, glyphs[i].0 == "\n" { next = i + 1 }
            else if i < glyphs.count {
                if glyphs[i].0 == " " { next = i + 1 }
                else if lastSpace > start { end = lastSpace; next = lastSpace + 1 }
                else if i == start { end = i + 1; next = i + 1 }     // a glyph wider than the line
            } else { next = glyphs.count + 1 }
            result.append(spans(glyphs[start..<end]))
            start = next
        }
        return result
    }

    static func spans(_ glyphs: ArraySlice<(Character, Style)>) -> StyledLine {
        var out: StyledLine = []
        for (ch, style) in glyphs {
            if let last = out.last, last.style == style { out[out.count - 1].text.append(ch) }
            else { out.append(Span(String(ch), style)) }
        }
        return out
    }

    /// `text` cut to `width` columns, with `…` when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 0 else { return "" }
        var out = "", col = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if col + w > width - 1 { break }
            out.append(ch); col += w
        }
        return out + "…"
    }
}
