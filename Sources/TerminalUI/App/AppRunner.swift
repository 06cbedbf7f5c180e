/// Sends application messages into a running program from any task (bus events, stream chunks).
public struct MessageSender<Msg: Sendable>: Sendable {
    let deliver: @Sendable (Msg) -> Void
    public func send(_ msg: Msg) { deliver(msg) }
}

/// The single render loop: wakes on terminal input or on a message, updates the state, and draws
/// one diffed frame. Runs on the main actor, which is the only one that touches the backend.
///
/// Frames are capped at one per `minimumFrameInterval`: a burst of messages (a streaming reply,
/// live scoreboard rows) updates the state every time but draws once the interval has passed, so
/// a fast producer cannot flood the terminal. A wake after a quiet spell draws at once.
@MainActor
public final class AppRunner<P: TerminalProgram> {
    enum Wake: Sendable { case input, message(P.Msg), render }

    public private(set) var state: P.State
    public let terminal: Terminal
    /// Frames drawn so far (tests and benchmarks read it).
    public private(set) var framesDrawn = 0
    private let events: EventSource
    private let stream: AsyncStream<Wake>
    private let continuation: AsyncStream<Wake>.Continuation
    private var tasks: [Task<Void, Never>] = []
    private var quitting = false
    private var renderPending = false
    private var lastRender: ContinuousClock.Instant?
    /// Shortest time between two frames (about 60 fps by default).
    public var minimumFrameInterval: Duration = .milliseconds(16)

    public init(_ program: P.Type, state: P.State, backend: Backend, events: EventSource) {
        self.state = state
        self.terminal = Terminal(backend: backend)
        self.events = events
        (stream, continuation) = AsyncStream.makeStream(of: Wake.self)
    }

    /// Lets other tasks deliver messages; safe to copy anywhere.
    public nonisolated var sender: MessageSender<P.Msg> {
        let c = continuation
        return MessageSender { c.yield(.message($0)) }
    }

    /// Runs until a `Command.quit`; returns the final state. The caller shuts the backend down
    /// (in a `defer`, so a thrown error restores the terminal too).
    @discardableResult
    public func run() async -> P.State {
        let c = continuation
        events.startWatching { c.yield(.input) }
        defer {
            events.stopWatching()
            for t in tasks { t.cancel() }
        }
        render()
        for await wake in stream {
            switch wake {
            case .input:
                for event in events.pendingEvents() {
                    if case .resize = event { terminal.invalidate() }
                    if let msg = P.message(for: event, in: state) { apply(msg) }
                    if quitting { break }
                }
            case .message(let msg):
                apply(msg)
            case .render:
                renderPending = false
            }
            if quitting { break }
            renderSoon()
        }
        return state
    }

    private func apply(_ msg: P.Msg) {
        perform(P.update(&state, msg))
    }

    /// Runs `command` as if `update` had returned it (a program's start-up command).
    public func perform(_ command: Command<P.Msg>) {
        switch command.kind {
        case .none: break
        case .quit: quitting = true
        case .redraw: terminal.invalidate()
        case .suspend:
            (terminal.backend as? NcursesBackend)?.suspend()
            terminal.invalidate()
        case .copy(let text):
            (terminal.backend as? ClipboardBackend)?.copyToClipboard(text)
        case .batch(let list): list.forEach(perform)
        case .task(let work):
            let c = continuation
            tasks.removeAll { $0.isCancelled }
            tasks.append(Task.detached { if let msg = await work() { c.yield(.message(msg)) } })
        }
    }

    /// Draws now if the last frame is old enough, else makes sure one frame follows shortly.
    private func renderSoon() {
        let now = ContinuousClock.now
        if let last = lastRender, now - last < minimumFrameInterval {
            guard !renderPending else { return }
            renderPending = true
            let delay = minimumFrameInterval - (now - last)
            let c = continuation
            tasks.append(Task.detached { try? await Task.sleep(for: delay); c.yield(.render) })
            return
        }
        render()
    }

    private func render() {
        lastRender = ContinuousClock.now
        let area = Rect(size: terminal.backend.size)
        terminal.draw { buffer in P.draw(state, in: area, into: &buffer) }
        framesDrawn += 1
    }
}
