import Elicitation
import Foundation
import Store

public typealias ElicitationStage = Elicitation.ElicitationStage
public typealias ConversationReply = Elicitation.ConversationReply
public typealias GeneratedPDDL = Elicitation.GeneratedPDDL

/// One line of a stored chat.
public struct ChatLine: Sendable, Equatable {
    public enum Speaker: String, Sendable, Equatable { case user, assistant, system }
    public var speaker: Speaker
    public var text: String

    public init(_ speaker: Speaker, _ text: String) { self.speaker = speaker; self.text = text }
}

/// An elicitation conversation in progress: each message is stored as it is sent and answered.
public final class Conversation: Sendable {
    let session: ElicitationSession
    public var sessionId: Int64 { session.sessionId }

    init(_ session: ElicitationSession) { self.session = session }

    /// The assistant's opening message (its first question).
    public func opening() async throws -> String {
        try await appErrors { try await session.history().first?.content ?? "" }
    }

    /// Sends one message; a language model's reply streams through `onToken` as it is written.
    public func send(_ text: String, onToken: @escaping @Sendable (String) -> Void = { _ in }) async throws -> ConversationReply {
        try await appErrors { try await session.send(text, onToken: onToken) }
    }
}

/// The stored state of the latest conversation about a domain.
public struct ChatResume: Sendable {
    /// nil when that conversation is complete (the next message starts a new one) or cannot be resumed.
    public var conversation: Conversation?
    public var sessionId: Int64
    public var lines: [ChatLine]
    public var stage: ElicitationStage
}

/// Elicitation chats about domains: the guided interview offline, free text through a language
/// model when one is configured.
public protocol ChatService: Sendable {
    func latest(domainId: Int64, userId: Int64, provider: String?) async throws -> ChatResume?
    /// A new conversation that will save its PDDL as the domain of this name.
    func start(domainName: String, userId: Int64, provider: String?) async throws -> Conversation
    /// Adds a line to a stored chat (e.g. a reply the user stopped).
    func note(_ text: String, in sessionId: Int64, userId: Int64) async throws
}

public struct StoreChats: ChatService {
    let store: Store
    let models: LanguageModels?

    public init(store: Store, models: LanguageModels?) { self.store = store; self.models = models }

    public func latest(domainId: Int64, userId: Int64, provider: String?) async throws -> ChatResume? {
        try await appErrors {
            let sessions = try await store.chats.sessions(userId: userId, limit: 200)
            guard let chat = sessions.first(where: { $0.domainId == domainId && $0.title.hasPrefix(ElicitationSession.titlePrefix) }),
                  let sessionId = chat.id else { return nil }
            let lines = try await store.chats.messages(in: sessionId, userId: userId).map { message in
                ChatLine(message.role == .user ? .user : (message.role == .assistant ? .assistant : .system), message.content)
            }
            // A chat whose state cannot be read is still shown; only resuming it is impossible.
            guard let session = try? await ElicitationSession.resume(store: store, userId: userId, sessionId: sessionId,
                                                                     extractor: extractor(userId: userId, provider: provider)) else {
                return ChatResume(conversation: nil, sessionId: sessionId, lines: lines, stage: .describe)
            }
            let state = await session.state
            return ChatResume(conversation: state.isComplete ? nil : Conversation(session), sessionId: sessionId, lines: lines,
                              stage: state.stage)
        }
    }

    public func start(domainName: String, userId: Int64, provider: String?) async throws -> Conversation {
        try await appErrors {
            Conversation(try await ElicitationSession.start(store: store, userId: userId, domainName: domainName,
                                                            extractor: extractor(userId: userId, provider: provider)))
        }
    }

    public func note(_ text: String, in sessionId: Int64, userId: Int64) async throws {
        try await appErrors {
            _ = try await store.chats.append(.assistant, text, to: sessionId, userId: userId, elicitationState: nil, tokens: nil)
        }
    }

    /// Free text goes through a language model when one is configured (as `plansmith elicit --llm`);
    /// otherwise the conversation is the offline guided interview in the controlled syntax.
    private func extractor(userId: Int64, provider: String?) -> ModelExtractor? {
        guard let models, models.hasUsableProvider, let chat = try? models.chat(for: userId, provider: provider, session: "elicit") else {
            return nil
        }
        return ModelExtractor(languageModel: RoutedElicitationModel(chat: chat))
    }
}
