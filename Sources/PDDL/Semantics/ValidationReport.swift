/// The result of checking a domain and optionally a problem: both parsed documents (when they
/// could be read) and every diagnostic, syntax and semantics, in file order.
public struct ValidationReport: Sendable {
    public var domain: Domain?
    public var problem: Problem?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// Parses and checks `domainSource`, and `problemSource` against it when given.
    public static func validate(domain domainSource: SourceText, problem problemSource: SourceText? = nil,
                                maximumSize: Int = SourceText.defaultMaximumSize) -> ValidationReport {
        var diagnostics: [Diagnostic] = []
        let parsedDomain = PDDLParser.parse(domainSource, maximumSize: maximumSize)
        diagnostics += parsedDomain.diagnostics
        var domain: Domain?
        switch parsedDomain.document {
        case .domain(let d)?:
            domain = d
            // Semantic checks run even after syntax errors: recovery keeps the rest of the tree
            // sound, and the user gets every problem in one pass.
            diagnostics += SemanticChecker.check(domain: d, file: domainSource.name)
        case .problem(let p)?:
            diagnostics.append(Diagnostic(.expectedHeader, "expected a domain file, but this defines problem '\(p.name.text)'",
                                          at: p.name.range, file: domainSource.name,
                                          notes: ["give the domain first: plansmith validate DOMAIN [PROBLEM]"]))
        case nil:
            break
        }
        var problem: Problem?
        if let problemSource {
            let parsedProblem = PDDLParser.parse(problemSource, maximumSize: maximumSize)
            diagnostics += parsedProblem.diagnostics
            switch parsedProblem.document {
            case .problem(let p)?:
                problem = p
                if let domain {
                    diagnostics += SemanticChecker.check(problem: p, domain: domain, file: problemSource.name)
                }
            case .domain(let d)?:
                diagnostics.append(Diagnostic(.expectedHeader, "expected a problem file, but this defines domain '\(d.name.text)'",
                                              at: d.name.range, file: problemSource.name))
            case nil:
                break
            }
        }
        return ValidationReport(domain: domain, problem: problem, diagnostics: diagnostics)
    }
}
