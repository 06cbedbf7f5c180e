import Foundation
import Testing
@testable import PlansmithServer

@Suite("Validate, plan and check-plan over HTTP", .serialized)
struct PlanningRoutesTests {
    @Test("validate answers the CLI's --format json object")
    func validate() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let ok = try await server.post("/v1/validate", key: key,
                                           json: ["domain": try PDDLFixtures.gripperDomain, "problem": try PDDLFixtures.gripperProblem])
            #expect(ok.status == 200)
            #expect(ok.json["valid"] as? Bool == true && ok.json["errors"] as? Int == 0)
            #expect((ok.json["domain"] as? [String: Any])?["name"] as? String == "gripper-strips")
            let broken = try await server.post("/v1/validate", key: key, json: ["domain": "(define (domain d) (:action a :effect (p)))"])
            #expect(broken.status == 200 && broken.json["valid"] as? Bool == false)
            let diagnostics = broken.json["diagnostics"] as? [[String: Any]] ?? []
            #expect(!diagnostics.isEmpty && diagnostics.allSatisfy { $0["line"] is Int && $0["code"] is String })
        }
    }

    @Test("plan solves gripper p01 and the plan checks as valid")
    func planThenCheck() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let domain = try PDDLFixtures.gripperDomain, problem = try PDDLFixtures.gripperProblem
            let planned = try await server.post("/v1/plan", key: key, json: ["domain": domain, "problem": problem, "timeout_s": 30])
            #expect(planned.status == 200 && planned.json["status"] as? String == "solved")
            let steps = try #require(planned.json["plan"] as? [String])
            #expect(!steps.isEmpty && planned.json["cost"] as? Int == steps.count)
            let checked = try await server.post("/v1/check-plan", key: key,
                                                json: ["domain": domain, "problem": problem, "plan": steps.joined(separator: "\n")])
            #expect(checked.status == 200 && checked.json["valid"] as? Bool == true)
            #expect(checked.json["first_failure"] is NSNull)
            let truncated = try await server.post("/v1/check-plan", key: key,
                                                  json: ["domain": domain, "problem": problem, "plan": steps.dropLast().joined(separator: "\n")])
            #expect(truncated.status == 200 && truncated.json["valid"] as? Bool == false)
            #expect(!(truncated.json["unmet_goals"] as? [String] ?? []).isEmpty)
        }
    }

    @Test("PDDL with errors is 422 with every diagnostic; bad options are 422")
    func invalidInput() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let broken = try await server.post("/v1/plan", key: key, json: ["domain": "(define (domain", "problem": "(define"])
            #expect(broken.status == 422 && broken.json["valid"] as? Bool == false)
            #expect(!(broken.json["diagnostics"] as? [Any] ?? []).isEmpty)
            let search = try await server.post("/v1/plan", key: key, json: ["domain": try PDDLFixtures.gripperDomain,
                                                                            "problem": try PDDLFixtures.gripperProblem, "search": "magic"])
            #expect(search.status == 422 && search.errorMessage?.contains("magic") == true)
            let timeout = try await server.post("/v1/plan", key: key, json: ["domain": try PDDLFixtures.gripperDomain,
                                                                             "problem": try PDDLFixtures.gripperProblem, "timeout_s": 3600])
            #expect(timeout.status == 422 && timeout.errorCode == "invalid_input")
            let plan = try await server.post("/v1/check-plan", key: key, json: ["domain": try PDDLFixtures.gripperDomain,
                                                                                "problem": try PDDLFixtures.gripperProblem, "plan": "(move"])
            #expect(plan.status == 422)
        }
    }

    @Test("a plan request stops at its time limit with status limit")
    func timeLimit() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let problem = try PDDLFixtures.text("logistics/p06.pddl")
            let started = ContinuousClock.now
            let reply = try await server.post("/v1/plan", key: key, json: ["domain": try PDDLFixtures.logisticsDomain, "problem": problem,
                                                                           "timeout_s": 0.05, "search": "astar", "heuristic": "blind"])
            // Optimal search without a heuristic on logistics p06 needs far more than 50 ms.
            #expect(reply.status == 200)
            #expect(reply.json["status"] as? String == "limit")
            #expect(reply.json["limit"] as? String == "time")
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }
}
