/// Measurements for `scripts/bench tui` on the virtual backend (no terminal needed): full-frame
/// render time at 200×60 and keystroke-to-frame latency while editing a 5,000-line file.
/// A benchmark, not a test: it reports numbers and judges nothing.
public enum TUIBenchmark {
    public struct Distribution: Sendable, CustomStringConvertible {
        public var samples: Int
        public var p50Milliseconds: Double
        public var p99Milliseconds: Double
        public var maxMilliseconds: Double

        init(_ nanos: [UInt64]) {
            let sorted = nanos.sorted()
            func ms(_ q: Double) -> Double {
                guard !sorted.isEmpty else { return 0 }
                return Double(sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))]) / 1e6
            }
            samples = sorted.count
            p50Milliseconds = ms(0.5); p99Milliseconds = ms(0.99); maxMilliseconds = ms(1)
        }

        public var description: String {
            "p50 \(format(p50Milliseconds)) ms, p99 \(format(p99Milliseconds)) ms, max \(format(maxMilliseconds)) ms (\(samples) samples)"
        }
    }

    public struct Report: Sendable, CustomStringConvertible {
        /// Every cell repainted each frame (first frame, resize, Ctrl-L).
        public var fullFrame: Distribution
        /// A frame where one pane changes (the diff sends only those cells).
        public var incrementalFrame: Distribution
        public var cellsPerIncrementalFrame: Int
        /// Key handled by the editor + frame drawn, editing a 5,000-line file.
        public var keystrokeToFrame: Distribution
        /// Building the editor state from 5,000 lines of text and drawing its first frame.
        public var openFileMilliseconds: Double

        public var description: String {
            """
            tui full frame 200x60 (virtual backend): \(fullFrame)
            tui incremental frame 200x60: \(incrementalFrame), \(cellsPerIncrementalFrame) cells written
            tui keystroke-to-frame, 5000-line file, 200x60: \(keystrokeToFrame)
            tui open 5000-line file + first frame: \(format(openFileMilliseconds)) ms
            """
        }

        /// One JSON object, for scripts.
        public var json: String {
            func d(_ x: Distribution) -> String {
                "{\"p50_ms\":\(format(x.p50Milliseconds)),\"p99_ms\":\(format(x.p99Milliseconds)),\"max_ms\":\(format(x.maxMilliseconds)),\"samples\":\(x.samples)}"
            }
            return "{\"full_frame_200x60\":\(d(fullFrame)),\"incremental_frame_200x60\":\(d(incrementalFrame)),"
                + "\"incremental_cells\":\(cellsPerIncrementalFrame),\"keystroke_to_frame_5000_lines\":\(d(keystrokeToFrame)),"
                + "\"open_5000_lines_ms\":\(format(openFileMilliseconds))}"
        }
    }

    /// Runs everything; `iterations` frames/keystrokes per measurement.
    @MainActor
    public static func run(iterations: Int = 300) -> Report {
        let clock = ContinuousClock()
        func nanos(_ d: Duration) -> UInt64 {
            UInt64(d.components.seconds) * 1_000_000_000 + UInt64(d.components.attoseconds / 1_000_000_000)
        }

        // Full and incremental frames of a dashboard-like layout.
        let backend = VirtualBackend(width: 200, height: 60)
        let terminal = Terminal(backend: backend)
        var scene = BenchmarkScene()
        var full: [UInt64] = []
        for i in 0..<iterations {
            terminal.invalidate()
            scene.tick = i
            full.append(nanos(clock.measure { terminal.draw { scene.draw(into: &$0) } }))
        }
        var incremental: [UInt64] = []
        var cells = 0
        for i in 0..<iterations {
            scene.tick = iterations + i
            incremental.append(nanos(clock.measure { terminal.draw { scene.draw(into: &$0) } }))
            cells = terminal.lastFrameCellsWritten
        }

        // Editing a 5,000-line file: keystrokes, then a frame each.
        let editorBackend = VirtualBackend(width: 200, height: 60)
        let editorTerminal = Terminal(backend: editorBackend)
        let source = BenchmarkScene.pddlText(lines: 5000)
        let view = EditorView()
        var editor = EditorState()
        let open = nanos(clock.measure {
            editor = EditorState(text: source)
            editorTerminal.draw { _ = view.draw(editor, in: $0.area, into: &$0) }
        })
        editor.viewportHeight = 59
        editor.goToLine(2500)
        let keys: [InputEvent] = [.key(.char("x")), .key(.char("y")), .key(.backspace), .key(.down), .key(.enter),
                                  .key(.char("(")), .key(.right), .key(.pageDown), .key(.up), .key(.backspace)]
        editorTerminal.draw { _ = view.draw(editor, in: $0.area, into: &$0) }
        var keystrokes: [UInt64] = []
        for i in 0..<iterations {
            let event = keys[i % keys.count]
            keystrokes.append(nanos(clock.measure {
                _ = editor.handle(event)
                editorTerminal.draw { _ = view.draw(editor, in: $0.area, into: &$0) }
            }))
            if editor.cursor.line > 4900 { editor.goToLine(100) }
        }
        return Report(fullFrame: Distribution(full), incrementalFrame: Distribution(incremental),
                      cellsPerIncrementalFrame: cells, keystrokeToFrame: Distribution(keystrokes),
                      openFileMilliseconds: Double(open) / 1e6)
    }
}

private func format(_ x: Double) -> String {
    let scaled = (x * 1000).rounded() / 1000
    return String(describing: scaled)
}
