/// A terminal colour: the terminal's default, or an index into the 256-colour palette
/// (0–7 standard, 8–15 bright, 16–231 the 6×6×6 cube, 232–255 greys).
public enum Color: Hashable, Sendable {
    case `default`
    case indexed(UInt8)

    public static let black = Color.indexed(0), red = Color.indexed(1), green = Color.indexed(2)
    public static let yellow = Color.indexed(3), blue = Color.indexed(4), magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6), white = Color.indexed(7)
    public static let brightBlack = Color.indexed(8), brightWhite = Color.indexed(15)
}

/// How a cell looks: colours plus the attributes every terminal (even monochrome) can show.
/// Blink is deliberately absent (accessibility: nothing blinks).
public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false,
                underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold
        self.underline = underline; self.reverse = reverse; self.dim = dim
    }

    public static let plain = Style()

    public func bolded() -> Style { var s = self; s.bold = true; return s }
    public func reversed() -> Style { var s = self; s.reverse.toggle(); return s }
    public func underlined() -> Style { var s = self; s.underline = true; return s }
    public func dimmed() -> Style { var s = self; s.dim = true; return s }

    /// Lays `other` on top: its non-default colours and any attribute it sets win.
    public func patched(with other: Style) -> Style {
        Style(fg: other.fg == .default ? fg : other.fg,
              bg: other.bg == .default ? bg : other.bg,
              bold: bold || other.bold, underline: underline || other.underline,
              reverse: reverse != other.reverse, dim: dim || other.dim)
    }
}
