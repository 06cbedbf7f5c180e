import Foundation
import TerminalUI

/// The whole app's state: the screen stack (the top one is shown; the ones below keep their
/// state, so going back never loses an unsaved edit), the overlays, toasts and the activity log.
public struct AppState: Sendable {
    public let context: AppContext
    public internal(set) var session: UserSession?
    var stack: [any MountedScreen] = []
    var nextMountId = 1
    var look: ViewContext
    var keymap: Keymap
    var palette: CommandPalette?
    var help: HelpOverlay?
    var quitPrompt: QuitPrompt?
    /// Quit as soon as no screen reports running work (the quit dialog's `w`).
    var quitWhenIdle = false
    var toasts: [(id: Int, toast: Toast)] = []
    var nextToastId = 1
    public internal(set) var log = LogViewState(capacity: 500)
    var showLog = false
    /// A first Ctrl-C asked to quit; a second within 2 s confirms.
    var ctrlCArmed = false
    /// The terminal's size, told to each screen as it opens and on every resize.
    public var size: Size?
    /// Shown once in the status line (e.g. the terminal type fell back to xterm-256color).
    var notice: String?

    public init(context: AppContext, look: ViewContext, keymap: Keymap = .standard, notice: String? = nil) {
        self.context = context
        self.look = look
        self.keymap = keymap
        self.notice = notice
    }

    var top: (any MountedScreen)? { stack.last }
    public var route: Route? { stack.last?.route }
    var env: ScreenEnvironment { ScreenEnvironment(app: context, session: session, look: look) }

    /// Every running job across the stack, for the quit dialog.
    var runningWork: [String] { stack.compactMap(\.runningWork) }
}

/// The quit confirmation: names the work that would be interrupted.
struct QuitPrompt: Sendable {
    var work: [String]
    var dialog: Dialog {
        Dialog(title: "Quit Plansmith?",
               message: "Still running: " + work.joined(separator: "; ")
                   + ". y: stop it and quit · w: quit when it ends · n/esc: stay",
               choices: [Dialog.Choice(.char("y"), "quit now"), Dialog.Choice(.char("w"), "when done"),
                         Dialog.Choice(.char("n"), "stay")])
    }
}
