import ArgumentParser
import Elicitation
import Foundation
import LLM
import PlansmithCore
import Store

/// `plansmith elicit`: the elicitation conversation as plain lines on stdin and stdout, for
/// scripting and tests. Every exchange is saved in the database as it happens, so running the
/// command again continues the last unfinished conversation.
struct ElicitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "elicit",
        abstract: "Build a PDDL domain and problem in a conversation (one line per message).",
        discussion: """
        Answer in the controlled syntax ('help' lists it), e.g. 'type truck, package - object' or \
        'action drive(t: truck, from: location, to: location) requires at(t, from) makes at(t, to), not at(t, from)'. \
        'next' moves on, 'back' goes back, 'undo' and 'show' help along. On completion the domain and problem \
        are saved as a new revision of the domain and printed. Without --new, the last unfinished \
        conversation is resumed.

        Exit status: 0 (completed, or input ended with the conversation saved), 1 store refused, 2 usage or I/O problem.
        """)

    @Option(help: "The domain to build or refine (created when it does not exist).") var domain: String?
    @Option(help: ArgumentHelp("Understand free text with this language-model provider (see 'plansmith llm models').",
                               valueName: "provider"))
    var llm: String?
    @OptionGroup var llmArguments: LLMArguments
    @Flag(help: "Start a new conversation instead of resuming the last unfinished one.") var new = false
    @OptionGroup var store: StoreArguments

    func run() async throws {
        let configuration = try llm.map { provider -> LLMConfiguration in
            let configuration = try llmArguments.loadConfiguration(command: "elicit")
            guard configuration.provider(named: provider) != nil else {
                throw ValidationError("unknown provider '\(provider)'; configured: \(configuration.providers.map(\.name).joined(separator: ", "))")
            }
            return configuration
        }
        try await store.withSession("elicit") { context in
            let extractor = configuration.map { configuration in
                let router = LLMRouter(configuration: configuration,
                                       recorder: StoreUsageRecorder(store: context.store, userId: context.userId))
                let chat = RoutedChatModel(router: router, provider: llm, session: "elicit")
                return ModelExtractor(languageModel: RoutedElicitationModel(chat: chat))
            }
            let session = try await openSession(context, extractor: extractor)
            Console.out(await session.openingText + "\n")
            while let line = readLine(strippingNewline: true) {
                let reply: ConversationReply
                do {
                    reply = try await session.send(line)
                } catch let error as LLMError {
                    // The model could not be asked (server down, timeout, budget): the line is saved,
                    // the model unchanged, and the conversation goes on (as the app's chat does).
                    Console.out("error: the language model could not answer: \(error)\n"
                                + "The model is unchanged; go on in the controlled syntax ('help'), or try again.\n")
                    continue
                }
                Console.out(reply.text + "\n")
                if let pddl = reply.completed {
                    Console.out("\n" + pddl.domain + "\n" + pddl.problem)
                    return
                }
            }
            Console.out("Input ended; the conversation is saved. Run 'plansmith elicit' to continue it.\n")
        }
    }

    private func openSession(_ context: StoreSession, extractor: ModelExtractor?) async throws -> ElicitationSession {
        if !new, let id = try await ElicitationSession.latestUnfinished(store: context.store, userId: context.userId) {
            let chats = try await context.store.chats.sessions(userId: context.userId, limit: 50)
            let title = chats.first { $0.id == id }?.title ?? ""
            if domain == nil || title == ElicitationSession.titlePrefix + domain! {
                Console.out("(continuing the conversation '\(title.dropFirst(ElicitationSession.titlePrefix.count))')\n")
                return try await ElicitationSession.resume(store: context.store, userId: context.userId, sessionId: id,
                                                           extractor: extractor)
            }
        }
        return try await ElicitationSession.start(store: context.store, userId: context.userId, domainName: domain,
                                                  extractor: extractor)
    }
}
