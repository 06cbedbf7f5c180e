import Critique
import Foundation
import PDDL
import Planner

/// One planner run: the PDDL texts, the search and its budget.
public struct PlanJob: Sendable {
    public var domain: SourceText
    public var problem: SourceText
    public var configuration: SearchConfiguration
    /// Covers parsing, grounding and search (nil: no time limit).
    public var timeout: Duration?
    public var operatorLimit: Int

    public init(domain: SourceText, problem: SourceText, configuration: SearchConfiguration = .default,
                timeout: Duration? = .seconds(60), operatorLimit: Int = 1_000_000) {
        self.domain = domain; self.problem = problem; self.configuration = configuration
        self.timeout = timeout; self.operatorLimit = operatorLimit
    }
}

/// What a planner run ended with. "No plan" is not an error: the cases keep apart what a user must
/// not confuse, and each has the exit status of `plansmith plan` and one line for a person.
public enum PlanJobResult: Sendable {
    /// The PDDL has errors (the report holds every diagnostic).
    case invalidPDDL(ValidationReport)
    /// The problem parsed but the planner cannot take it (unsupported feature, grounding refused).
    case refused(String)
    case solved(Plan, SearchStatistics, unitCost: Bool)
    case unsolvable(SearchStatistics)
    case limit(Limit, SearchStatistics?)
    case cancelled

    public var plan: Plan? { if case .solved(let plan, _, _) = self { plan } else { nil } }

    public var statistics: SearchStatistics? {
        switch self {
        case .solved(_, let s, _), .unsolvable(let s): s
        case .limit(_, let s): s
        default: nil
        }
    }

    /// `plansmith plan`'s exit status: 0 plan, 1 PDDL errors, 3 proven unsolvable, 4 limit.
    public var exitStatus: Int32 {
        switch self {
        case .solved: 0
        case .invalidPDDL, .refused: 1
        case .unsolvable: 3
        case .limit, .cancelled: 4
        }
    }

    /// The `--json` status word.
    public var status: String {
        switch self {
        case .solved: "solved"
        case .unsolvable: "unsolvable"
        case .limit, .cancelled: "limit"
        case .invalidPDDL, .refused: "error"
        }
    }

    /// One line for a person when there is no plan.
    public var explanation: String {
        switch self {
        case .solved(let plan, _, _): return "plan found: \(plan.steps.count) steps, cost \(plan.cost)"
        case .invalidPDDL(let report):
            let errors = report.diagnostics.filter(\.isError)
            let first = errors.first.map { ": \($0.file):\($0.range.start.line) \($0.message)" } ?? ""
            return "the PDDL has \(errors.count) error(s)\(first)"
        case .refused(let why): return "the planner refused the task: \(why)"
        case .unsolvable(let s): return "no plan exists (search space exhausted after \(s.expanded) expansions)"
        case .limit(let limit, let s): return "no plan found within the \(limit.rawValue) limit (\(s?.expanded ?? 0) expansions)"
        case .cancelled: return "cancelled"
        }
    }
}

/// A plan checked against a domain and problem.
public enum PlanCheckResult: Sendable {
    case invalidPDDL(ValidationReport)
    /// The plan text itself does not parse (line, message).
    case unreadablePlan(line: Int, message: String)
    case refused(String)
    case checked(PlanValidationReport, steps: [ParsedPlanStep])
}

/// Validation, planning and plan checking on PDDL text: the one path the CLI, the TUI and the
/// server share. Long work runs on a thread of its own; cancelling the calling task returns at once.
public protocol PlanningService: Sendable {
    func validate(domain: SourceText, problem: SourceText?) async -> ValidationReport
    func plan(_ job: PlanJob, progress: (@Sendable (SearchProgress) -> Void)?) async -> PlanJobResult
    func checkPlan(domain: SourceText, problem: SourceText, plan: String) async -> PlanCheckResult
    /// The critique task (grounded, analysed) for a domain and problem; a failure explains itself.
    func critiqueTask(domain: String, problem: String) async -> Result<CritiqueTask, AppError>
    /// The canonical layout of a PDDL text, or why it cannot be formatted (syntax errors).
    func format(_ text: String) async -> Result<String, AppError>
    /// A plan's parallel layers, and the validator's verdict on each edit applied to its base plan.
    /// nil when cancelled.
    func review(plan: [String], edits: [EditCheck], task: CritiqueTask, replanBudget: Duration) async -> PlanCheckup?
}

/// A feedback item's edit, to be checked against the plan it was written about.
public struct EditCheck: Sendable {
    public var itemId: String
    public var edit: PlanEdit
    public var base: [String]

    public init(itemId: String, edit: PlanEdit, base: [String]) { self.itemId = itemId; self.edit = edit; self.base = base }
}

/// What a plan review found.
public struct PlanCheckup: Sendable, Equatable {
    public var plan: [String]
    /// Step indices per parallel layer (nil when the plan does not parse or is invalid).
    public var layers: [[Int]]?
    /// item id → the validator's verdict on the edited plan (nil: the edit does not apply to the plan).
    public var editVerdicts: [String: Bool?]
}

/// The in-process planner. The synchronous `…Now` functions are for callers that own their thread
/// (the command line); the protocol's async functions run them on a thread of their own.
public struct LocalPlanning: PlanningService {
    public init() {}

    public func validate(domain: SourceText, problem: SourceText?) async -> ValidationReport {
        await abandonable { ValidationReport.validate(domain: domain, problem: problem) }
            ?? ValidationReport.validate(domain: domain, problem: problem)
    }

    public func plan(_ job: PlanJob, progress: (@Sendable (SearchProgress) -> Void)?) async -> PlanJobResult {
        await abandonable { isCancelled in Self.planNow(job, isCancelled: isCancelled, progress: progress) } ?? .cancelled
    }

    public func checkPlan(domain: SourceText, problem: SourceText, plan: String) async -> PlanCheckResult {
        await abandonable { Self.checkPlanNow(domain: domain, problem: problem, plan: plan) }
            ?? .refused("cancelled")
    }

    public func critiqueTask(domain: String, problem: String) async -> Result<CritiqueTask, AppError> {
        await abandonable { Self.critiqueTaskNow(domain: domain, problem: problem) } ?? .failure(AppError(.unavailable, "cancelled"))
    }

    public func format(_ text: String) async -> Result<String, AppError> {
        await abandonable { Self.formatNow(text) } ?? .failure(AppError(.unavailable, "formatting was cancelled"))
    }

    public func review(plan: [String], edits: [EditCheck], task: CritiqueTask, replanBudget: Duration) async -> PlanCheckup? {
        await abandonable { Self.reviewNow(plan: plan, edits: edits, task: task, replanBudget: replanBudget) }
    }

    public static func formatNow(_ text: String) -> Result<String, AppError> {
        switch PDDLFormatter().format(text) {
        case .success(let formatted): return .success(formatted)
        case .failure(.syntaxErrors(let errors)):
            let first = errors.first.map { " (line \($0.range.start.line): \($0.message))" } ?? ""
            return .failure(AppError(.invalidInput, "cannot format: \(errors.count) syntax error(s)\(first)"))
        }
    }

    /// Reviews are cached by the task, so plans the critics already judged cost nothing.
    public static func reviewNow(plan: [String], edits: [EditCheck], task: CritiqueTask, replanBudget: Duration) -> PlanCheckup {
        func steps(_ texts: [String]) -> [PlanStep]? { try? PlanText.parse(texts.joined(separator: "\n")).map(\.step) }
        let layers = steps(plan).flatMap { task.review($0).analysis?.layers }
        let editor = PlanEditor(task: task, replanBudget: replanBudget)
        var verdicts: [String: Bool?] = [:]
        for check in edits {
            guard let base = steps(check.base), let edited = editor.apply(check.edit, to: base) else {
                verdicts[check.itemId] = .some(nil)
                continue
            }
            verdicts[check.itemId] = task.review(edited).isValid
        }
        return PlanCheckup(plan: plan, layers: layers, editVerdicts: verdicts)
    }

    /// Parses, checks, grounds and searches under the job's one time limit.
    /// `improved` hears each cheaper plan of an anytime search as it is found.
    public static func planNow(_ job: PlanJob, isCancelled: (@Sendable () -> Bool)? = nil,
                               progress: (@Sendable (SearchProgress) -> Void)? = nil,
                               improved: PlanSearch.PlanHandler? = nil) -> PlanJobResult {
        let clock = ContinuousClock()
        let started = clock.now
        let report = ValidationReport.validate(domain: job.domain, problem: job.problem)
        guard let domain = report.domain, let problem = report.problem, !report.hasErrors else { return .invalidPDDL(report) }
        var configuration = job.configuration
        if let timeout = job.timeout {
            // The time limit covers parsing and grounding too: the search gets what is left.
            let left = timeout - (clock.now - started)
            guard left > .zero else { return .limit(.time, nil) }
            configuration.limits.timeLimit = left
        }
        let outcome: PlanningOutcome
        do {
            outcome = try PlanSearch.plan(domain: domain, problem: problem, configuration: configuration,
                                          grounding: GroundingOptions(operatorLimit: job.operatorLimit),
                                          isCancelled: isCancelled, progress: progress, improved: improved)
        } catch let error as PlanningError {
            if case .tooManyOperators = error { return .limit(.operators, nil) }
            return .refused("\(error)")
        } catch {
            return .refused("\(error)")
        }
        switch outcome {
        case .solved(let plan, let statistics):
            return .solved(plan, statistics, unitCost: problem.metric == nil)
        case .provenUnsolvable(let statistics): return .unsolvable(statistics)
        case .exhausted(let limit, let statistics): return .limit(limit, statistics)
        case .cancelled: return .cancelled
        }
    }

    public static func checkPlanNow(domain: SourceText, problem: SourceText, plan: String) -> PlanCheckResult {
        let report = ValidationReport.validate(domain: domain, problem: problem)
        guard let domainAST = report.domain, let problemAST = report.problem, !report.hasErrors else { return .invalidPDDL(report) }
        let steps: [ParsedPlanStep]
        do { steps = try PlanText.parse(plan) } catch { return .unreadablePlan(line: error.line, message: error.message) }
        do {
            let validator = try PlanValidator(domain: domainAST, problem: problemAST)
            return .checked(validator.validate(steps.map(\.step)), steps: steps)
        } catch {
            return .refused("\(error)")
        }
    }

    public static func critiqueTaskNow(domain: String, problem: String) -> Result<CritiqueTask, AppError> {
        guard !problem.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(AppError(.invalidInput, "no problem: write one first"))
        }
        let report = ValidationReport.validate(domain: SourceText(name: "domain.pddl", text: domain),
                                               problem: SourceText(name: "problem.pddl", text: problem))
        guard let d = report.domain, let p = report.problem, !report.hasErrors else {
            let first = report.diagnostics.first(where: \.isError).map { "\($0)" } ?? "the PDDL does not parse"
            return .failure(AppError(.invalidInput, "the domain has errors: \(first)"))
        }
        do { return .success(try CritiqueTask(domain: d, problem: p)) } catch {
            return .failure(AppError(.invalidInput, "the task cannot be grounded: \(error)"))
        }
    }
}
