import Elicitation
import Foundation
import LLM
import PlansmithCore
import Store
import TerminalUI

extension DomainScreen {
    /// Everything the screen shows when it opens.
    public struct DomainLoad: Sendable {
        var name: String
        var description: String
        var isPublic: Bool
        var domainText: String
        var problemText: String
        var sidebarNames: [String]
        var sidebarIds: [Int64]
        var chat: ChatHistory?
    }

    /// The last elicitation conversation about this domain, as stored.
    struct ChatHistory: Sendable {
        /// nil when that conversation is complete (the next message starts a new one).
        var session: ElicitationSession?
        var sessionId: Int64
        var messages: [TerminalUI.ChatMessage]
        var stage: ElicitationStage
    }

    /// Store reads for the screen (run in tasks only).
    enum DomainLoader {
        static func load(domainId: Int64, userId: Int64, app: AppContext, preferredProvider: String? = nil) async throws -> DomainLoad {
            let domain = try await app.store.domains.domain(id: domainId, readableBy: userId)
            // The sidebar lists the domains of the user's workspaces: not templates (started from on the
            // Dashboard) nor other people's public domains.
            let workspaces = Set(try await app.store.accounts.workspaces(of: userId).compactMap(\.workspace.id))
            let mine = try await app.store.domains.list(readableBy: userId, workspaceId: nil)
                .filter { !$0.isTemplate && $0.workspaceId.map(workspaces.contains) == true }
            let chat = try await latestChat(domainId: domainId, userId: userId, app: app, preferredProvider: preferredProvider)
            return DomainLoad(name: domain.name, description: domain.description, isPublic: domain.isPublic,
                              domainText: domain.domainPddl,
                              problemText: domain.problemPddl ?? "", sidebarNames: mine.map(\.name),
                              sidebarIds: mine.compactMap(\.id), chat: chat)
        }

        /// Resumes the most recent elicitation chat stored for this domain, if there is one.
        static func latestChat(domainId: Int64, userId: Int64, app: AppContext, preferredProvider: String?) async throws -> ChatHistory? {
            let sessions = try await app.store.chats.sessions(userId: userId, limit: 200)
            guard let chat = sessions.first(where: { $0.domainId == domainId && $0.title.hasPrefix(ElicitationSession.titlePrefix) }),
                  let sessionId = chat.id else { return nil }
            let stored = try await app.store.chats.messages(in: sessionId, userId: userId)
            let messages = stored.map { message in
                TerminalUI.ChatMessage(message.role == .user ? .user : (message.role == .assistant ? .assistant : .system),
                                       message.content)
            }
            // A chat whose state cannot be read is still shown; only resuming it is impossible.
            guard let session = try? await ElicitationSession.resume(
                store: app.store, userId: userId, sessionId: sessionId,
                extractor: extractor(app: app, userId: userId, preferredProvider: preferredProvider)) else {
                return ChatHistory(session: nil, sessionId: sessionId, messages: messages, stage: .describe)
            }
            let state = await session.state
            return ChatHistory(session: state.isComplete ? nil : session, sessionId: sessionId, messages: messages, stage: state.stage)
        }

        /// Free text goes through a language model when one is configured (as `plansmith elicit --llm`);
        /// otherwise the conversation is the offline guided interview in the controlled syntax.
        static func extractor(app: AppContext, userId: Int64, preferredProvider: String?) -> ModelExtractor? {
            guard app.hasUsableProvider, let router = app.router(for: userId) else { return nil }
            let chat = RoutedChatModel(router: router, provider: preferredProvider, session: "elicit")
            return ModelExtractor(languageModel: RoutedElicitationModel(chat: chat))
        }

        static func describe(_ error: any Error) -> String {
            if let error = error as? StoreError { return "\(error)" }
            return String(describing: error)
        }
    }
}
