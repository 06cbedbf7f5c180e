import PDDL
import Testing

@Suite("Syntax classification for highlighting")
struct SyntaxClassifierTests {
    func kinds(_ line: String) -> [String] {
        SyntaxClassifier.spans(ofLine: line).map { span in
            let bytes = Array(line.utf8)[span.start..<(span.start + span.length)]
            return "\(span.kind.rawValue):\(String(decoding: bytes, as: UTF8.self))"
        }
    }

    @Test("classifies keywords, connectives, variables, names, numbers and comments")
    func classifiesALine() {
        #expect(kinds("  :precondition (and (at ?t ?from) (not (= ?a b))) ; why") == [
            "keyword::precondition", "paren:(", "connective:and", "paren:(", "name:at", "variable:?t", "variable:?from",
            "paren:)", "paren:(", "connective:not", "paren:(", "connective:=", "variable:?a", "name:b", "paren:)",
            "paren:)", "paren:)", "comment:; why",
        ])
    }

    @Test("splits a variable glued to a name and recognises numbers and the type dash")
    func gluedVariableAndNumbers() {
        #expect(kinds("(aircraft?a) (= (total-cost) 0) ?x - truck") == [
            "paren:(", "name:aircraft", "variable:?a", "paren:)", "paren:(", "connective:=", "paren:(", "name:total-cost",
            "paren:)", "number:0", "paren:)", "variable:?x", "dash:-", "name:truck",
        ])
    }
}
