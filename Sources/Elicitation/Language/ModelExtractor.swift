import Foundation

/// Structured extraction with a bounded repair loop: ask the language model for the whole
/// model as JSON, check it (decodes? `DomainModel.problems` empty?), and when it is not usable
/// send the problems back and ask again, at most `maxRepairRounds` times.
public struct ModelExtractor: Sendable {
    public let languageModel: any ElicitationLanguageModel
    public let maxRepairRounds: Int

    public init(languageModel: any ElicitationLanguageModel, maxRepairRounds: Int = 3) {
        self.languageModel = languageModel; self.maxRepairRounds = maxRepairRounds
    }

    public func extract(from text: String, current: DomainModel,
                        onToken: @escaping @Sendable (String) -> Void = { _ in }) async throws -> ExtractionResult {
        var feedback: [[String]] = []
        var request = ExtractionRequest(instructions: DomainModelSchema.instructions, userText: text,
                                        currentModelJSON: DomainModelSchema.encode(current), repairFeedback: [], round: 0)
        while true {
            try Task.checkCancellation()
            let answer = try await languageModel.complete(request, onToken: onToken)
            let problems: [String]
            do {
                let model = try DomainModelSchema.decode(answer)
                problems = Self.validationProblems(of: model)
                if problems.isEmpty { return ExtractionResult(model: model, repairRounds: request.round, feedback: feedback) }
            } catch {
                problems = ["the answer is not valid JSON for the schema: \(error)"]
            }
            guard request.round < maxRepairRounds else { throw ExtractionError(rounds: request.round + 1, lastProblems: problems) }
            feedback.append(problems)
            request.round += 1
            request.repairFeedback = problems
        }
    }

    /// The model extracted from `text`, starting from `current` (convenience without streaming).
    public func extractModel(from text: String, current: DomainModel) async throws -> DomainModel {
        try await extract(from: text, current: current).model
    }

    /// The model's own consistency problems, then anything the PDDL validator rejects in the
    /// generated text (an incomplete model, e.g. without a goal yet, is fine at this point).
    static func validationProblems(of model: DomainModel) -> [String] {
        let problems = model.problems.map(\.message)
        guard problems.isEmpty else { return problems }
        do {
            _ = try PDDLGenerator().generate(model)
            return []
        } catch {
            return [error.description]
        }
    }
}
