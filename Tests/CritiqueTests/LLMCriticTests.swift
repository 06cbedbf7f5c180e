import Critique
import Foundation
import Planner
import Testing

@Suite("LLM critics")
struct LLMCriticTests {
    /// Sound critics plus the three LLM critics over `model`, weights split per role.
    func orchestrator(_ task: CritiqueTask, model: ScriptedCriticModel, maxIterations: Int = 1,
                      timeout: Duration = .seconds(5), reviser: (any PlanReviser)? = nil) -> CritiqueOrchestrator {
        CritiqueOrchestrator(task: task, critics: SoundCritics.all + LLMCritic.all(model: model, timeout: timeout),
                             configuration: CritiqueConfiguration(maxIterations: maxIterations).withLLMCritics(), reviser: reviser)
    }

    @Test("JSON items become feedback items: severity, message, 1-based steps and edits turned 0-based")
    func parsesItems() async throws {
        var model = ScriptedCriticModel()
        model.items = { prompt in
            guard prompt.system.contains("EFFICIENCY") else { return #"{"items": []}"# }
            return """
            Sure! ```json
            {"items": [{"id": "e1", "severity": "major", "message": "steps 1 and 2 are a detour", "steps": [1, 2],
                        "edit": {"kind": "delete-steps", "steps": [1, 2]}},
                       {"severity": "minor", "message": "swap", "edit": {"kind": "replace-segment", "start": 3, "end": 4, "replacement": ["(pick-up b)"]}},
                       {"severity": "urgent", "message": "bad severity is dropped"}]}
            ```
            """
        }
        let result = await orchestrator(try TestTasks.blocks(), model: model)
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1))
        let round = try #require(result.rounds.first)
        let llmItems = round.items.filter { $0.author == CriticName("llm-efficiency") }
        #expect(llmItems.count == 2)
        #expect(llmItems[0].id == "1.llm-efficiency.1")
        #expect(llmItems[0].severity == .major && llmItems[0].steps == [0, 1] && llmItems[0].edit == .deleteSteps([0, 1]))
        #expect(llmItems[1].edit == .replaceSegment(start: 2, end: 4, steps: ["(pick-up b)"]))
        #expect(round.criticFailures.isEmpty)
    }

    @Test("every LLM critic votes on every item, its own and the sound critics', and the votes count with their weights")
    func votesOnEveryItem() async throws {
        var model = ScriptedCriticModel()
        model.votes = { ScriptedCriticModel.voteAll($0, 0.5) }
        let result = await orchestrator(try TestTasks.blocks(), model: model)
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1))
        let round = try #require(result.rounds.first)
        #expect(round.items.contains { $0.author == .efficiency })
        let configuration = CritiqueConfiguration().withLLMCritics()
        for score in round.scores {
            #expect(Set(score.votes.keys.map(\.rawValue)) == ["completeness", "efficiency", "safety", "llm-completeness", "llm-efficiency", "llm-safety"])
            #expect(score.votes[CriticName("llm-safety")] == .neutral)
            let expected = score.votes.reduce(0.0) { $0 + configuration.weight(of: $1.key) * $1.value.rawValue }
            #expect(abs(score.score - expected) < 1e-9)
        }
        #expect(abs(configuration.weights.values.reduce(0, +) - 1.0) < 1e-9)
        #expect(await model.log.count(schema: "critic_votes") == 3)  // one ballot per LLM critic
    }

    @Test("garbage replies become recorded critic failures and the session still ends with a valid plan",
          arguments: ["", "I think the plan is fine.", #"{"verdict": "ok"}"#, #"{"items": [{"message": 3}]}"#])
    func garbageIsRecorded(_ garbage: String) async throws {
        var model = ScriptedCriticModel()
        model.items = { _ in garbage }
        model.votes = { _ in garbage }
        let result = await orchestrator(try TestTasks.blocks(), model: model, maxIterations: 3)
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1))
        let round = try #require(result.rounds.first)
        let failed = Set(round.criticFailures.map { "\($0.critic) \($0.phase.rawValue)" })
        #expect(failed.isSuperset(of: ["llm-completeness review", "llm-efficiency review", "llm-safety review"]))
        #expect(round.criticFailures.allSatisfy { $0.message.hasPrefix("unusable reply") })
        #expect(result.plan?.isValid == true)
        #expect(result.plan.map { $0.cost < 8 } == true, "the sound critics still improve the plan")
        // The failed critics abstained: their weight went to the sound critics, as offline.
        let offline = await CritiqueOrchestrator(task: try TestTasks.blocks(), configuration: CritiqueConfiguration(maxIterations: 3))
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1))
        #expect(round.scores.map(\.score) == offline.rounds.first?.scores.map(\.score))
    }

    @Test("a model that never answers is cut off at the timeout, recorded, and the session ends with a valid plan")
    func timeoutIsRecorded() async throws {
        var model = ScriptedCriticModel()
        model.items = { _ in try await Task.sleep(for: .seconds(600)); return "{}" }
        let clock = ContinuousClock()
        let started = clock.now
        let result = await orchestrator(try TestTasks.blocks(), model: model, timeout: .milliseconds(200))
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1))
        #expect(clock.now - started < .seconds(10))
        let round = try #require(result.rounds.first)
        #expect(round.criticFailures.filter { $0.phase == .review }.count == 3)
        #expect(round.criticFailures.allSatisfy { $0.message.contains("no reply within") })
        #expect(result.plan?.isValid == true)
    }

    @Test("LLM critics unanimously approving an edit that breaks the plan: accepted, vetoed, and counted per critic")
    func approvalOfInvalidEditIsVetoedAndCounted() async throws {
        var model = ScriptedCriticModel()
        model.items = { _ in #"{"items": [{"severity": "critical", "message": "drop step 1", "steps": [1], "edit": {"kind": "delete-steps", "steps": [1]}}]}"# }
        let result = await orchestrator(try TestTasks.blocks(), model: model, maxIterations: 2)
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.blocksPlan, nextIteration: 1))
        let round = try #require(result.rounds.first)
        let rogue = try #require(round.items.first { $0.author == CriticName("llm-safety") })
        let score = try #require(round.score(of: rogue.id))
        #expect(score.accepted)  // 0.5 from the LLM critics alone reaches the threshold
        #expect(score.votes[.completeness] == .disagree)
        #expect(!round.applied.contains(rogue.id))
        for role in CriticRole.allCases { #expect(round.agreedWithInvalid[role.llmName] == 3, "\(role)") }
        #expect(round.invalidEdits.count == 3)  // one breaking item per LLM critic
        #expect(round.agreedWithInvalid[.completeness] == nil)
        #expect(result.plan?.steps == TestTasks.blocksPlan)
        #expect(result.rounds.allSatisfy { $0.validation.valid })
    }

    @Test("an invalid LLM revision is vetoed; its first-failing-step diagnostics go back next round")
    func invalidRevisionIsVetoed() async throws {
        var model = ScriptedCriticModel()
        model.items = { _ in #"{"items": [{"severity": "major", "message": "do step 2 differently"}]}"# }
        let reviser = ScriptedReviser(["(pick-up b)\n(stack a b)", "(stack c a)"])
        let result = await orchestrator(try TestTasks.blocks(), model: model, maxIterations: 2, reviser: reviser)
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.blocksPlan, nextIteration: 1))
        #expect(result.rounds.count == 2, "a rejected revision gets another round")
        let first = try #require(result.rounds.first?.revision)
        #expect(!first.valid && !first.applied)
        #expect(first.feedback?.hasPrefix("step 2 (stack a b) fails") == true, "\(first.feedback ?? "")")
        let requests = await reviser.requests
        #expect(requests.count == 2)
        #expect(requests[0].diagnostics == nil && !requests[0].accepted.isEmpty)
        #expect(requests[1].diagnostics == first.feedback)
        #expect(requests[1].prompt.contains("rejected by the plan validator"))
        #expect(result.plan?.steps == TestTasks.blocksPlan)
        #expect(result.rounds.allSatisfy { $0.validation.valid && $0.applied.isEmpty })
        #expect(result.reason == .maxIterations)
    }

    @Test("a valid, cheaper LLM revision is applied as the next plan")
    func validRevisionIsApplied() async throws {
        var model = ScriptedCriticModel()
        model.items = { _ in #"{"items": [{"severity": "major", "message": "steps 1 and 2 waste moves"}]}"# }
        let reviser = ScriptedReviser(["(pick-up b)\n(stack b c)\n(pick-up a)\n(stack a b)"])
        let llmOnly = CritiqueConfiguration(weights: ["llm-completeness": 0.4, "llm-efficiency": 0.3, "llm-safety": 0.3], maxIterations: 1)
        let result = await CritiqueOrchestrator(task: try TestTasks.blocks(), critics: LLMCritic.all(model: model),
                                                configuration: llmOnly, reviser: reviser)
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1))
        let round = try #require(result.rounds.first)
        #expect(round.revision?.valid == true && round.revision?.applied == true && round.revision?.cost == 4)
        #expect(round.applied.first == CritiqueOrchestrator.revisionId)
        #expect(result.plan?.steps == TestTasks.blocksPlan)
    }

    @Test("cancelling while LLM critics wait on the model stops the session within 200 ms, with the last valid plan")
    func cancelDuringModelCall() async throws {
        var model = ScriptedCriticModel()
        model.items = { _ in try? await Task.sleep(for: .seconds(600)); return #"{"items": []}"# }
        let started = AsyncStream<Void>.makeStream()
        let orchestrator = self.orchestrator(try TestTasks.blocks(), model: model, timeout: .seconds(600))
        let session = Task {
            await orchestrator.run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1)) { event in
                if case .criticStarted = event { started.continuation.yield() }
            }
        }
        for await _ in started.stream { break }
        try await Task.sleep(for: .milliseconds(100))
        let clock = ContinuousClock()
        let cancelled = clock.now
        session.cancel()
        let result = await session.value
        #expect(clock.now - cancelled < .milliseconds(200))
        #expect(result.reason == .cancelled)
        #expect(result.plan?.isValid == true)
    }

    @Test("token usage of LLM critics is published as llmUsage events")
    func usageEvents() async throws {
        let log = EventLog()
        _ = await orchestrator(try TestTasks.blocks(), model: ScriptedCriticModel())
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1)) { await log.append($0) }
        let usage = await log.events.compactMap { event -> Int? in if case .llmUsage(let p, _) = event { p } else { nil } }
        #expect(usage.reduce(0, +) == 6 * 50)  // three critics × (review + ballot)
    }
}

@Suite("LLM critic replies")
struct CriticReplyTests {
    @Test("votes may be numbers or words; a vote outside 1.0/0.5/0.0 or an unknown id is an abstention")
    func voteForms() async throws {
        var model = ScriptedCriticModel()
        model.votes = { prompt in
            let ids = ScriptedCriticModel.ids(in: prompt)
            return #"{"votes": [{"id": "\#(ids[0])", "vote": "disagree"}, {"id": "nope", "vote": 1}]}"#
                .replacingOccurrences(of: "]}", with: ids.dropFirst().map { #", {"id": "\#($0)", "vote": 0.7}"# }.joined() + "]}")
        }
        let result = await CritiqueOrchestrator(task: try TestTasks.blocks(), critics: SoundCritics.all + [LLMCritic(role: .safety, model: model)],
                                                configuration: CritiqueConfiguration(maxIterations: 1).withLLMCritics())
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1))
        let round = try #require(result.rounds.first)
        #expect(round.items.count > 1)
        #expect(round.scores.first?.votes[CriticName("llm-safety")] == .disagree)
        #expect(round.scores.dropFirst().allSatisfy { $0.votes[CriticName("llm-safety")] == nil })
        let failure = try #require(round.criticFailures.first { $0.phase == .vote })
        #expect(failure.critic == CriticName("llm-safety") && failure.message.hasPrefix("no vote on"))
    }

    @Test("empty, placeholder, wordless and plan-less items are dropped, each with its reason in the critic failure")
    func nonsenseItemsAreDropped() async throws {
        var model = ScriptedCriticModel()
        model.items = { _ in
            #"{"items": [{"severity": "critical", "message": "]["}, {"severity": "critical", "message": "{{message}}"},"#
                + #" {"severity": "critical", "message": "The plan is valid."}, {"severity": "major", "message": ""},"#
                + #" {"severity": "catastrophic", "message": "step 1 is bad", "steps": [1]}, {"severity": "minor", "message": 42}]}"#
        }
        let result = await LLMCriticTests().orchestrator(try TestTasks.blocks(), model: model)
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1))
        let round = try #require(result.rounds.first)
        #expect(!round.items.contains { $0.author.rawValue.hasPrefix("llm-") })
        let failures = round.criticFailures.filter { $0.phase == .review }
        #expect(failures.count == 3)
        let message = try #require(failures.first?.message)
        for reason in ["has no words", "is a placeholder", "names no step, action or object", "unknown severity", "not text"] {
            #expect(message.contains(reason), "\(reason) missing in: \(message)")
        }
        #expect(result.plan?.isValid == true)
    }

    @Test("a sensible item survives beside nonsense: one naming an action, one naming a step")
    func sensibleItemsSurvive() async throws {
        var model = ScriptedCriticModel()
        model.items = { prompt in
            guard prompt.system.contains("SAFETY") else { return #"{"items": []}"# }
            return #"{"items": [{"severity": "critical", "message": "The plan is valid."},"#
                + #" {"severity": "minor", "message": "put-down of a right after pick-up is a detour"},"#
                + #" {"severity": "major", "message": "Step 5 undoes step 4"}]}"#
        }
        let result = await LLMCriticTests().orchestrator(try TestTasks.blocks(), model: model)
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1))
        let round = try #require(result.rounds.first)
        let kept = round.items.filter { $0.author == CriticName("llm-safety") }.map(\.message)
        #expect(kept == ["put-down of a right after pick-up is a detour", "Step 5 undoes step 4"])
        #expect(round.criticFailures.filter { $0.phase == .review }.isEmpty)
    }

    @Test("an LLM item that every critic only calls neutral is not accepted")
    func unsupportedItemFails() async throws {
        var model = ScriptedCriticModel()
        model.items = { prompt in
            guard prompt.system.contains("SAFETY") else { return #"{"items": []}"# }
            return #"{"items": [{"severity": "critical", "message": "step 2 looks risky", "steps": [2]}]}"#
        }
        model.votes = { ScriptedCriticModel.voteAll($0, 0.5) }
        let result = await LLMCriticTests().orchestrator(try TestTasks.blocks(), model: model)
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1))
        let round = try #require(result.rounds.first)
        let item = try #require(round.items.first { $0.author == CriticName("llm-safety") })
        let score = try #require(round.scores.first { $0.itemId == item.id })
        #expect(!score.votes.values.contains(.agree), "\(score.votes)")
        #expect(score.score == 0.5 && !score.accepted)
    }
}
