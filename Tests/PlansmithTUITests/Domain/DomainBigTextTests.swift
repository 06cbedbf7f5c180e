import Foundation
import PlansmithTUI
import TerminalUI
import Testing

@Suite("Domain screen: big texts stay responsive", .serialized)
@MainActor
struct DomainBigTextTests {
    /// A valid domain of about `actions` × 300 characters: many actions over a few predicates.
    static func bigDomain(actions: Int) -> String {
        var text = "(define (domain big)\n  (:requirements :strips :typing)\n  (:types block)\n"
        text += "  (:predicates (on ?x - block ?y - block) (clear ?x - block) (handempty) (holding ?x - block))\n"
        for i in 0..<actions {
            text += """
              (:action act-\(i)
                :parameters (?x - block ?y - block)
                :precondition (and (holding ?x) (clear ?y))
                :effect (and (not (holding ?x)) (not (clear ?y)) (clear ?x) (handempty) (on ?x ?y)))

            """
        }
        return text + ")"
    }

    @Test("in a 100k-character domain a keystroke is handled in milliseconds; the texts are checked again after the burst")
    func typingInBigText() async throws {
        let app = try await FakeApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        let big = Self.bigDomain(actions: 600)
        #expect(big.utf8.count > 100_000)
        DomainFixture.replaceEditorText(d, with: big)
        await d.settle(until: { !$0.isValidating })
        #expect(d.state.validation.errorCount > 0, "the template problem does not fit this domain")
        let before = d.state.validation
        d.press(Key(.home, .ctrl))
        d.press(.down, .down, .end, .left)                   // inside "(:types block)"
        let clock = ContinuousClock()
        var slowest = Duration.zero
        for c in "xyz" { slowest = max(slowest, clock.measure { d.type(String(c)) }) }
        #expect(slowest < .milliseconds(100), "slowest keystroke \(slowest)")
        #expect(d.state.isValidating)
        await d.settle(until: { !$0.isValidating })
        #expect(d.state.validation != before)
        #expect(d.state.validation.diagnostics.contains { $0.file == .domain && $0.line == 3 })
        print("Domain screen: slowest keystroke in a \(big.utf8.count)-byte domain: \(slowest)")
    }
}
