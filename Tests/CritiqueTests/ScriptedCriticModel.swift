import Critique
import Foundation

/// A critic model answering from a script: one closure per kind of request (review items, votes,
/// free text for revisions), and a log of every prompt it got.
struct ScriptedCriticModel: CriticLanguageModel {
    let name = "scripted"
    let log = PromptLog()
    var items: @Sendable (CriticPrompt) async throws -> String = { _ in #"{"items": []}"# }
    var votes: @Sendable (CriticPrompt) async throws -> String = { ScriptedCriticModel.voteAll($0, 1.0) }
    var text: @Sendable (CriticPrompt) async throws -> String = { _ in "" }

    func respond(_ prompt: CriticPrompt) async throws -> CriticModelReply {
        await log.append(prompt)
        let reply: String
        switch prompt.schema?.name {
        case "critic_items": reply = try await items(prompt)
        case "critic_votes": reply = try await votes(prompt)
        default: reply = try await text(prompt)
        }
        return CriticModelReply(text: reply, promptTokens: 50, completionTokens: 10)
    }

    /// The ids listed in a vote prompt (`- id 1.completeness.1 by …`).
    static func ids(in prompt: CriticPrompt) -> [String] {
        prompt.user.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("- id ") else { return nil }
            return line.dropFirst(5).split(separator: " ").first.map(String.init)
        }
    }

    /// A vote reply with the same vote on every item of the prompt.
    static func voteAll(_ prompt: CriticPrompt, _ vote: Double) -> String {
        let entries = ids(in: prompt).map { #"{"id": "\#($0)", "vote": \#(vote)}"# }
        return #"{"votes": ["# + entries.joined(separator: ", ") + "]}"
    }
}

actor PromptLog {
    private(set) var prompts: [CriticPrompt] = []
    func append(_ prompt: CriticPrompt) { prompts.append(prompt) }
    func count(schema: String?) -> Int { prompts.filter { $0.schema?.name == schema }.count }
}

/// The reviser side of a scripted model: replies in order, the last one repeating.
actor ScriptedReviser: PlanReviser {
    nonisolated let name = "scripted-reviser"
    private var replies: [String]
    private(set) var requests: [PlanRevisionRequest] = []
    init(_ replies: [String]) { self.replies = replies }
    func revise(_ request: PlanRevisionRequest) async throws -> PlanProposal {
        requests.append(request)
        return PlanProposal(text: replies.count > 1 ? replies.removeFirst() : replies.first ?? "")
    }
}
