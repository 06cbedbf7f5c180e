import Foundation
import PlansmithCore
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
        var conversation: Conversation?
        var sessionId: Int64
        var messages: [TerminalUI.ChatMessage]
        var stage: ElicitationStage
    }

    /// Reads for the screen, through the application services (run in tasks only).
    enum DomainLoader {
        static func load(domainId: Int64, userId: Int64, app: AppContext, preferredProvider: String? = nil) async throws -> DomainLoad {
            let services = app.services
            let domain = try await services.domains.open(domainId, userId: userId)
            // The sidebar lists the domains of the user's workspaces: not templates (started from on the
            // Dashboard) nor other people's public domains.
            let mine = try await services.domains.catalog(userId: userId).own
            let chat = try await services.chats.latest(domainId: domainId, userId: userId, provider: preferredProvider).map { resume in
                ChatHistory(conversation: resume.conversation, sessionId: resume.sessionId,
                            messages: resume.lines.map(chatMessage), stage: resume.stage)
            }
            return DomainLoad(name: domain.name, description: domain.summary.description, isPublic: domain.summary.isPublic,
                              domainText: domain.domainPddl, problemText: domain.problemPddl,
                              sidebarNames: mine.map(\.name), sidebarIds: mine.map(\.id), chat: chat)
        }

        static func chatMessage(_ line: ChatLine) -> TerminalUI.ChatMessage {
            switch line.speaker {
            case .user: TerminalUI.ChatMessage(.user, line.text)
            case .assistant: TerminalUI.ChatMessage(.assistant, line.text)
            case .system: TerminalUI.ChatMessage(.system, line.text)
            }
        }

        static func describe(_ error: any Error) -> String {
            AppError.from(error).message
        }
    }
}
