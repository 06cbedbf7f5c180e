import Foundation
import Store

/// A conversation bound to a chat session in the Store: every user message is committed before
/// it is handled, and every reply is committed together with the new `ConversationState` (JSON
/// in the message's `elicitation_state`), so quitting or crashing loses nothing and `resume`
/// continues where the conversation stopped. On `complete` the PDDL is saved to the domain
/// record as a new revision (creating the domain in the user's personal workspace if needed).
///
/// How a UI drives it:
///
///     let session = try await ElicitationSession.start(store: store, userId: me)   // or .resume
///     show(session.openingText)                          // the first question
///     let reply = try await session.send(line) { token in stream(token) }
///     show(reply.text); if reply.stage == .complete { … reply.completed!.domain … }
public actor ElicitationSession {
    public static let titlePrefix = "Elicitation: "

    let store: Store
    let userId: Int64
    public nonisolated let sessionId: Int64
    private var conversation: Conversation
    private var domainId: Int64?
    private let extractor: ModelExtractor?

    /// The text shown when the session was (re)opened: the current stage's question.
    public var openingText: String { conversation.prompt }
    public var state: ConversationState { conversation.state }

    init(store: Store, userId: Int64, sessionId: Int64, conversation: Conversation, domainId: Int64?, extractor: ModelExtractor?) {
        self.store = store; self.userId = userId; self.sessionId = sessionId
        self.conversation = conversation; self.domainId = domainId; self.extractor = extractor
    }

    /// The bundled templates, as the conversation offers them.
    public static var bundledTemplates: [TemplateSource] {
        DomainTemplate.all.map {
            TemplateSource(name: $0.name, domainPDDL: $0.domainPddl, problemPDDL: $0.problemPddl, description: $0.description)
        }
    }

    /// Starts a new conversation. With `domainName`, the result is saved to that domain; if it
    /// exists and its PDDL fits the supported fragment, the conversation starts from it.
    public static func start(store: Store, userId: Int64, domainName: String? = nil,
                             extractor: ModelExtractor? = nil) async throws -> ElicitationSession {
        var conversation = Conversation(templates: bundledTemplates)
        var domainId: Int64?
        var opening = conversation.prompt
        if let domainName {
            if let existing = try? await store.domains.domain(named: domainName, readableBy: userId) {
                if !existing.isTemplate { domainId = existing.id }
                let reply = conversation.adopt(domain: existing.domainPddl, problem: existing.problemPddl,
                                               origin: "the domain '\(existing.name)'")
                opening = reply.text + (reply.isError ? "\n\nStarting from scratch instead. " + conversation.prompt : "")
            } else {
                conversation.state.model.name = domainName.lowercased()
            }
        }
        let chat = try await store.chats.createSession(userId: userId, domainId: domainId,
                                                       title: titlePrefix + (domainName ?? "new domain"))
        let session = ElicitationSession(store: store, userId: userId, sessionId: chat.id!, conversation: conversation,
                                         domainId: domainId, extractor: extractor)
        try await session.persist(.assistant, opening)
        return session
    }

    /// Reopens a conversation from the state stored with its last reply.
    public static func resume(store: Store, userId: Int64, sessionId: Int64,
                              extractor: ModelExtractor? = nil) async throws -> ElicitationSession {
        let messages = try await store.chats.messages(in: sessionId, userId: userId)
        guard let saved = messages.last(where: { $0.elicitationState != nil })?.elicitationState,
              let snapshot = try? JSONDecoder().decode(SessionSnapshot.self, from: Data(saved.utf8)) else {
            throw StoreError.notFound("elicitation state of chat session \(sessionId)")
        }
        return ElicitationSession(store: store, userId: userId, sessionId: sessionId,
                                  conversation: Conversation(state: snapshot.conversation, templates: bundledTemplates),
                                  domainId: snapshot.domainId, extractor: extractor)
    }

    /// The most recently active elicitation session that has not completed, if any.
    public static func latestUnfinished(store: Store, userId: Int64) async throws -> Int64? {
        for chat in try await store.chats.sessions(userId: userId, limit: 50) where chat.title.hasPrefix(titlePrefix) {
            let messages = try await store.chats.messages(in: chat.id!, userId: userId)
            guard let saved = messages.last(where: { $0.elicitationState != nil })?.elicitationState,
                  let snapshot = try? JSONDecoder().decode(SessionSnapshot.self, from: Data(saved.utf8)) else { continue }
            if !snapshot.conversation.isComplete { return chat.id }
        }
        return nil
    }

    /// Every message of the conversation so far, oldest first.
    public func history() async throws -> [ChatMessage] {
        try await store.chats.messages(in: sessionId, userId: userId)
    }

    /// Handles one user message: commits it, answers it, commits the answer with the new state.
    public func send(_ text: String, onToken: @escaping @Sendable (String) -> Void = { _ in }) async throws -> ConversationReply {
        _ = try await store.chats.append(.user, text, to: sessionId, userId: userId, elicitationState: nil, tokens: nil)
        var reply: ConversationReply
        if let extractor, !Conversation.isControlledSyntax(text), conversation.state.stage != .complete {
            do {
                let result = try await extractor.extract(from: text, current: conversation.state.model, onToken: onToken)
                reply = conversation.adoptExtracted(result.model)
            } catch let error as ExtractionError {
                reply = ConversationReply(text: error.description + "\nTry again in other words, or use the controlled syntax ('help').",
                                          stage: conversation.state.stage, isError: true)
            } catch let error where !(error is CancellationError) && !Task.isCancelled {
                // The model could not be asked (server down, timeout, budget): say so and keep the
                // conversation going offline — the user's message is already saved.
                var answer = "The language model could not answer: \(error)\nThe model is unchanged; use the controlled syntax ('help') meanwhile."
                if let understanding = conversation.understanding(of: text) { answer += "\n" + understanding }
                reply = ConversationReply(text: answer, stage: conversation.state.stage, isError: true)
            }
        } else {
            reply = conversation.handle(text)
        }
        if let generated = reply.completed {
            reply.text += "\n" + (try await save(generated))
        }
        try await persist(.assistant, reply.text)
        return reply
    }

    private func save(_ generated: GeneratedPDDL) async throws -> String {
        let model = conversation.state.model
        let draft = DomainDraft(name: model.name, description: model.description, domainPddl: generated.domain,
                                problemPddl: generated.problem)
        if let domainId {
            let saved = try await store.domains.save(draft, to: domainId, by: userId, message: "elicitation")
            return "Saved as a new revision of domain '\(saved.name)'."
        }
        let workspace = try await store.accounts.personalWorkspace(of: userId)
        let existing = try? await store.domains.domain(named: model.name, readableBy: userId)
        if let existing, existing.workspaceId == workspace.id, let id = existing.id {
            domainId = id
            _ = try await store.domains.save(draft, to: id, by: userId, message: "elicitation")
            return "Saved as a new revision of domain '\(model.name)'."
        }
        let created = try await store.domains.create(draft, in: workspace.id!, by: userId)
        domainId = created.id
        return "Saved as the new domain '\(created.name)'."
    }

    private func persist(_ role: ChatRole, _ text: String) async throws {
        let snapshot = SessionSnapshot(conversation: conversation.state, domainId: domainId)
        let json = String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self)
        _ = try await store.chats.append(role, text, to: sessionId, userId: userId, elicitationState: json, tokens: nil)
    }
}

/// What is stored with each reply.
struct SessionSnapshot: Codable {
    var conversation: ConversationState
    var domainId: Int64?
}
