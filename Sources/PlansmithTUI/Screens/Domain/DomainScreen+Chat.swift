import Foundation
import PlansmithCore
import TerminalUI

/// The elicitation chat: each message goes to the stored `ElicitationSession` in a task; streamed
/// tokens come back through a `Feed`; Esc cancels the reply and keeps what arrived, marked [stopped].
extension DomainScreen {
    static func updateChat(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch msg {
        case .chatInput(let event):
            if case .submitted(let text) = state.chat.input.handle(event) { return send(&state, text, env) }
        case .chatEvent(let generation, let event):
            guard generation == state.chat.generation, let feed = state.chat.feed else { break }
            let step = apply(&state, event, env)
            return ScreenStep(.batch([step.command, pull(feed, generation)]), requests: step.requests)
        case .scrollChat(let lines):
            state.chat.transcript.scroll(by: lines)
        case .stopStream:
            return stop(&state, env)
        case .newChat:
            let stopped = stop(&state, env)
            let input = state.chat.input
            state.chat = ChatPane()
            state.chat.input = input
            return ScreenStep(stopped.command, requests: stopped.requests + [.toast(.info, "new chat: your next message starts it")])
        case .exportChat:
            return exportChat(state, env)
        case .exported(.success(let path)):
            return .request(.toast(.ok, "chat exported to \(path)"))
        case .exported(.failure(let failure)):
            return .request(.toast(.error, "export failed: \(failure.text)"))
        case .storedTexts(let texts):
            markSaved(&state, texts)
            if let name = texts.name { state.domainName = name }
            if let description = texts.description { state.domainDescription = description }
        default: break
        }
        return .none
    }

    private static func send(_ state: inout State, _ text: String, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .none }
        guard !state.chat.isWaiting else {
            state.chat.input.setText(text)
            return .request(.toast(.info, "a reply is still coming: wait, or press esc to stop it"))
        }
        guard let userId = env.session?.userId else { return .request(.toast(.error, "not signed in")) }
        state.chat.transcript.append(TerminalUI.ChatMessage(.user, text))
        state.chat.transcript.scrollBack = 0
        state.chat.isWaiting = true
        state.chat.generation += 1
        let (feed, continuation) = Feed<ChatEvent>.make()
        let handle = WorkHandle(), previous = state.chat.work
        state.chat.feed = feed
        state.chat.work = handle
        let existing = state.chat.conversation, chats = env.services.chats, name = state.domainName
        let provider = env.session?.preferences.preferredProvider
        let start: Command<Msg> = .task {
            handle.start {
                // A stopped reply may still be unwinding in the session: keep messages in order.
                await previous?.wait()
                do {
                    var conversation = existing
                    if conversation == nil {
                        let created = try await chats.start(domainName: name, userId: userId, provider: provider)
                        continuation.yield(.opened(created, sessionId: created.sessionId, opening: try await created.opening()))
                        conversation = created
                    }
                    let reply = try await conversation!.send(text, onToken: { continuation.yield(.token($0)) })
                    continuation.yield(.reply(reply))
                } catch {
                    if !handle.isCancelled { continuation.yield(.failed(DomainLoader.describe(error))) }
                }
                continuation.finish()
            }
            return nil
        }
        return .command(.batch([start, pull(feed, state.chat.generation)]))
    }

    static func pull(_ feed: Feed<ChatEvent>, _ generation: Int) -> Command<Msg> {
        .task { await feed.next().map { .chatEvent(generation: generation, $0) } }
    }

    private static func apply(_ state: inout State, _ event: ChatEvent, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch event {
        case .opened(let conversation, let sessionId, let opening):
            state.chat.conversation = conversation
            state.chat.sessionId = sessionId
            let at = max(0, state.chat.transcript.messages.count - 1)
            if !opening.isEmpty { state.chat.transcript.messages.insert(TerminalUI.ChatMessage(.assistant, opening), at: at) }
        case .token(let token):
            state.chat.isStreaming = true
            state.chat.transcript.appendChunk(token)
        case .reply(let reply):
            // The streamed text was the model's raw answer; the stored reply replaces it.
            if let last = state.chat.transcript.messages.indices.last, state.chat.transcript.messages[last].isStreaming {
                state.chat.transcript.messages[last] = TerminalUI.ChatMessage(.assistant, reply.text)
            } else {
                state.chat.transcript.append(TerminalUI.ChatMessage(.assistant, reply.text))
            }
            finishReply(&state)
            state.chat.stage = reply.stage
            if let generated = reply.completed { return adoptGenerated(&state, generated, env) }
        case .failed(let text):
            state.chat.transcript.finishStreaming()
            state.chat.transcript.append(TerminalUI.ChatMessage(.system, "error: \(text)"))
            finishReply(&state)
            return .request(.toast(.error, "chat: \(text)"))
        }
        return .none
    }

    private static func finishReply(_ state: inout State) {
        state.chat.isWaiting = false
        state.chat.isStreaming = false
        state.chat.feed = nil
    }

    /// The conversation completed: its PDDL goes into the editors (one undo step each) and the
    /// next message starts a new conversation from it.
    private static func adoptGenerated(_ state: inout State, _ generated: GeneratedPDDL, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        replaceAll(&state.domainEditor, with: generated.domain)
        replaceAll(&state.problemEditor, with: generated.problem)
        state.chat.conversation = nil
        state.tab = .domain
        let validation = scheduleValidation(&state)
        guard let userId = env.session?.userId else { return .command(validation) }
        let domains = env.services.domains, id = state.domainId
        // The session saved it as a revision of the domain of that name; if that is this one, the editors are saved.
        let check: Command<Msg> = .task {
            guard let stored = try? await domains.open(id, userId: userId) else { return nil }
            return .storedTexts(SavedTexts(domain: stored.domainPddl, problem: stored.problemPddl, revision: stored.revision,
                                           name: stored.name, description: stored.summary.description))
        }
        return ScreenStep(.batch([validation, check]), requests: [.toast(.ok, "the generated PDDL is in the editor")])
    }

    private static func stop(_ state: inout State, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard state.chat.isWaiting else { return .none }
        state.chat.work?.cancel()
        state.chat.feed?.close()
        state.chat.generation += 1
        let messages = state.chat.transcript.messages
        let partial = messages.last.flatMap { $0.isStreaming ? $0.text : nil }
        if partial != nil { state.chat.transcript.finishStreaming(marker: "[stopped]") }
        else { state.chat.transcript.append(TerminalUI.ChatMessage(.assistant, "[stopped]")) }
        finishReply(&state)
        guard let sessionId = state.chat.sessionId, let userId = env.session?.userId else { return .none }
        let text = (partial.map { $0 + " " } ?? "") + "[stopped]", chats = env.services.chats
        // Kept in the stored chat too, so a resumed chat shows what was stopped.
        return .command(.task {
            do {
                try await chats.note(text, in: sessionId, userId: userId)
                return nil
            } catch {
                return .notice(.warning, "the stopped reply was not stored: \(DomainLoader.describe(error))")
            }
        })
    }

    private static func exportChat(_ state: State, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard !state.chat.transcript.messages.isEmpty else { return .request(.toast(.info, "the chat is empty: nothing to export")) }
        let directory = env.app.exportDirectory
        let name = "\(state.domainName)-chat-\(DisplayDate.string(Date(), "%Y%m%d-%H%M%S")).md"
        let markdown = "# Chat about \(state.domainName)\n\n" + state.chat.transcript.markdown() + "\n"
        return .command(.task {
            do {
                return .exported(.success(try ReportExport.write(markdown, named: name, into: directory)))
            } catch {
                return .exported(.failure(ScreenFailure(error.localizedDescription)))
            }
        })
    }
}
