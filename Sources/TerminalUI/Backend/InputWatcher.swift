import CTermShim
import Dispatch
import Foundation
import Synchronization

/// A thread that only waits for stdin (or a resize) to become readable and then wakes the main
/// actor, which reads the input through curses. It never calls curses itself, so curses stays
/// single-threaded. After each wake it waits until the main actor has drained the input, so it does
/// not spin while bytes sit unread.
final class InputWatcher: Sendable {
    private let notifierFD: Int32
    private let wake: @Sendable () -> Void
    private let stopped = Atomic<Bool>(false)
    private let drainedSignal = DispatchSemaphore(value: 0)

    init(notifierFD: Int32, wake: @escaping @Sendable () -> Void) {
        self.notifierFD = notifierFD
        self.wake = wake
    }

    func start() {
        let thread = Thread { [self] in self.loop() }
        thread.name = "TerminalUI.InputWatcher"
        thread.start()
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
        drainedSignal.signal()
    }

    /// Called by the main actor after it has read everything available.
    func drained() { drainedSignal.signal() }

    private func loop() {
        while !stopped.load(ordering: .relaxed) {
            // A timeout bounds how long stop() waits; resizes also arrive through the notifier pipe.
            let r = ts_wait_input(notifierFD, 200)
            if r == 0 { continue }
            wake()
            if r == 3 { return }
            // Wait for the drain; the timeout covers a wake the runner coalesced away.
            _ = drainedSignal.wait(timeout: .now() + .milliseconds(250))
        }
    }
}
