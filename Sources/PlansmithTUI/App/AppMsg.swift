import TerminalUI

/// Everything the shell reacts to. A screen's own messages travel boxed, tagged with the mount
/// they belong to, so a late reply for a screen that was closed is dropped instead of landing on
/// whatever screen is showing now.
public enum AppMsg: Sendable {
    case input(InputEvent)
    case screen(mount: Int, message: any Sendable)
    case toastExpired(id: Int)
    /// A second Ctrl-C is no longer "within 2 s".
    case ctrlCWindowClosed
}
