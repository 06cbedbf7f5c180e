import Critique
import FakeLLMServer
import Foundation
import LLM
@testable import PlansmithCore
import PlansmithTestSupport
import Store
import Testing

/// LLM mode end to end over real HTTP (loopback) to the in-process fake provider: proposer, three
/// LLM critics and the reviser all talk to it through the router, sessions persist in SQLite.
@Suite("Critique with LLM critics over HTTP", .serialized)
struct LLMCritiqueTests {
    /// Every id the first `iterations` rounds can produce (critic order is fixed, ≤ 8 items each):
    /// a scripted model cannot read the prompt, so its ballot names them all.
    static func voteOnEverything(_ vote: Double, iterations: Int = 3) -> FakeStep {
        let critics = ["completeness", "efficiency", "safety", "llm-completeness", "llm-efficiency", "llm-safety"]
        var entries: [String] = []
        for i in 1...iterations { for c in critics { for n in 1...8 { entries.append(#"{"id":"\#(i).\#(c).\#(n)","vote":\#(vote)}"#) } } }
        return FakeStep.structured(#"{"votes":["# + entries.joined(separator: ",") + "]}", toolName: "critic_votes")
    }

    static let dropFirstStep = FakeStep.structured(
        #"{"items":[{"severity":"critical","message":"step 1 is pointless","steps":[1],"edit":{"kind":"delete-steps","steps":[1]}}]}"#,
        toolName: "critic_items")  // Anthropic: the forced tool is named after the schema

    func request(_ server: FakeLLMServer, provider: String = "openai", problem: String = "p01", timeout: Duration = .seconds(20),
                 maxIterations: Int = 2) throws -> CritiqueRequest {
        let environment = ["OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": "sk-test-llm-critique",
                           "ANTHROPIC_BASE_URL": server.baseURL, "ANTHROPIC_API_KEY": "sk-ant-test-llm-critique"]
        let configuration = try LLMConfiguration.load(configText: "[llm]\nmax_retries = 0", environment: environment)
        var request = CritiqueRequest(task: try CritiqueServiceTests.task("blocks", problem),
                                      configuration: CritiqueConfiguration(maxIterations: maxIterations))
        let folder = Corpus.directory + "/blocks"
        request.useLLM(RoutedChatModel(router: LLMRouter(configuration: configuration), provider: provider, session: "test"),
                       domainText: try String(contentsOfFile: folder + "/domain.pddl", encoding: .utf8),
                       problemText: try String(contentsOfFile: folder + "/\(problem).pddl", encoding: .utf8), timeout: timeout)
        return request
    }

    func run(_ request: CritiqueRequest) async throws -> (CritiqueResult, [CritiqueEvent], CritiqueServiceTests.Fixture, Int64) {
        let fixture = try await CritiqueServiceTests.Fixture()
        let service = fixture.service()
        let subscription = await fixture.bus.subscribe()
        let id = try await service.start(request)
        let events = await CritiqueServiceTests.collect(subscription, session: id)
        guard case .sessionFinished(let result) = events.last else { throw CancellationError() }
        return (result, events, fixture, id)
    }

    @Test("LLM critics' JSON items and votes arrive over HTTP (OpenAI json_schema, Anthropic forced tool); every critic votes on every item; invalid plans never become current",
          arguments: ["openai", "anthropic"])
    func itemsAndVotesOverHTTP(_ provider: String) async throws {
        let server = FakeLLMServer()
        try server.start()
        server.route("Solve this PDDL planning problem", .reply("(unstack b1 b9)"))
        server.route("critic_items", Self.dropFirstStep)
        server.route("critic_votes", Self.voteOnEverything(1.0))
        server.route("Write a revised plan", .reply("(stack b1 b1)"))
        let request = try request(server, provider: provider)
        let (result, events, fixture, id) = try await run(request)
        await server.stopServing()
        let plan = try #require(result.plan)
        #expect(request.task.validator.validate(plan.steps).isValid)
        #expect(result.initialSource == .classicalFallback(proposer: provider, rounds: 3))
        let round = try #require(result.rounds.first { $0.iteration == 1 })
        #expect(round.criticFailures.isEmpty, "\(round.criticFailures)")
        #expect(round.items.filter { $0.author.rawValue.hasPrefix("llm-") }.count == 3)
        for score in round.scores { #expect(score.votes.count == 6, "\(score.itemId)") }
        for role in CriticRole.allCases { #expect((round.agreedWithInvalid[role.llmName] ?? 0) >= 3) }
        #expect(round.revision?.valid == false)
        #expect(result.rounds.allSatisfy { $0.validation.valid })
        let votes = events.filter { if case .vote(1, _, let critic, _) = $0 { critic.rawValue.hasPrefix("llm-") } else { false } }
        #expect(votes.count == 3 * round.items.count)
        #expect(events.contains { if case .llmUsage = $0 { true } else { false } })
        let saved = try await fixture.store.planningSessions.iterations(of: id, userId: fixture.userId)
        let critiques = try #require(saved.first { $0.iterationNum == 1 }?.critiques)
        #expect(critiques.contains("llm-safety") && critiques.contains("\"revision\""))
    }

    @Test("garbage items and a provider that never answers the ballot: recorded failures, and the session ends with a valid plan")
    func garbageAndHangAreRecorded() async throws {
        let server = FakeLLMServer()
        try server.start()
        server.route("Solve this PDDL planning problem", .reply("no plan, sorry"))
        server.route("critic_items", .reply("Looks fine to me!"))
        server.route("critic_votes", FakeStep(fault: .hang))
        server.route("Write a revised plan", .reply("(stack b1 b1)"))
        let clock = ContinuousClock()
        let started = clock.now
        // p03: the sound critics have items, so there is a ballot to (not) answer.
        let request = try request(server, problem: "p03", timeout: .milliseconds(800), maxIterations: 1)
        let (result, _, _, _) = try await run(request)
        await server.stopServing()
        #expect(clock.now - started < .seconds(60))
        let plan = try #require(result.plan)
        #expect(request.task.validator.validate(plan.steps).isValid)
        let round = try #require(result.rounds.first { $0.iteration == 1 })
        #expect(!round.items.isEmpty)
        let reviews = round.criticFailures.filter { $0.phase == .review }
        #expect(reviews.count == 3)
        #expect(reviews.allSatisfy { $0.message.contains("schema") || $0.message.contains("JSON") }, "\(reviews)")
        let ballots = round.criticFailures.filter { $0.phase == .vote }
        #expect(ballots.map(\.critic.rawValue).sorted() == ["llm-completeness", "llm-efficiency", "llm-safety"])
        #expect(ballots.allSatisfy { $0.message.contains("no reply within") }, "\(ballots)")
        // A garbage reply was asked again once (structured output's one re-ask) before failing.
        #expect(server.requests.filter { $0.bodyText.contains("critic_items") }.count == 6)
    }
}
