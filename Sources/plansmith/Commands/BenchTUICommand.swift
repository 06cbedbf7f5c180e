import ArgumentParser
import Foundation
import PlansmithCore
import PlansmithTUI
import Store
import TerminalUI

/// `plansmith bench-tui`: the real Domain screen (editor, highlighter, live diagnostics) on a
/// 5,000-line domain, with a real SQLite store, measured per keystroke: from the key event to a
/// drawn 200×60 frame (update + view; the terminal write is measured by the toolkit's bench).
/// Also the time to open the domain and to re-check the whole text after typing stops.
/// JSON for `scripts/bench tui`. Hidden: a measuring tool, not a user feature.
struct BenchTUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-tui",
        abstract: "Measure keystroke-to-frame on the Domain screen with a 5,000-line domain (scripts/bench tui).",
        shouldDisplay: false)

    @Option(help: "Lines in the generated domain.") var lines: Int = 5_000
    @Option(help: "Keystrokes to time.") var keys: Int = 500

    @MainActor
    func run() async throws {
        let directory = NSTemporaryDirectory() + "plansmith-bench-tui-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = StoreOptions()
        options.passwordCost = .testing
        let store = try Store.open(DatabaseLocation(path: directory + "/bench.sqlite", createsDirectory: true), options: options)
        let services = AppServices.live(store: store, models: nil)
        _ = try await store.accounts.ensureLocalUser(email: "bench@localhost")
        let signedIn = try await services.accounts.continueAsLocal(email: "bench@localhost")
        let text = Self.domain(lines: lines)
        let domain = try await services.domains.create(DomainContents(name: "bench", domainPddl: text), in: signedIn.workspace.id,
                                                       userId: signedIn.account.id)
        let env = ScreenEnvironment(app: AppContext(services: services, configPath: directory + "/none.toml", environment: [:],
                                                    exportDirectory: directory),
                                    session: UserSession(signedIn))

        let opening = ContinuousClock.now
        let (state, command) = DomainScreen.start(domainId: domain.id, env: env)
        let driver = ScreenDriver(DomainScreen.self, state: state, command: command, env: env)
        guard await driver.settle(timeout: .seconds(60), until: { $0.phase == .ready && !$0.isValidating }) else {
            Console.error("plansmith bench-tui: the domain did not open\n")
            throw ExitCode(1)
        }
        var frame = ScreenBuffer(width: 200, height: 60)
        _ = DomainScreen.draw(driver.state, in: frame.area, into: &frame, env.look)
        let openMs = (ContinuousClock.now - opening).milliseconds

        driver.press(.enter)          // typing focus in the editor
        driver.press(Key(.end, .ctrl))
        var samples: [Double] = []
        for i in 0..<keys {
            let key: Key = i % 40 == 39 ? .enter : .char("x")
            let start = ContinuousClock.now
            driver.press(key)
            // What the app does per frame: draw, and the cursor falls out of the same pass.
            frame.clear()
            _ = DomainScreen.draw(driver.state, in: frame.area, into: &frame, env.look)
            samples.append((ContinuousClock.now - start).milliseconds)
        }
        // Typing stopped: the screen waits for a pause, then re-checks the whole text off the main actor.
        let checking = ContinuousClock.now
        _ = await driver.settle(timeout: .seconds(5), until: { $0.isValidating })
        _ = await driver.settle(timeout: .seconds(60), until: { !$0.isValidating })
        let recheckMs = (ContinuousClock.now - checking).milliseconds
        samples.sort()
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
        Console.json([
            "lines": lines, "bytes": text.utf8.count, "keys": keys, "open_ms": openMs,
            "keystroke_p50_ms": percentile(0.5), "keystroke_p99_ms": percentile(0.99), "keystroke_max_ms": samples.last ?? 0,
            "recheck_after_typing_ms": recheckMs, "diagnostics": driver.state.validation.errorCount,
        ])
    }

    /// A valid typed STRIPS domain of about `lines` lines: one action per ten lines.
    static func domain(lines: Int) -> String {
        let actions = max(1, (lines - 6) / 10)
        var text = "(define (domain bench)\n  (:requirements :strips :typing)\n  (:types item place)\n"
        text += "  (:predicates (at ?i - item ?p - place) (free ?p - place) (done ?i - item))\n"
        for a in 0..<actions {
            text += """
              (:action move-\(a)
                :parameters (?i - item ?from - place ?to - place)
                :precondition (and (at ?i ?from)
                                   (free ?to))
                :effect (and (at ?i ?to)
                             (not (at ?i ?from))
                             (free ?from)
                             (not (free ?to))
                             (done ?i)))

            """
        }
        return text + ")\n"
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
