import Foundation
import GRDB

/// `ChatRepository` on the SQLite file. Chats are private to their user.
struct SQLiteChatRepository: ChatRepository {
    let database: StoreDatabase
    let clock: any StoreClock

    func createSession(userId: Int64, domainId: Int64?, title: String) async throws -> ChatSession {
        let now = clock.now()
        return try await database.write { db in
            if let domainId { _ = try SQLiteDomainRepository.readable(domainId, by: userId, db) }
            var session = ChatSession(id: nil, userId: userId, domainId: domainId, title: title,
                                      createdAt: now, updatedAt: now)
            try session.insert(db)
            return session
        }
    }

    func append(_ role: ChatRole, _ content: String, to sessionId: Int64, userId: Int64,
                elicitationState: String?, tokens: Int?) async throws -> ChatMessage {
        let now = clock.now()
        return try await database.write { db in
            var session = try Self.owned(sessionId, by: userId, db)
            var message = ChatMessage(id: nil, sessionId: sessionId, role: role, content: content,
                                      elicitationState: elicitationState, tokens: tokens, createdAt: now)
            try message.insert(db)
            session.updatedAt = now
            try session.update(db)
            return message
        }
    }

    func messages(in sessionId: Int64, userId: Int64) async throws -> [ChatMessage] {
        try await database.read { db in
            _ = try Self.owned(sessionId, by: userId, db)
            return try ChatMessage.filter(ChatMessage.Columns.sessionId == sessionId)
                .order(ChatMessage.Columns.id).fetchAll(db)
        }
    }

    func sessions(userId: Int64, limit: Int) async throws -> [ChatSession] {
        try await database.read { db in
            try ChatSession.filter(ChatSession.Columns.userId == userId)
                .order(ChatSession.Columns.updatedAt.desc, ChatSession.Columns.id.desc).limit(limit).fetchAll(db)
        }
    }

    func rename(_ sessionId: Int64, userId: Int64, title: String) async throws {
        try await database.write { db in
            var session = try Self.owned(sessionId, by: userId, db)
            session.title = title
            try session.update(db)
        }
    }

    func delete(_ sessionId: Int64, userId: Int64) async throws {
        try await database.write { db in
            _ = try Self.owned(sessionId, by: userId, db).delete(db)
        }
    }

    static func owned(_ sessionId: Int64, by userId: Int64, _ db: Database) throws -> ChatSession {
        guard let session = try ChatSession.filter(key: sessionId).filter(ChatSession.Columns.userId == userId).fetchOne(db)
        else { throw StoreError.notFound("chat session \(sessionId)") }
        return session
    }
}
