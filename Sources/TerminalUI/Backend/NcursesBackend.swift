import CNcursesw
import CTermShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw. Owned by the main actor: only it calls into curses.
///
/// Start-up follows docs/tui-conventions.md: locale first, raw + noecho + nonl + keypad, a short
/// Esc delay, the terminal's default colours, click/wheel mouse, bracketed paste and the alternate
/// screen. The terminal is restored by `shutdown()`, and by C signal handlers on SIGINT, SIGTERM,
/// SIGHUP and crash signals.
@MainActor
public final class NcursesBackend: Backend, EventSource {
    public struct Options: Sendable {
        public var mouse = true
        /// Overrides detection (`--no-color` passes `.monochrome`).
        public var colorTier: ColorTier?
        public var environment: [String: String]
        public init(mouse: Bool = true, colorTier: ColorTier? = nil, environment: [String: String]) {
            self.mouse = mouse; self.colorTier = colorTier; self.environment = environment
        }
    }

    public enum StartError: Error, Sendable, CustomStringConvertible {
        case unknownTerminal(String)
        public var description: String {
            switch self {
            case .unknownTerminal(let t):
                return "terminal type '\(t)' is not usable; use the CLI subcommands or set TERM=xterm-256color"
            }
        }
    }

    public let colorTier: ColorTier
    public let isUTF8: Bool
    /// Set when TERM had no terminfo entry and xterm-256color was used instead (shown once by the app).
    public private(set) var fallbackWarning: String?
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    var decoder = NcursesKeyDecoder()
    var watcher: InputWatcher?
    private var active = true
    private var frameHasUpdates = false

    private struct PairKey: Hashable { var fg: Int; var bg: Int }
    private static let pasteBegin = KEY_MAX + 1
    private static let pasteEnd = KEY_MAX + 2

    public init(options: Options) throws {
        setlocale(LC_ALL, "")
        isUTF8 = ts_locale_is_utf8() != 0
        ts_install_restore_handlers()
        let requested = options.environment["TERM"] ?? ""
        var screen: OpaquePointer? = nil
        if requested != "dumb", !requested.isEmpty {
            screen = newterm(requested, fdopen(1, "w"), fdopen(0, "r"))
        }
        if screen == nil, requested != "dumb" {
            screen = newterm("xterm-256color", fdopen(1, "w"), fdopen(0, "r"))
            if screen != nil { fallbackWarning = "no terminfo for TERM='\(requested)'; using xterm-256color" }
        }
        guard screen != nil else { throw StartError.unknownTerminal(requested) }
        ts_set_restore_armed(1)
        raw(); noecho(); nonl()
        keypad(ts_stdscr(), true)
        nodelay(ts_stdscr(), true)
        let escDelay = options.environment["ESCDELAY"].flatMap { Int32($0) } ?? 25
        set_escdelay(escDelay)
        curs_set(0)
        var tier = options.colorTier ?? ColorTier.detect(environment: options.environment,
                                                        terminalColors: has_colors() ? Int(ts_colors()) : 0)
        if tier != .monochrome, has_colors() {
            start_color()
            use_default_colors()
        } else {
            tier = .monochrome
        }
        colorTier = tier
        if options.mouse {
            var old: mmask_t = 0
            let mask = ts_button1_pressed() | ts_button1_released() | ts_button3_pressed()
                | ts_button4_pressed() | ts_button5_pressed()
            mousemask(mmask_t(mask), &old)
            mouseinterval(0)
        }
        define_key("\u{1b}[200~", NcursesBackend.pasteBegin)
        define_key("\u{1b}[201~", NcursesBackend.pasteEnd)
        var nextCode = NcursesBackend.pasteEnd + 1
        for (sequence, key) in NcursesKeyDecoder.modifiedSequences {
            var code = key_defined(sequence)
            if code <= 0 { define_key(sequence, nextCode); code = nextCode; nextCode += 1 }
            decoder.extended[code] = key
        }
        // Mouse reporting mode is left to ncurses (terminfo's XM/kmous): forcing SGR 1006 under a
        // TERM whose kmous is X10 (tmux-256color) would turn every click into stray keys.
        ts_write_raw("\u{1b}[?2004h")
        refresh()
    }

    /// Leaves curses and puts the terminal back as it was. Safe to call twice.
    public func shutdown() {
        guard active else { return }
        active = false
        stopWatching()
        ts_write_raw("\u{1b}[?2004l")
        curs_set(1)
        endwin()
        ts_set_restore_armed(0)
    }

    /// Ctrl-Z in raw mode: leave curses, stop, and redraw everything on resume.
    public func suspend() {
        ts_suspend()
        invalidate()
    }

    public var size: Size {
        var h: Int32 = 0, w: Int32 = 0
        ts_getmaxyx(ts_stdscr(), &h, &w)
        return Size(width: Int(w), height: Int(h))
    }

    public func draw(_ updates: [CellUpdate]) {
        if !updates.isEmpty { frameHasUpdates = true }
        var cchar = cchar_t()
        var chars = [wchar_t](repeating: 0, count: 6)
        for u in updates {
            var n = 0
            for scalar in u.cell.symbol.unicodeScalars where n < 5 {
                chars[n] = wchar_t(bitPattern: scalar.value); n += 1
            }
            if n == 0 { chars[0] = 32; n = 1 }
            chars[n] = 0
            let (attrs, pair) = attributes(for: u.cell.style)
            ts_set_cchar(&cchar, chars, attrs, pair)
            ts_mvadd_wch(Int32(u.y), Int32(u.x), &cchar)
        }
    }

    public func setCursor(_ position: Point?) {
        if let p = position {
            move(Int32(p.y), Int32(p.x)); curs_set(1)
        } else {
            curs_set(0)
        }
    }

    public func flush() {
        // Synchronized output (DEC mode 2026) makes the terminal show the frame at once; terminals
        // without it ignore the unknown mode. doupdate flushes curses' buffer before we end it.
        let wrap = frameHasUpdates
        frameHasUpdates = false
        if wrap { ts_write_raw("\u{1b}[?2026h") }
        wnoutrefresh(ts_stdscr())
        doupdate()
        if wrap { ts_write_raw("\u{1b}[?2026l") }
    }

    public func invalidate() {
        clearok(ts_stdscr(), true)
    }

    /// Writes an escape sequence curses does not know about, after flushing curses' own output.
    func writeRaw(_ sequence: String) {
        doupdate()
        ts_write_raw(sequence)
    }

    private func attributes(for style: Style) -> (Int32, Int32) {
        var attrs: Int32 = 0
        if style.bold { attrs |= ts_a_bold() }
        if style.underline { attrs |= ts_a_underline() }
        if style.reverse { attrs |= ts_a_reverse() }
        if style.dim { attrs |= ts_a_dim() }
        let fg = colorTier.map(style.fg) ?? -1
        let bg = colorTier.map(style.bg) ?? -1
        if fg == -1 && bg == -1 { return (attrs, 0) }
        let key = PairKey(fg: fg, bg: bg)
        if let pair = pairs[key] { return (attrs, pair) }
        guard nextPair < ts_color_pairs(), nextPair < Int32(Int16.max) else { return (attrs, 0) }
        init_pair(Int16(nextPair), Int16(fg), Int16(bg))
        pairs[key] = nextPair
        nextPair += 1
        return (attrs, nextPair - 1)
    }
}
