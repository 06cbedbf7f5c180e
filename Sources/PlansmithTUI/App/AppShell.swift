import TerminalUI

/// The Plansmith application as one `TerminalProgram`: routes input to the overlays, the globals
/// and the top screen; lifts screen commands into app messages; carries out screen requests.
public enum AppShell: TerminalProgram {
    public typealias State = AppState
    public typealias Msg = AppMsg

    /// Smallest terminal the app draws screens in; below it a "too small" note names both sizes.
    public static let minimumSize = Size(width: 40, height: 12)

    /// The first state: the Landing screen (the command-line contract's `plansmith`).
    public static func start(_ state: AppState) -> (AppState, Command<AppMsg>) {
        var state = state
        let command = navigate(&state, to: .landing, replacingAll: true)
        return (state, command)
    }

    public static func message(for event: InputEvent, in state: AppState) -> AppMsg? { .input(event) }

    public static func update(_ state: inout AppState, _ msg: AppMsg) -> Command<AppMsg> {
        let command: Command<AppMsg>
        switch msg {
        case .input(let event):
            command = handleInput(&state, event)
        case .screen(let mount, let message):
            command = deliver(&state, message, to: mount)
        case .toastExpired(let id):
            state.toasts.removeAll { $0.id == id }
            command = .none
        case .ctrlCWindowClosed:
            state.ctrlCArmed = false
            command = .none
        }
        if state.quitWhenIdle, state.runningWork.isEmpty { return .batch([command, .quit]) }
        return command
    }

    /// A screen's message goes to the mounted screen it belongs to, wherever it is on the stack.
    static func deliver(_ state: inout AppState, _ message: any Sendable, to mount: Int) -> Command<AppMsg> {
        guard let index = state.stack.lastIndex(where: { $0.mountId == mount }),
              let step = state.stack[index].update(message, state.env) else { return .none }
        return .batch([step.command] + step.requests.map { carryOut(&state, $0) })
    }


}
