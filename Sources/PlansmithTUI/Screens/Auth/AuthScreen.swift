import Foundation
import PlansmithCore
import TerminalUI

/// Log in or register: email + password (+ confirmation when registering). Errors show under
/// the form in words; the typed email is kept whatever happens.
public enum AuthScreen: Screen {
    public enum Mode: Sendable { case login, register }

    public struct State: Sendable {
        public internal(set) var mode: Mode
        var fields: [TextInputState]
        var focus = 0
        public internal(set) var error: String?
        public internal(set) var busy = false

        var email: String { fields[0].text.trimmingCharacters(in: .whitespaces) }
        var password: String { fields[1].text }
    }

    public enum Msg: Sendable {
        case input(InputEvent)
        case switchMode
        case submit
        case finished(Result<UserSession, AuthFailure>)
    }

    /// A failed attempt, already in words for the form.
    public struct AuthFailure: Error, Sendable { public var message: String }

    public static func start(mode: Mode, env: ScreenEnvironment) -> (State, Command<Msg>) {
        (State(mode: mode, fields: Array(repeating: TextInputState(), count: mode == .login ? 2 : 3)), .none)
    }

    public static func message(for event: InputEvent, in state: State) -> Msg? {
        if case .key(let key) = event {
            switch key {
            case .ctrl("r"): return .switchMode
            case .escape: return nil
            default: break
            }
        }
        return state.busy ? nil : .input(event)
    }

    public static func update(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch msg {
        case .switchMode:
            let email = state.fields[0]
            state = start(mode: state.mode == .login ? .register : .login, env: env).0
            state.fields[0] = email
        case .input(let event):
            return handle(&state, event, env)
        case .submit:
            return submit(&state, env)
        case .finished(.success(let session)):
            state.busy = false
            return .request(.signedIn(session))
        case .finished(.failure(let failure)):
            state.busy = false
            state.error = failure.message
            state.fields[1] = TextInputState()
            if state.fields.count > 2 { state.fields[2] = TextInputState() }
            state.focus = 1
        }
        return .none
    }

    private static func handle(_ state: inout State, _ event: InputEvent, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch event {
        case .key(.tab), .key(.down):
            state.focus = (state.focus + 1) % state.fields.count
        case .key(.backTab), .key(.up):
            state.focus = (state.focus + state.fields.count - 1) % state.fields.count
        case .key(.enter):
            // Enter moves to the next empty field, and submits from a filled form. (Not passed to
            // the field: a submitted TextInputState clears itself, like a chat prompt.)
            if let empty = state.fields.indices.first(where: { state.fields[$0].text.isEmpty }) {
                state.focus = empty
            } else {
                return submit(&state, env)
            }
        default:
            if state.fields[state.focus].handle(event) == .handled { state.error = nil }
        }
        return .none
    }

    private static func submit(_ state: inout State, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        if let problem = formProblem(state) {
            state.error = problem
            return .none
        }
        state.busy = true
        state.error = nil
        let accounts = env.services.accounts, email = state.email, password = state.password, mode = state.mode
        return .command(.task {
            do {
                let signedIn = mode == .login
                    ? try await accounts.login(email: email, password: password)
                    : try await accounts.register(email: email, password: password)
                return .finished(.success(UserSession(signedIn)))
            } catch {
                return .finished(.failure(AuthFailure(message: describe(AppError.from(error), mode: mode))))
            }
        })
    }

    /// Checked before anything is sent to the store, so the common mistakes answer at once.
    static func formProblem(_ state: State) -> String? {
        if state.email.isEmpty { return "Enter your email address." }
        if !state.email.contains("@") { return "'\(state.email)' is not an email address (it needs an @)." }
        if state.password.isEmpty { return "Enter your password." }
        if state.mode == .register {
            if state.password.count < 8 { return "Choose a password of at least 8 characters." }
            if state.fields[2].text != state.password { return "The two passwords differ; type them again." }
        }
        return nil
    }

    static func describe(_ error: AppError, mode: Mode) -> String {
        switch error.kind {
        case .invalidCredentials: "Wrong email or password."
        case .tooManyAttempts: "Too many failed attempts; try again in \(error.retryAfter ?? 1) s."
        case .conflict: mode == .register ? "An account with this email exists; log in instead (ctrl-r)." : error.message
        default: error.message
        }
    }
}
