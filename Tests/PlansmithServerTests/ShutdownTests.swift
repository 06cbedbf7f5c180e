import Foundation
import PlansmithCore
import Testing
@testable import PlansmithServer

@Suite("Graceful shutdown", .serialized)
struct ShutdownTests {
    @Test("a critique session running at shutdown is saved as interrupted and can be resumed")
    func runningSessionInterrupted() async throws {
        var server: TestServer? = try await TestServer.start(configure: { _ in }, limiter: nil)
        let (user, key, _) = try await server!.userWithKey()
        let created = try await server!.post("/v1/domains", key: key, json: [
            "name": "depot", "domain_pddl": try PDDLFixtures.text("depot/domain.pddl"), "problem_pddl": try PDDLFixtures.text("depot/p06.pddl"),
        ])
        let domainId = try #require(created.json["id"] as? Int)
        let started = try await server!.post("/v1/sessions", key: key, json: ["domain_id": domainId, "max_iterations": 50])
        let id = Int64(try #require(started.json["id"] as? Int))
        let critique = server!.server.services.critique
        let before = try await critique.summary(id, userId: user.id!)
        // The premise of the test: still running when the server is told to stop.
        try #require(before.status == .running || before.status == .pending, "the session finished before shutdown (\(before.status))")
        try await server!.stop()
        let after = try await critique.history(id, userId: user.id!)
        #expect(after.summary.status == .interrupted)
        #expect(after.resumeProblem == nil, "an interrupted session of a stored domain is resumable")
        server = nil
    }
}
