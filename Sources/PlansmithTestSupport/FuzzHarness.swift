import PDDL

/// One fuzz input: parse, check, and — when it parses cleanly — check the formatter's two
/// promises. A broken promise traps, which libFuzzer records as a crash with the input.
public enum FuzzHarness {
    public static func run(_ bytes: [UInt8]) {
        let source = SourceText(name: "fuzz.pddl", bytes: bytes)
        let parsed = PDDLParser.parse(source)
        switch parsed.document {
        case .domain(let domain)?:
            _ = SemanticChecker.check(domain: domain)
        case .problem(let problem)?:
            _ = SemanticChecker.check(problem: problem, domain: Domain(name: Name("d")))
        case nil:
            return
        }
        guard !parsed.diagnostics.hasErrors else { return }
        guard case .success(let once) = PDDLFormatter().format(source) else {
            fatalError("formatter refused input the parser accepted")
        }
        let reparsed = PDDLParser.parse(SourceText(name: "fuzz.pddl", text: once))
        precondition(reparsed.document == parsed.document, "parse(fmt(x)) != parse(x)")
        guard case .success(let twice) = PDDLFormatter().format(SourceText(name: "fuzz.pddl", text: once)) else {
            fatalError("formatter refused its own output")
        }
        precondition(once == twice, "fmt(fmt(x)) != fmt(x)")
    }
}
