import Foundation
@testable import PlansmithCore

/// Stored chats in memory: `latest` answers seeded lines (or nil), `note` appends to them.
/// A live conversation needs the elicitation machine and its store, so `start` is refused with a
/// clear error: chat tests run on `TestApp`.
actor FakeChats: ChatService {
    private struct Chat {
        var domainId: Int64
        var userId: Int64
        var lines: [ChatLine]
        var stage: ElicitationStage
    }

    /// By chat session id.
    private var chats: [Int64: Chat] = [:]

    func latest(domainId: Int64, userId: Int64, provider: String?) -> ChatResume? {
        let mine = chats.filter { $0.value.domainId == domainId && $0.value.userId == userId }
        guard let id = mine.keys.max(), let chat = mine[id] else { return nil }
        // Seeded chats are read back only: there is no conversation to continue.
        return ChatResume(conversation: nil, sessionId: id, lines: chat.lines, stage: chat.stage)
    }

    func start(domainName: String, userId: Int64, provider: String?) throws -> Conversation {
        throw AppError(.unavailable, "conversations are not supported by the fake chat service (use TestApp)")
    }

    func note(_ text: String, in sessionId: Int64, userId: Int64) throws {
        guard let chat = chats[sessionId], chat.userId == userId else { throw AppError(.notFound, "chat \(sessionId) not found") }
        chats[sessionId]?.lines.append(ChatLine(.assistant, text))
    }

    // MARK: Arranging and inspecting

    func add(_ lines: [ChatLine], about domainId: Int64, userId: Int64, stage: ElicitationStage = .describe) -> Int64 {
        let id = Int64(chats.count + 1)
        chats[id] = Chat(domainId: domainId, userId: userId, lines: lines, stage: stage)
        return id
    }

    func lines(of sessionId: Int64) -> [ChatLine] { chats[sessionId]?.lines ?? [] }
}
