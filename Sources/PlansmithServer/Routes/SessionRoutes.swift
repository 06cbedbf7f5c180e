import Critique
import Foundation
import Hummingbird
import HummingbirdWebSocket
import PlansmithCore

/// Critique sessions through `CritiqueSessions`: start (202 + id: the session runs in the
/// background), list, status with rounds, cancel, resume, and the live events — a WebSocket for
/// programs, Server-Sent Events on the same path for curl.
struct SessionRoutes {
    let critique: any CritiqueSessions
    let launched: LaunchedSessions
    /// How often an SSE stream sends a `: heartbeat` comment line.
    let heartbeat: Duration
    var stream: SessionEventStream { SessionEventStream(critique: critique, launched: launched) }

    struct StartBody: Codable, Sendable {
        var domainId: Int64?
        var domain: String?
        var problem: String?
        var maxIterations: Int?
    }

    struct Started: Codable, Sendable {
        var id: Int64
        var status: String
        var domainName: String
        var maxIterations: Int
        var events: String
    }

    struct SessionList: Codable, Sendable { var sessions: [SessionSummary] }

    func add(to routes: RouteRegistrar) {
        routes.add(.post, "/v1/sessions") { request, context in
            let caller = try context.authenticated()
            let body = try await request.decodeJSON(StartBody.self, context: context)
            let source: CritiqueStart.Source
            switch (body.domainId, body.domain, body.problem) {
            case (let id?, nil, nil): source = .domain(id)
            case (nil, let domain?, let problem?): source = .texts(domain: domain, problem: problem)
            default: throw APIError.invalidInput("give either domain_id, or domain and problem (PDDL texts)")
            }
            var configuration = CritiqueConfiguration.default
            if let rounds = body.maxIterations {
                guard (1...50).contains(rounds) else { throw APIError.invalidInput("max_iterations must be 1…50") }
                configuration.maxIterations = rounds
            }
            let launch = try await critique.start(CritiqueStart(source: source, configuration: configuration), userId: caller.userId)
            launched.record(launch.sessionId, userId: caller.userId, task: launch.task)
            return try JSONCoding.response(Started(launch), status: .accepted)
        }
        routes.add(.get, "/v1/sessions") { request, context in
            let caller = try context.authenticated()
            let domainId = try request.uri.queryParameters.get("domain_id").map { text -> Int64 in
                guard let id = Int64(text) else { throw APIError.invalidInput("domain_id must be a number") }
                return id
            }
            let limitText = request.uri.queryParameters.get("limit") ?? "50"
            guard let limit = Int(limitText), (1...500).contains(limit) else { throw APIError.invalidInput("limit must be 1…500") }
            return try JSONCoding.response(SessionList(sessions: try await critique.list(userId: caller.userId, domainId: domainId, limit: limit)))
        }
        routes.add(.get, "/v1/sessions/{id}") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "session")
            let history = try await critique.history(id, userId: caller.userId)
            var object: [String: Any] = ["session": Self.summaryObject(history.summary),
                                         "rounds": SessionEventStream.replay(history, sessionId: id),
                                         "chain": history.chain, "resumable": history.resumeProblem == nil]
            if let problem = history.resumeProblem { object["resume_problem"] = problem }
            return JSONCoding.response(object: object)
        }
        routes.add(.post, "/v1/sessions/{id}/cancel") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "session")
            let summary = try await critique.summary(id, userId: caller.userId)
            guard !summary.status.isFinished else {
                throw APIError.conflict("session \(id) is already \(summary.status.rawValue)")
            }
            await critique.cancel(id, userId: caller.userId)
            return JSONCoding.response(object: ["id": id, "status": "cancelling"], status: .accepted)
        }
        routes.add(.post, "/v1/sessions/{id}/resume") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "session")
            let launch = try await critique.resume(id, base: .default, userId: caller.userId)
            launched.record(launch.sessionId, userId: caller.userId, task: launch.task)
            return try JSONCoding.response(Started(launch), status: .accepted)
        }
        routes.add(.get, "/v1/sessions/{id}/events") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "session")
            let events = try await stream.events(sessionId: id, userId: caller.userId)
            return Response(status: .ok,
                            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                            body: ResponseBody { writer in
                                for await chunk in events.withHeartbeats(every: heartbeat) {
                                    switch chunk {
                                    case .element(let event):
                                        var buffer = ByteBuffer(string: "event: \(event.type)\ndata: ")
                                        buffer.writeBytes(event.json)
                                        buffer.writeString("\n\n")
                                        try await writer.write(buffer)
                                    case .heartbeat:
                                        try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                                    }
                                }
                                try await writer.finish(nil)
                            })
        }
    }

    /// The same events over a WebSocket, one JSON text message each; the server closes the socket
    /// after the final event. Registered on the upgrade router behind the same middleware chain.
    func addWebSocket(to group: RouterGroup<APIRequestContext>) {
        group.ws("/sessions/{id}/events", shouldUpgrade: { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "session")
            _ = try await critique.summary(id, userId: caller.userId)
            return .upgrade([:])
        }, onUpgrade: { _, outbound, context in
            guard let caller = context.requestContext.caller,
                  let id = try? context.requestContext.parameters.id("id", what: "session"),
                  let events = try? await stream.events(sessionId: id, userId: caller.userId) else { return }
            for await event in events {
                try await outbound.write(.text(String(decoding: event.json, as: UTF8.self)))
            }
        })
    }

    static func summaryObject(_ s: SessionSummary) -> [String: Any] {
        var object: [String: Any] = ["id": s.id, "status": s.status.rawValue, "current_iteration": s.currentIteration,
                                     "max_iterations": s.maxIterations, "started_at": iso(s.startedAt)]
        object["domain_id"] = s.domainId ?? NSNull()
        object["domain_name"] = s.domainName ?? NSNull()
        object["finished_at"] = s.finishedAt.map(iso) ?? NSNull()
        object["failure_reason"] = s.failureReason ?? NSNull()
        object["final_plan"] = s.finalPlan ?? NSNull()
        return object
    }

    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}

extension SessionRoutes.Started {
    init(_ launch: CritiqueLaunch) {
        self.init(id: launch.sessionId, status: "running", domainName: launch.domainName,
                  maxIterations: launch.configuration.maxIterations, events: "/v1/sessions/\(launch.sessionId)/events")
    }
}
