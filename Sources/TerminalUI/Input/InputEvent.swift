/// A mouse report: position in cells and what happened.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, release, rightPress, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}

/// Everything a terminal can tell the program.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// A whole bracketed paste as one event: its text must never trigger key bindings.
    case paste(String)
    case mouse(MouseEvent)
    /// The terminal now has this size; the next frame is drawn at it.
    case resize(Size)
}
