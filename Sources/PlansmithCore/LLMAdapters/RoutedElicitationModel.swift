import Elicitation
import LLM

/// Elicitation's language-model protocol over the LLM router: streaming, failover, retries,
/// budget and usage rows come with it. Elicitation itself never sees HTTP.
public struct RoutedElicitationModel: ElicitationLanguageModel {
    public let chat: RoutedChatModel

    public init(chat: RoutedChatModel) { self.chat = chat }

    public func complete(_ request: ExtractionRequest, onToken: @escaping @Sendable (String) -> Void) async throws -> String {
        var prompt = "What the user said:\n\(request.userText)\n\nThe model so far (JSON):\n\(request.currentModelJSON)"
        if !request.repairFeedback.isEmpty {
            prompt += "\n\nYour previous answer had these problems; answer again with a corrected JSON object:\n- "
                + request.repairFeedback.joined(separator: "\n- ")
        }
        var text = ""
        for try await delta in chat.stream([.system(request.instructions), .user(prompt)], options: ChatOptions(maxTokens: 4096)) {
            switch delta {
            case .text(let piece):
                text += piece
                onToken(piece)
            case .restart:
                text = ""
            }
        }
        return text
    }
}
