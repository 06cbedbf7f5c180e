/// One column of the screen. A wide grapheme (CJK, emoji) lives in its lead cell and marks the
/// next cell as a continuation, so the grid always has exactly `width` columns per row.
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster drawn here (combining marks included); empty for a continuation.
    public var symbol: String
    public var style: Style
    /// True for the right half of a wide grapheme that starts in the cell to the left.
    public var isContinuation: Bool

    public init(_ symbol: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.symbol = symbol; self.style = style; self.isContinuation = isContinuation
    }

    public static let blank = Cell()

    /// Display width of the lead symbol (0 for continuations).
    public var width: Int { isContinuation ? 0 : max(1, DisplayWidth.of(symbol)) }
}
