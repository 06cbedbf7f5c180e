import TerminalUI

/// One screen of the app, Elm style: all its state in `State`, every change through `update`,
/// drawing in `view` (no I/O there). The shell routes input to the active screen, lifts its
/// commands into app messages and carries out its `AppRequest`s.
///
/// Each screen also has a `static func start(…) -> (State, Command<Msg>)` of its own shape
/// (what it needs to open), which loads its data with a task.
public protocol Screen: SendableMetatype {
    associatedtype State: Sendable
    associatedtype Msg: Sendable

    /// Input the screen wants; nil hands the event back to the shell (globals, and Esc = back).
    /// Esc should return a message only when the screen has something to close or stop first.
    static func message(for event: InputEvent, in state: State) -> Msg?
    static func update(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg>
    static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext)
    /// The screen and where the text cursor shows (only where typing goes; nil hides it), in one
    /// pass: what the shell calls each frame, so a screen is never laid out twice per frame.
    /// The default draws `view` and shows no cursor.
    static func draw(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) -> Point?
    /// True while printable keys belong to a text field: the shell then leaves `q`, `:`, `?` alone.
    static func isTyping(_ state: State) -> Bool
    /// The few keys that matter now, for the footer; the first names what Esc does next.
    static func hints(_ state: State) -> [(key: String, label: String)]
    /// Actions the command palette offers on this screen.
    static func actions(_ state: State) -> [ScreenAction<Msg>]
    /// Work that quitting would interrupt ("critique round 2/5"), for the quit dialog; nil if idle.
    static func runningWork(_ state: State) -> String?
    /// The message the screen gets when it comes back on top (the screen above it closed, or it was
    /// navigated to again), so what it shows is fresh (e.g. the Dashboard's recent sessions after a
    /// critique); nil: nothing to refresh.
    static func reappeared(_ state: State) -> Msg?
    /// Called once when the screen is discarded (popped, or the user signs out): close feeds,
    /// cancel streams. Not called when another screen is pushed on top of it.
    static func leave(_ state: State)
}

extension Screen {
    public static func draw(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) -> Point? {
        view(state, in: area, into: &buffer, look)
        return nil
    }
    public static func isTyping(_ state: State) -> Bool { false }
    public static func hints(_ state: State) -> [(key: String, label: String)] { [] }
    public static func actions(_ state: State) -> [ScreenAction<Msg>] { [] }
    public static func runningWork(_ state: State) -> String? { nil }
    public static func reappeared(_ state: State) -> Msg? { nil }
    public static func leave(_ state: State) {}
}

/// What `view` may use besides the state: the theme and the user's display preferences.
public struct ViewContext: Sendable {
    public var theme: Theme
    /// No spinners or animation: static text instead ("running 3/5").
    public var reduceMotion: Bool

    public init(theme: Theme = .fallback, reduceMotion: Bool = false) {
        self.theme = theme
        self.reduceMotion = reduceMotion
    }
}
