/// How much space one part of a split asks for.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (shrunk only when the parent is too small).
    case fixed(Int)
    /// This percentage of the parent's length.
    case percentage(Int)
    /// At least this many cells; grows to share the leftover space.
    case min(Int)
    /// Grows to share the leftover space, but never past this many cells.
    case max(Int)
    /// Shares the leftover space with the other flexible parts (like `.min(0)`).
    public static let fill = Constraint.min(0)
}

/// Which way a split cuts: `.horizontal` puts parts side by side, `.vertical` stacks them.
public enum Direction: Sendable { case horizontal, vertical }
