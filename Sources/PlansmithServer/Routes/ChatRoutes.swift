import Foundation
import Hummingbird
import PlansmithCore

/// Elicitation chats through `ChatService`: start a conversation about a new domain, then send
/// messages; the reply that completes the conversation carries the generated PDDL (already saved as
/// the domain). Conversations live in this server process; every message is also stored as sent.
struct ChatRoutes {
    let chats: any ChatService
    let conversations: OpenConversations

    struct StartBody: Codable, Sendable {
        var domainName: String
        var provider: String?
    }

    struct MessageBody: Codable, Sendable { var text: String }

    struct Opened: Codable, Sendable {
        var id: Int64
        var message: String
        var stage: String
    }

    struct Reply: Codable, Sendable {
        var message: String
        var stage: String
        var understood: Bool
        var completed: Bool
        var domainPddl: String?
        var problemPddl: String?
    }

    func add(to routes: RouteRegistrar) {
        routes.add(.post, "/v1/chats") { request, context in
            let caller = try context.authenticated()
            let body = try await request.decodeJSON(StartBody.self, context: context)
            let name = body.domainName.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw APIError.invalidInput("domain_name must not be empty") }
            let conversation = try await chats.start(domainName: name, userId: caller.userId, provider: body.provider)
            conversations.open(conversation, userId: caller.userId)
            return try JSONCoding.response(Opened(id: conversation.sessionId, message: try await conversation.opening(),
                                                  stage: ElicitationStage.describe.rawValue), status: .created)
        }
        routes.add(.post, "/v1/chats/{id}/messages") { request, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "chat")
            guard let conversation = conversations.conversation(id, userId: caller.userId) else {
                throw APIError.notFound("chat \(id) not found (or not open in this server: start a new one)")
            }
            let body = try await request.decodeJSON(MessageBody.self, context: context)
            guard !body.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw APIError.invalidInput("text must not be empty")
            }
            let reply = try await conversation.send(body.text)
            if reply.completed != nil { conversations.close(id) }
            return try JSONCoding.response(Reply(message: reply.text, stage: reply.stage.rawValue, understood: !reply.isError,
                                                 completed: reply.completed != nil, domainPddl: reply.completed?.domain,
                                                 problemPddl: reply.completed?.problem))
        }
    }
}

/// Conversations in progress, by chat id, with their owner (another user's id is not found).
/// `@unchecked Sendable`: `open` is only touched under `lock`.
final class OpenConversations: @unchecked Sendable {
    private let lock = NSLock()
    private var conversations: [Int64: (userId: Int64, conversation: Conversation)] = [:]

    func open(_ conversation: Conversation, userId: Int64) {
        lock.withLock { conversations[conversation.sessionId] = (userId, conversation) }
    }

    func conversation(_ id: Int64, userId: Int64) -> Conversation? {
        lock.withLock { conversations[id].flatMap { $0.userId == userId ? $0.conversation : nil } }
    }

    func close(_ id: Int64) {
        _ = lock.withLock { conversations.removeValue(forKey: id) }
    }
}
