/// Semantic checks: everything a PDDL file can get wrong that the grammar cannot see.
///
/// Each part is a small checker with one job (`DomainChecker`, `ProblemChecker`, and the
/// shared `ExpressionChecker` for atoms, conditions and effects); this type runs them and
/// gathers their diagnostics into one report.
public enum SemanticChecker {
    public static func check(domain: Domain, file: String = "") -> [Diagnostic] {
        var checker = DomainChecker(domain, file: file)
        return checker.run()
    }

    public static func check(problem: Problem, domain: Domain, file: String = "") -> [Diagnostic] {
        var checker = ProblemChecker(problem, domain: domain, file: file)
        return checker.run()
    }
}
