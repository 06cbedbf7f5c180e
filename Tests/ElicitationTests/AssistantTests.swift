import Foundation
import Store
import Testing
@testable import Elicitation

/// A language model that answers from a script, streaming each answer in small pieces, and
/// remembers every request it got.
actor ScriptedLanguageModel: ElicitationLanguageModel {
    private var answers: [String]
    private(set) var requests: [ExtractionRequest] = []

    init(answers: [String]) { self.answers = answers }

    nonisolated func complete(_ request: ExtractionRequest, onToken: @escaping @Sendable (String) -> Void) async throws -> String {
        let answer = await next(request)
        var index = answer.startIndex
        while index < answer.endIndex {
            let end = answer.index(index, offsetBy: 16, limitedBy: answer.endIndex) ?? answer.endIndex
            onToken(String(answer[index..<end]))
            index = end
        }
        return answer
    }

    private func next(_ request: ExtractionRequest) -> String {
        requests.append(request)
        return answers.isEmpty ? "{}" : answers.removeFirst()
    }
}

/// Collects streamed tokens.
final class TokenSink: @unchecked Sendable {
    // Only appended to from one extraction at a time; the lock keeps the checker honest.
    private let lock = NSLock()
    private var _tokens: [String] = []
    func append(_ token: String) { lock.lock(); _tokens.append(token); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return _tokens.joined() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return _tokens.count }
}

@Suite("Language-model path")
struct AssistantTests {
    /// The gripper model as the scripts build it.
    static func gripperModel() -> DomainModel {
        var conversation = Conversation()
        _ = Scripts.run(Array(Scripts.gripper.dropLast(2)), on: &conversation)
        return conversation.state.model
    }

    static func json(_ model: DomainModel) -> String { "Here is the model:\n" + DomainModelSchema.encode(model) }

    @Test("an invalid answer is sent back with its problems and the repaired answer is used")
    func repairLoopFixesAnInvalidModel() async throws {
        var broken = Self.gripperModel()
        broken.actions[1].preconditions.append(Literal("holds", ["b", "g"]))  // undeclared predicate
        let fake = ScriptedLanguageModel(answers: ["not json at all", Self.json(broken), Self.json(Self.gripperModel())])
        let sink = TokenSink()
        let result = try await ModelExtractor(languageModel: fake)
            .extract(from: "a robot with two grippers moves balls", current: DomainModel()) { sink.append($0) }
        #expect(result.model == Self.gripperModel())
        #expect(result.repairRounds == 2)
        let requests = await fake.requests
        #expect(requests.map(\.round) == [0, 1, 2])
        #expect(requests[1].repairFeedback.first?.contains("not valid JSON") == true)
        #expect(requests[2].repairFeedback == ["action 'pick' (requires): the predicate 'holds' is not declared"])
        #expect(requests[0].instructions.contains("\"initialState\""))
        #expect(sink.count > 10)
        #expect(sink.text.hasSuffix("}"))
    }

    @Test("extraction gives up after the bounded number of repair rounds")
    func repairIsBounded() async throws {
        let fake = ScriptedLanguageModel(answers: Array(repeating: "nope", count: 10))
        await #expect(throws: ExtractionError.self) {
            _ = try await ModelExtractor(languageModel: fake, maxRepairRounds: 2).extractModel(from: "x", current: DomainModel())
        }
        #expect(await fake.requests.count == 3)
    }

    @Test("a session with the fake model reaches complete: free text, a clarifying question, controlled fixes")
    func sessionWithLanguageModelCompletes() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let store = try fixture.open()
        let user = try await fixture.user(in: store)
        var withoutGoal = Self.gripperModel()
        withoutGoal.goal = []
        var invalid = withoutGoal
        invalid.objects.append(ObjectDeclaration("ball9", type: "sphere"))  // undeclared type
        let fake = ScriptedLanguageModel(answers: [Self.json(invalid), Self.json(withoutGoal)])
        let session = try await ElicitationSession.start(store: store, userId: user,
                                                         extractor: ModelExtractor(languageModel: fake))
        let sink = TokenSink()
        let first = try await session.send("A robot with two grippers carries three balls from room a to room b.") { sink.append($0) }
        #expect(first.text.contains("There is no goal yet."), "\(first.text)")
        #expect(first.stage == .goal)
        #expect(sink.text.contains("\"gripper\""))
        _ = try await session.send("goal at(ball1, roomb), at(ball2, roomb), at(ball3, roomb)")
        var reply = try await session.send("next")
        #expect(reply.stage == .review, "\(reply.text)")
        reply = try await session.send("yes")
        #expect(reply.stage == .complete, "\(reply.text)")
        #expect(try Scripts.solve(reply.completed!) != nil)
        #expect(await fake.requests.count == 2)
    }
}
