import Planner

/// Reading a model's reply: models wrap plans in prose and code fences, so only lines that look
/// like steps are kept; from each, the first `( … )` is the step.
enum ProposalParsing {
    static func steps(in reply: String) -> [PlanStep] {
        var lines: [String] = []
        for fullLine in reply.split(separator: "\n") {
            // `; cost = 6 (unit cost)` is a comment, not a step.
            let line = fullLine.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let open = line.firstIndex(of: "("), let close = line[open...].firstIndex(of: ")") else { continue }
            lines.append(String(line[open...close]))
        }
        return ((try? PlanText.parse(lines.joined(separator: "\n"))) ?? []).map(\.step)
    }

    /// Validator diagnostics in the first-failing-step style the proposer gets back.
    static func feedback(for report: PlanValidationReport, stepCount: Int) -> String {
        if stepCount == 0 { return "no steps found: write one (action arg …) per line" }
        if let failure = report.failure {
            var text = "step \(failure.step) \(failure.action) fails: \(failure.message)"
            if !failure.unsatisfied.isEmpty { text += "\nunsatisfied: " + failure.unsatisfied.joined(separator: ", ") }
            for advice in report.advice.prefix(5) where !advice.achievers.isEmpty {
                text += "\n\(advice.literal) could be achieved by " + advice.achievers.prefix(3).joined(separator: " or ")
            }
            return text
        }
        return "the plan executes but leaves goals unmet: " + report.unmetGoals.joined(separator: ", ")
    }
}
