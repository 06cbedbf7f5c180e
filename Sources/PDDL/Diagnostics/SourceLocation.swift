/// A position in a source file: 1-based line and column (in bytes), 0-based byte offset.
///
/// Stored as 32-bit values: input files are capped well below 4 GiB (see `SourceText.maximumSize`),
/// and AST nodes carry two of these, so the smaller layout halves the memory of a large problem's AST.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var offset: UInt32
    public var line: UInt32
    public var column: UInt32

    public init(offset: Int, line: Int, column: Int) {
        self.offset = UInt32(truncatingIfNeeded: offset)
        self.line = UInt32(truncatingIfNeeded: line)
        self.column = UInt32(truncatingIfNeeded: column)
    }

    public static let start = SourceLocation(offset: 0, line: 1, column: 1)

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.offset < b.offset }
    public var description: String { "\(line):\(column)" }
}

/// A half-open byte range `[start, end)` in one source file.
///
/// Equality deliberately ignores the positions: two AST nodes are equal when their content is,
/// wherever they were written. That is what "`parse(fmt(x))` equals `parse(x)`" means, and it
/// lets every node keep its range without a separate range-free copy of the tree.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    public static let unknown = SourceRange(start: .start, end: .start)

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    public var length: Int { Int(end.offset) - Int(start.offset) }

    public static func == (_: SourceRange, _: SourceRange) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
    public var description: String { "\(start)-\(end)" }

    /// Positional equality, for tests and tools that care where a node sits.
    public func isSamePosition(as other: SourceRange) -> Bool {
        start == other.start && end == other.end
    }
}
