/// A compact text rendering of the styles of a buffer, for snapshot tests where style carries
/// meaning (focus, selection): one character per column.
extension ScreenBuffer {
    /// `.` plain, `R` reverse, `B` bold, `U` underline, `D` dim, `C` coloured only;
    /// when several apply, the first in the order R B U D C wins.
    public func styleLines() -> [String] {
        (0..<size.height).map { y in
            String((0..<size.width).map { x -> Character in
                let s = self[x, y].style
                if s.reverse { return "R" }
                if s.bold { return "B" }
                if s.underline { return "U" }
                if s.dim { return "D" }
                if s.fg != .default || s.bg != .default { return "C" }
                return "."
            })
        }
    }
}
