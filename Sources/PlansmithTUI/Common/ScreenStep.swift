import Critique
import PlansmithCore
import TerminalUI

/// What a screen's `update` returns: work for the runner (its own messages come back to it) and
/// requests only the app shell can carry out (moving to another screen, showing a toast).
public struct ScreenStep<Msg: Sendable>: Sendable {
    public var command: Command<Msg>
    public var requests: [AppRequest]

    public init(_ command: Command<Msg> = .none, requests: [AppRequest] = []) {
        self.command = command
        self.requests = requests
    }

    public static var none: ScreenStep { ScreenStep() }
    public static func command(_ command: Command<Msg>) -> ScreenStep { ScreenStep(command) }
    public static func request(_ requests: AppRequest...) -> ScreenStep { ScreenStep(requests: requests) }
}

/// Things a screen asks of the shell.
public enum AppRequest: Sendable {
    case navigate(Route)
    /// Back to the previous screen (or Dashboard / Landing when there is none).
    case back
    /// A toast (also written to the activity log so it can be read again).
    case toast(Toast.Kind, String)
    /// A line for the activity log only.
    case log(LogEntry.Level, String)
    /// A user signed in or registered: the shell keeps the session and opens Dashboard.
    case signedIn(UserSession)
    case signOut
    /// Settings changed (already saved by the Settings screen): the shell applies theme etc.
    case preferencesChanged(Preferences)
    /// The user chose another workspace to work in (already saved in the preferences): new
    /// domains go there and the Dashboard lists its domains.
    case workspaceChanged(WorkspaceInfo)
    /// Quit (the shell asks for confirmation when work is running).
    case quit
    /// Put text on the terminal's clipboard (OSC 52) and say so.
    case copy(String, what: String)
}

/// An action a screen offers in the command palette.
public struct ScreenAction<Msg: Sendable>: Sendable {
    public var title: String
    /// The key that does the same, shown beside the title ("ctrl-s").
    public var keyHint: String
    public var msg: Msg

    public init(_ title: String, key keyHint: String = "", _ msg: Msg) {
        self.title = title
        self.keyHint = keyHint
        self.msg = msg
    }

    public func map<T: Sendable>(_ transform: (Msg) -> T) -> ScreenAction<T> {
        ScreenAction<T>(title, key: keyHint, transform(msg))
    }
}
