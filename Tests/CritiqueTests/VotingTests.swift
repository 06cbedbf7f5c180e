import Critique
import Foundation
import Testing

@Suite("Voting")
struct VotingTests {
    @Test("score is the weighted sum of votes and the default threshold 0.5 accepts 0.55")
    func weightedScore() {
        let score = ItemScore(itemId: "1.efficiency.1",
                              votes: [.completeness: .agree, .efficiency: .neutral, .safety: .disagree],
                              configuration: .default)
        #expect(score.score == 0.55)
        #expect(score.accepted)
    }

    @Test("an item below the threshold is rejected, and the threshold is configurable")
    func threshold() {
        let votes: [CriticName: Vote] = [.completeness: .disagree, .efficiency: .agree, .safety: .neutral]
        let rejected = ItemScore(itemId: "x", votes: votes, configuration: .default)
        #expect(rejected.score == 0.45)
        #expect(!rejected.accepted)
        var lenient = CritiqueConfiguration.default
        lenient.threshold = 0.4
        #expect(ItemScore(itemId: "x", votes: votes, configuration: lenient).accepted)
    }

    @Test("weights come from the configuration; unknown critics are recorded but weigh nothing")
    func customWeights() {
        var configuration = CritiqueConfiguration.default
        configuration.weights = ["completeness": 0.8, "efficiency": 0.1, "safety": 0.1]
        let score = ItemScore(itemId: "x", votes: [.completeness: .agree, CriticName("llm-gpt"): .agree], configuration: configuration)
        #expect(score.score == 0.8)
        #expect(score.votes.count == 2)
    }

    @Test("the configuration round-trips through JSON with the documented defaults")
    func configurationCodable() throws {
        let data = try JSONEncoder().encode(CritiqueConfiguration.default)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["threshold"] as? Double == 0.5)
        #expect((object["weights"] as? [String: Double])?["completeness"] == 0.4)
        #expect(try JSONDecoder().decode(CritiqueConfiguration.self, from: data) == .default)
    }

    @Test("item scores encode votes as an object keyed by critic name")
    func votesEncodeAsObject() throws {
        let score = ItemScore(itemId: "x", votes: [.safety: .disagree], configuration: .default)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(score)) as? [String: Any])
        #expect((object["votes"] as? [String: Double])?["safety"] == 0.0)
    }

    @Test("with LLM critics each role's weight is split in half, and an abstaining critic's weight goes to those who voted")
    func llmWeightsAndAbstention() throws {
        let configuration = CritiqueConfiguration().withLLMCritics()
        #expect(configuration.weight(of: .completeness) == 0.2 && configuration.weight(of: CriticName("llm-completeness")) == 0.2)
        #expect(configuration.weight(of: CriticName("llm-safety")) == 0.15)
        let sound: [CriticName: Vote] = [.completeness: .agree, .efficiency: .agree, .safety: .neutral]
        // The LLM critics failed: the sound votes alone are scaled to the session's whole weight.
        let abstained = ItemScore(itemId: "x", votes: sound, configuration: configuration, sessionWeight: 1.0)
        #expect(abstained.score == 0.85 && abstained.accepted)
        #expect(ItemScore(itemId: "x", votes: sound, configuration: configuration).score == 0.425)
        // Everyone voted: the same as the plain score.
        var all = sound
        for role in CriticRole.allCases { all[role.llmName] = .disagree }
        #expect(ItemScore(itemId: "x", votes: all, configuration: configuration, sessionWeight: 1.0).score == 0.425)
    }

    @Test("neutral votes alone score exactly 0.5 and do not pass: someone must agree")
    func neutralAloneFails() {
        let neutral: [CriticName: Vote] = [.completeness: .neutral, .efficiency: .neutral, .safety: .neutral]
        let score = ItemScore(itemId: "x", votes: neutral, configuration: .default)
        #expect(score.score == 0.5 && !score.accepted)
        let llm = CritiqueConfiguration().withLLMCritics()
        var all = neutral
        for name in ["llm-completeness", "llm-efficiency", "llm-safety"] { all[CriticName(name)] = .neutral }
        let llmScore = ItemScore(itemId: "x", votes: all, configuration: llm, sessionWeight: 1.0)
        #expect(llmScore.score == 0.5 && !llmScore.accepted)
        // Abstentions scale the neutral votes up to 0.5 again: still no one agrees.
        let abstained = ItemScore(itemId: "x", votes: [.completeness: .neutral], configuration: .default, sessionWeight: 1.0)
        #expect(abstained.score == 0.5 && !abstained.accepted)
    }

    @Test("one agree vote at or above the threshold passes; an agree from a critic without weight does not count")
    func agreementNeeded() {
        let one = ItemScore(itemId: "x", votes: [.completeness: .neutral, .efficiency: .agree, .safety: .disagree],
                            configuration: .default)
        #expect(one.score == 0.5 && one.accepted)
        let weightless = ItemScore(itemId: "x", votes: [.completeness: .neutral, .efficiency: .neutral, .safety: .neutral,
                                                         CriticName("llm-unconfigured"): .agree], configuration: .default)
        #expect(weightless.score == 0.5 && !weightless.accepted)
    }
}
