import CNcursesw
import CTermShim

extension NcursesBackend {
    public func pendingEvents() -> [InputEvent] {
        var events: [InputEvent] = []
        var wch: wint_t = 0
        while true {
            let r = get_wch(&wch)
            if r == ERR { break }
            if r == KEY_CODE_YES {
                if let event = event(forKeyCode: Int32(wch)) { events.append(event) }
            } else if wch == 27 {
                // Esc immediately followed by a character is Alt+character (ncurses already waited ESCDELAY).
                var next: wint_t = 0
                if get_wch(&next) == OK, let k = NcursesKeyDecoder.key(forCharacter: UInt32(next)) {
                    events.append(.key(Key(k.code, k.modifiers.union(.alt))))
                } else {
                    events.append(.key(.escape))
                }
            } else if let key = NcursesKeyDecoder.key(forCharacter: UInt32(wch)) {
                events.append(.key(key))
            }
        }
        watcher?.drained()
        return events
    }

    private func event(forKeyCode code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE: return .resize(size)
        case KEY_MOUSE: return mouseEvent()
        case KEY_MAX + 1: return .paste(readPaste())
        default: return decoder.key(forKeyCode: code).map { .key($0) }
        }
    }

    /// Collects everything up to the paste-end marker into one string. CR (what terminals send for a
    /// newline) becomes "\n". A paste whose end marker never comes ends after 1 s of silence.
    private func readPaste() -> String {
        var scalars = String.UnicodeScalarView()
        var wch: wint_t = 0
        wtimeout(ts_stdscr(), 1000)
        defer { nodelay(ts_stdscr(), true) }
        while true {
            let r = get_wch(&wch)
            if r == ERR { break }
            if r == KEY_CODE_YES {
                if Int32(wch) == KEY_MAX + 2 { break }
                if Int32(wch) == KEY_ENTER { scalars.append("\n") }
                continue
            }
            if wch == 13 { scalars.append("\n"); continue }
            if let s = Unicode.Scalar(UInt32(wch)) { scalars.append(s) }
        }
        return String(scalars)
    }

    private func mouseEvent() -> InputEvent? {
        var ev = MEVENT()
        guard getmouse(&ev) == OK else { return nil }
        let state = UInt(ev.bstate)
        let kind: MouseEvent.Kind
        if state & UInt(ts_button4_pressed()) != 0 { kind = .wheelUp }
        else if state & UInt(ts_button5_pressed()) != 0 { kind = .wheelDown }
        else if state & UInt(ts_button1_pressed() | ts_button1_clicked()) != 0 { kind = .press }
        else if state & UInt(ts_button1_released()) != 0 { kind = .release }
        else if state & UInt(ts_button3_pressed()) != 0 { kind = .rightPress }
        else { return nil }
        return .mouse(MouseEvent(kind, x: Int(ev.x), y: Int(ev.y)))
    }

    public func startWatching(_ wake: @escaping @Sendable () -> Void) {
        guard watcher == nil else { return }
        let w = InputWatcher(notifierFD: ts_install_winch_notifier(), wake: wake)
        watcher = w
        w.start()
    }

    public func stopWatching() {
        watcher?.stop()
        watcher = nil
    }
}
