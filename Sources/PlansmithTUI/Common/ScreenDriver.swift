import TerminalUI

/// Runs one screen without a terminal, for tests: input goes through `message(for:)` and
/// `update` as in the app, tasks really run, and their messages are applied in arrival order.
/// `requests` collects what the screen asked of the shell.
@MainActor
public final class ScreenDriver<S: Screen> {
    public private(set) var state: S.State
    public var env: ScreenEnvironment
    public private(set) var requests: [AppRequest] = []
    public private(set) var tasksInFlight = 0
    /// A finished task's result, or the settle timeout's alarm.
    private enum Arrival: Sendable { case alarm, result(S.Msg?) }
    private let stream: AsyncStream<Arrival>
    private let continuation: AsyncStream<Arrival>.Continuation
    private var iterator: AsyncStream<Arrival>.Iterator

    public init(_ screen: S.Type, state: S.State, command: Command<S.Msg> = .none, env: ScreenEnvironment) {
        self.state = state
        self.env = env
        (stream, continuation) = AsyncStream.makeStream(of: Arrival.self)
        iterator = stream.makeAsyncIterator()
        run(command)
    }

    /// One input event, as the shell would route it; returns false when the screen did not want it.
    @discardableResult
    public func send(_ event: InputEvent) -> Bool {
        guard let msg = S.message(for: event, in: state) else { return false }
        dispatch(msg)
        return true
    }

    public func press(_ keys: Key...) { for key in keys { send(.key(key)) } }

    /// Types text key by key (as a user would, not as a paste).
    public func type(_ text: String) {
        for c in text { send(.key(c == "\n" ? .enter : .char(c))) }
    }

    public func dispatch(_ msg: S.Msg) {
        let step = S.update(&state, msg, env)
        requests += step.requests
        run(step.command)
    }

    /// Applies task results until `condition` holds; false if `timeout` passes first.
    /// Without a condition it waits until no task is running.
    @discardableResult
    public func settle(timeout: Duration = .seconds(20), until condition: ((S.State) -> Bool)? = nil) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        let c = continuation
        let alarm = Task { try? await Task.sleep(for: timeout); c.yield(.alarm) }
        defer { alarm.cancel() }
        while true {
            if let condition { if condition(state) { return true } } else if tasksInFlight == 0 { return true }
            var it = iterator
            let next = await it.next(isolation: MainActor.shared)
            iterator = it
            guard ContinuousClock.now < deadline, let arrival = next else { return false }
            guard case .result(let produced) = arrival else { continue }
            tasksInFlight -= 1
            if let msg = produced { dispatch(msg) }
        }
    }

    /// The screen drawn into a fresh buffer of this size.
    public func render(width: Int = 100, height: Int = 30) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        _ = S.draw(state, in: buffer.area, into: &buffer, env.look)
        return buffer
    }

    /// The rendered screen as text, one line per row (for `contains` checks in tests).
    public func screenText(width: Int = 100, height: Int = 30) -> String {
        render(width: width, height: height).lines().joined(separator: "\n")
    }

    private func run(_ command: Command<S.Msg>) {
        let c = continuation
        command.visit(task: { work in
            tasksInFlight += 1
            Task.detached { c.yield(.result(await work())) }
        })
    }
}
