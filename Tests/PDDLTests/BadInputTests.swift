import PDDL
import Testing

/// Inputs that are not PDDL at all: each gets one clear diagnostic, never a crash.
@Suite("Bad input never crashes the parser")
struct BadInputTests {
    func codes(_ bytes: [UInt8], maximumSize: Int = SourceText.defaultMaximumSize) -> [DiagnosticCode] {
        PDDLParser.parse(SourceText(name: "x.pddl", bytes: bytes), maximumSize: maximumSize).diagnostics.map(\.code)
    }

    @Test("a binary file is reported as binary")
    func binaryFile() {
        var bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]
        bytes += (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(codes(bytes) == [.binaryInput])
    }

    @Test("invalid UTF-8 is reported at the offending byte")
    func invalidUTF8() throws {
        let bytes = Array("(define (domain d)\n ; caf".utf8) + [0xE9] + Array(" \n)".utf8)
        let diagnostics = PDDLParser.parse(SourceText(name: "x.pddl", bytes: bytes)).diagnostics
        #expect(diagnostics.map(\.code) == [.invalidUTF8])
        #expect("\(try #require(diagnostics.first).range.start)" == "2:7")
    }

    @Test("overlong encodings and surrogates are invalid UTF-8")
    func malformedSequences() {
        #expect(codes(Array("(a ".utf8) + [0xC0, 0xAF] + [0x29]) == [.invalidUTF8])
        #expect(codes(Array("(a ".utf8) + [0xED, 0xA0, 0x80] + [0x29]) == [.invalidUTF8])
        #expect(codes(Array("(a ".utf8) + [0xF4, 0x90, 0x80, 0x80] + [0x29]) == [.invalidUTF8])
        #expect(codes(Array("(a ".utf8) + [0xE2, 0x82]) == [.invalidUTF8])
    }

    @Test("valid non-ASCII text in comments and names is accepted")
    func unicodeIsFine() {
        let text = "; λ → ✓ 漢字\n(define (domain d) (:predicates (größe ?x)) (:action a :effect (größe ?x)))"
        let diagnostics = PDDLParser.parse(text).diagnostics
        #expect(!diagnostics.contains { $0.code == .invalidUTF8 || $0.code == .binaryInput })
    }

    @Test("an empty file is reported as empty")
    func emptyFile() {
        #expect(codes([]) == [.emptyInput])
    }

    @Test("a file over the size limit is refused before parsing")
    func tooLarge() {
        let bytes = Array(String(repeating: "(define (domain d))\n", count: 100).utf8)
        #expect(codes(bytes, maximumSize: 1000) == [.fileTooLarge])
    }

    @Test("100,000 nested parentheses do not overflow the stack")
    func deepNesting() {
        let text = "(define (domain d) (:action a :precondition " + String(repeating: "(", count: 100_000)
            + String(repeating: ")", count: 100_000) + "))"
        let diagnostics = PDDLParser.parse(text).diagnostics
        #expect(diagnostics.contains { $0.code == .nestingTooDeep })
        #expect(diagnostics.count < 10)
    }

    @Test("100,000 unclosed parentheses are one diagnostic")
    func deepUnclosed() {
        let diagnostics = PDDLParser.parse(String(repeating: "(", count: 100_000)).diagnostics
        #expect(diagnostics.count <= 3)
        #expect(diagnostics.contains { $0.code == .expectedDefine || $0.code == .nestingTooDeep })
    }

    @Test("a file cut off at any byte gives diagnostics, never a crash", arguments: [0, 7, 19, 45, 90, 150, 200, 228])
    func truncatedFile(at length: Int) {
        let full = """
        (define (domain blocks) (:requirements :strips)
          (:predicates (on ?x ?y) (clear ?x) (handempty))
          (:action stack :parameters (?x ?y)
            :precondition (and (clear ?y) (handempty))
            :effect (and (on ?x ?y) (not (clear ?y)))))
        """
        #expect(length < full.utf8.count)
        let bytes = Array(full.utf8.prefix(length))
        let result = PDDLParser.parse(SourceText(name: "t.pddl", bytes: bytes))
        #expect(result.diagnostics.hasErrors)
    }

    @Test("every prefix of a corpus-like file parses without crashing")
    func everyPrefix() {
        let full = Array("""
        (define (problem p) (:domain d) (:objects a b - block)
          (:init (clear a) (= (total-cost) 0)) (:goal (and (on a b) (not (clear b))))
          (:metric minimize (total-cost)))
        """.utf8)
        for length in 0...full.count {
            let result = PDDLParser.parse(SourceText(name: "t.pddl", bytes: Array(full.prefix(length))))
            // Every strict prefix is unbalanced; only the whole file is clean.
            #expect(result.diagnostics.hasErrors == (length < full.count), "prefix of \(length) bytes")
        }
    }
}
