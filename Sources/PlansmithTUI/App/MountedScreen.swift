import TerminalUI

/// A screen on the shell's stack with its state, behind one interface so the shell needs no
/// per-screen code: adding a screen is one line in `ScreenFactory`.
protocol MountedScreen: Sendable {
    var mountId: Int { get }
    var route: Route { get }
    func message(for event: InputEvent) -> AppMsg?
    /// Applies `message` if it is this screen's (else returns nil and changes nothing).
    mutating func update(_ message: any Sendable, _ env: ScreenEnvironment) -> ScreenStep<AppMsg>?
    /// Draws the screen; returns where the cursor goes.
    func draw(in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) -> Point?
    var isTyping: Bool { get }
    var hints: [(key: String, label: String)] { get }
    var actions: [ScreenAction<AppMsg>] { get }
    var runningWork: String? { get }
    /// What the screen wants to hear when it is on top again (see `Screen.reappeared`).
    var reappeared: AppMsg? { get }
    func leave()
}

struct Mounted<S: Screen>: MountedScreen {
    let mountId: Int
    let route: Route
    var state: S.State

    /// Opens a screen: its first state and its start command, lifted into app messages.
    static func open(_ screen: S.Type, route: Route, mountId: Int,
                     _ start: () -> (S.State, Command<S.Msg>)) -> (any MountedScreen, Command<AppMsg>) {
        let (state, command) = start()
        return (Mounted(mountId: mountId, route: route, state: state), command.map { AppMsg.screen(mount: mountId, message: $0) })
    }

    private func lift(_ msg: S.Msg) -> AppMsg { .screen(mount: mountId, message: msg) }

    func message(for event: InputEvent) -> AppMsg? { S.message(for: event, in: state).map(lift) }

    mutating func update(_ message: any Sendable, _ env: ScreenEnvironment) -> ScreenStep<AppMsg>? {
        guard let msg = message as? S.Msg else { return nil }
        let step = S.update(&state, msg, env)
        let id = mountId
        return ScreenStep(step.command.map { AppMsg.screen(mount: id, message: $0) }, requests: step.requests)
    }

    func draw(in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) -> Point? {
        S.draw(state, in: area, into: &buffer, look)
    }
    var isTyping: Bool { S.isTyping(state) }
    var hints: [(key: String, label: String)] { S.hints(state) }
    var actions: [ScreenAction<AppMsg>] { S.actions(state).map { $0.map(lift) } }
    var runningWork: String? { S.runningWork(state) }
    var reappeared: AppMsg? { S.reappeared(state).map(lift) }
    func leave() { S.leave(state) }
}
