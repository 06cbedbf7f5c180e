import Testing
@testable import TerminalUI

/// A counter program: keys and application messages both change state; `q` quits.
private enum Counter: TerminalProgram {
    struct State { var count = 0; var log: [String] = [] }
    enum Msg: Sendable { case key(Key), external(String), resized(Size), later }

    static func message(for event: InputEvent, in state: State) -> Msg? {
        switch event {
        case .key(let k): return .key(k)
        case .resize(let s): return .resized(s)
        default: return nil
        }
    }

    static func update(_ state: inout State, _ msg: Msg) -> Command<Msg> {
        switch msg {
        case .key(.char("q")): return .quit
        case .key(.char("t")): return .after(.milliseconds(5), .later)
        case .key: state.count += 1
        case .external(let s): state.log.append(s)
        case .resized(let s): state.log.append("resized \(s)")
        case .later: state.log.append("timer")
        }
        return .none
    }

    static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer) {
        buffer.put("count \(state.count) last \(state.log.last ?? "-") \(state.log.joined(separator: ","))", x: 0, y: 0)
    }
}

@Suite("App runner")
@MainActor
struct AppRunnerTests {
    @Test("input events and messages from other tasks both reach update and reach the screen")
    func inputAndMessages() async {
        let backend = VirtualBackend(width: 40, height: 2)
        let runner = AppRunner(Counter.self, state: .init(), backend: backend, events: backend)
        let sender = runner.sender
        backend.type("ab")
        let external = Task.detached {
            sender.send(.external("bus"))
            await backend.type("t")
            // Quit only once the timer's message has been drawn (deadline, not a fixed sleep).
            let deadline = ContinuousClock.now + .seconds(5)
            while ContinuousClock.now < deadline, await !backend.buffer.line(0).contains("last timer") {
                try? await Task.sleep(for: .milliseconds(5))
            }
            await backend.type("q")
        }
        let final = await runner.run()
        await external.value
        #expect(final.count == 2)
        #expect(final.log == ["bus", "timer"])
        #expect(backend.buffer.line(0).hasPrefix("count 2 last timer bus,timer"))
        #expect(runner.framesDrawn >= 2)
    }

    @Test("a resize event reaches the program and the next frame is drawn at the new size")
    func resize() async {
        let backend = VirtualBackend(width: 30, height: 2)
        let runner = AppRunner(Counter.self, state: .init(), backend: backend, events: backend)
        backend.resize(to: Size(width: 35, height: 3))
        backend.type("q")
        let final = await runner.run()
        #expect(final.log == ["resized 35x3"])
        #expect(backend.buffer.size == Size(width: 35, height: 3))
    }

    @Test("a burst of messages updates the state every time but draws far fewer frames, ending on the latest")
    func burstIsCoalesced() async {
        let backend = VirtualBackend(width: 40, height: 2)
        let runner = AppRunner(Counter.self, state: .init(), backend: backend, events: backend)
        runner.minimumFrameInterval = .milliseconds(50)
        let sender = runner.sender
        let producer = Task.detached {
            for i in 1...200 { sender.send(.external("m\(i)")) }
            // Wait (with a deadline, not a fixed sleep) for the frame that shows the last message.
            let deadline = ContinuousClock.now + .seconds(5)
            var shown = false
            while !shown, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(5))
                shown = await backend.buffer.line(0).contains("last m200 ")
            }
            await backend.type("q")
            return shown
        }
        let final = await runner.run()
        let latestShown = await producer.value
        #expect(final.log.count == 200)
        #expect(latestShown, "the frame after the burst shows the newest state")
        #expect(runner.framesDrawn < 20)
    }
}

private enum Copier: TerminalProgram {
    struct State { var done = false }
    enum Msg: Sendable { case key(Key) }
    static func message(for event: InputEvent, in state: State) -> Msg? {
        if case .key(let k) = event { return .key(k) }
        return nil
    }
    static func update(_ state: inout State, _ msg: Msg) -> Command<Msg> {
        guard case .key(let key) = msg else { return .none }
        return key == .char("q") ? .quit : .copyToClipboard("psk_copied")
    }
    static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer) {}
}

@Suite("App runner: clipboard")
@MainActor
struct AppRunnerClipboardTests {
    @Test("a copy command reaches the backend's clipboard")
    func copyReachesBackend() async {
        let backend = VirtualBackend(width: 10, height: 2)
        let runner = AppRunner(Copier.self, state: .init(), backend: backend, events: backend)
        backend.type("cq")
        await runner.run()
        #expect(backend.clipboard == ["psk_copied"])
    }
}
