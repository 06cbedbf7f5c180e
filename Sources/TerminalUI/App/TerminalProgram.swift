/// An Elm-style program: all state in `State`, every change through `update`, drawing in `view`.
/// The runner owns the loop; `update` stays pure and asks for work by returning `Command`s.
public protocol TerminalProgram: SendableMetatype {
    associatedtype State
    associatedtype Msg: Sendable

    /// Translates terminal input into a message (nil ignores the event).
    static func message(for event: InputEvent, in state: State) -> Msg?
    static func update(_ state: inout State, _ msg: Msg) -> Command<Msg>
    static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer)
    /// Where the text cursor should show (only where typing goes), or nil to hide it.
    static func cursor(for state: State, in area: Rect) -> Point?
    /// One frame and its cursor in a single pass: what the runner calls. The default draws with
    /// `view` and asks `cursor`; a program whose cursor falls out of drawing (an editor) returns
    /// it from here instead of laying the screen out twice.
    static func draw(_ state: State, in area: Rect, into buffer: inout ScreenBuffer) -> Point?
}

extension TerminalProgram {
    public static func cursor(for state: State, in area: Rect) -> Point? { nil }

    public static func draw(_ state: State, in area: Rect, into buffer: inout ScreenBuffer) -> Point? {
        view(state, in: area, into: &buffer)
        return cursor(for: state, in: area)
    }
}

/// Work `update` asks the runner to do.
public struct Command<Msg: Sendable>: Sendable {
    enum Kind: Sendable {
        case none, quit, redraw, suspend
        case copy(String)
        case task(@Sendable () async -> Msg?)
        case batch([Command<Msg>])
    }
    let kind: Kind

    public static var none: Command { Command(kind: .none) }
    /// Stops the runner after this update (the terminal is restored by the caller's shutdown).
    public static var quit: Command { Command(kind: .quit) }
    /// Repaints every cell on the next frame (Ctrl-L).
    public static var redraw: Command { Command(kind: .redraw) }
    /// Ctrl-Z: gives the terminal back to the shell until `fg`, then repaints (a no-op on the
    /// virtual backend).
    public static var suspend: Command { Command(kind: .suspend) }
    /// Puts `text` on the terminal's clipboard (OSC 52), which also works over SSH where the
    /// terminal allows it.
    public static func copyToClipboard(_ text: String) -> Command { Command(kind: .copy(text)) }
    /// Runs `work` off the main actor; its result (if any) comes back as a message.
    public static func task(_ work: @escaping @Sendable () async -> Msg?) -> Command { Command(kind: .task(work)) }
    /// Delivers `msg` after `delay` (timers, spinner ticks, toast expiry).
    public static func after(_ delay: Duration, _ msg: Msg) -> Command {
        .task { try? await Task.sleep(for: delay); return msg }
    }
    public static func batch(_ commands: [Command]) -> Command { Command(kind: .batch(commands)) }

    /// The same work, its messages wrapped by `transform`: how a composed program lifts a child
    /// screen's commands into its own message type.
    public func map<T: Sendable>(_ transform: @escaping @Sendable (Msg) -> T) -> Command<T> {
        switch kind {
        case .none: return .none
        case .quit: return .quit
        case .redraw: return .redraw
        case .suspend: return .suspend
        case .copy(let text): return .copyToClipboard(text)
        case .batch(let list): return .batch(list.map { $0.map(transform) })
        case .task(let work): return .task { await work().map(transform) }
        }
    }

    /// Walks the work in this command, for code that runs commands itself (test drivers).
    public func visit(quit: () -> Void = {}, redraw: () -> Void = {},
                      task: (@escaping @Sendable () async -> Msg?) -> Void) {
        switch kind {
        case .none, .suspend, .copy: break
        case .quit: quit()
        case .redraw: redraw()
        case .batch(let list): list.forEach { $0.visit(quit: quit, redraw: redraw, task: task) }
        case .task(let work): task(work)
        }
    }

    /// True when the command asks for nothing (lets a parent skip empty batches).
    public var isNone: Bool { if case .none = kind { true } else { false } }
}
