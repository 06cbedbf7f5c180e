import Foundation
import Hummingbird
import PDDL
import Planner
import PlansmithCore

/// Validate, plan and check-plan on PDDL text through `PlanningService`. Answers are the CLI's
/// `--json` objects. PDDL with errors is a 422 whose body is the validation object (every
/// diagnostic), so a client fixes its input from one answer.
struct PlanningRoutes {
    let planning: any PlanningService
    /// The longest planner run a request may ask for.
    let maximumPlanTimeout: Double

    struct ValidateBody: Codable, Sendable {
        var domain: String
        var problem: String?
    }

    struct PlanBody: Codable, Sendable {
        var domain: String
        var problem: String
        var search: String?
        var heuristic: String?
        var timeoutS: Double?
    }

    struct CheckBody: Codable, Sendable {
        var domain: String
        var problem: String
        var plan: String
    }

    func add(to routes: RouteRegistrar) {
        routes.add(.post, "/v1/validate") { request, context in
            _ = try context.authenticated()
            let body = try await request.decodeJSON(ValidateBody.self, context: context)
            let report = await planning.validate(domain: SourceText(name: "domain.pddl", text: body.domain),
                                                 problem: body.problem.map { SourceText(name: "problem.pddl", text: $0) })
            return JSONCoding.response(object: JSONForms.validation(report, diagnostics: report.diagnostics, failed: report.hasErrors))
        }
        routes.add(.post, "/v1/plan") { request, context in
            _ = try context.authenticated()
            let body = try await request.decodeJSON(PlanBody.self, context: context)
            let job = try job(for: body)
            let started = ContinuousClock.now
            let result = await planning.plan(job, progress: nil)
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            switch result {
            case .invalidPDDL(let report):
                return JSONCoding.response(object: JSONForms.validation(report, diagnostics: report.diagnostics, failed: true),
                                           status: .unprocessableContent)
            case .refused(let why):
                throw APIError.invalidInput("the planner refused the task: \(why)")
            case .solved(let plan, let statistics, _):
                return JSONCoding.response(object: JSONForms.planResult(status: "solved", plan: plan, seconds: seconds,
                                                                        statistics: statistics, limit: nil))
            case .unsolvable(let statistics):
                return JSONCoding.response(object: JSONForms.planResult(status: "unsolvable", plan: nil, seconds: seconds,
                                                                        statistics: statistics, limit: nil))
            case .limit(let limit, let statistics):
                return JSONCoding.response(object: JSONForms.planResult(status: "limit", plan: nil, seconds: seconds,
                                                                        statistics: statistics, limit: limit))
            case .cancelled:
                throw APIError(.serviceUnavailable, "cancelled", "the planner was stopped before it finished")
            }
        }
        routes.add(.post, "/v1/check-plan") { request, context in
            _ = try context.authenticated()
            let body = try await request.decodeJSON(CheckBody.self, context: context)
            switch await planning.checkPlan(domain: SourceText(name: "domain.pddl", text: body.domain),
                                            problem: SourceText(name: "problem.pddl", text: body.problem), plan: body.plan) {
            case .invalidPDDL(let report):
                return JSONCoding.response(object: JSONForms.validation(report, diagnostics: report.diagnostics, failed: true),
                                           status: .unprocessableContent)
            case .unreadablePlan(let line, let message):
                throw APIError.invalidInput("plan line \(line): \(message)")
            case .refused(let why):
                throw APIError.invalidInput("the plan cannot be checked: \(why)")
            case .checked(let report, let steps):
                return JSONCoding.response(object: JSONForms.planCheck(report, steps: steps))
            }
        }
    }

    func job(for body: PlanBody) throws -> PlanJob {
        let algorithm = try body.search.map { name in
            guard let value = SearchAlgorithm(rawValue: name) else {
                throw APIError.invalidInput("unknown search '\(name)'; choose one of \(SearchAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        } ?? SearchConfiguration.default.algorithm
        let heuristic = try body.heuristic.map { name in
            guard let value = HeuristicKind(rawValue: name) else {
                throw APIError.invalidInput("unknown heuristic '\(name)'; choose one of \(HeuristicKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        } ?? SearchConfiguration.default.heuristic
        let timeout = body.timeoutS ?? min(10, maximumPlanTimeout)
        guard timeout > 0, timeout <= maximumPlanTimeout else {
            throw APIError.invalidInput("timeout_s must be more than 0 and at most \(maximumPlanTimeout)")
        }
        var configuration = SearchConfiguration.default
        configuration.algorithm = algorithm
        configuration.heuristic = heuristic
        return PlanJob(domain: SourceText(name: "domain.pddl", text: body.domain),
                       problem: SourceText(name: "problem.pddl", text: body.problem),
                       configuration: configuration, timeout: .milliseconds(Int(timeout * 1000)))
    }
}
