import PDDL
import Testing
@testable import Elicitation

@Suite("PDDL generation")
struct GenerationTests {
    @Test("generated PDDL for 300 random consistent models parses and validates with zero errors")
    func randomModelsValidate() throws {
        var generatedCount = 0
        for seed in UInt64(1)...300 {
            let model = RandomModels.make(seed: seed)
            #expect(model.problems.isEmpty, "seed \(seed): \(model.problems)")
            let pddl = try PDDLGenerator().generate(model)
            let report = ValidationReport.validate(domain: SourceText(name: "d", text: pddl.domain),
                                                   problem: SourceText(name: "p", text: pddl.problem))
            #expect(!report.hasErrors, "seed \(seed): \(report.diagnostics.filter(\.isError))\n\(pddl.domain)\n\(pddl.problem)")
            generatedCount += 1
        }
        #expect(generatedCount == 300)
    }

    @Test("the same model always gives the same, formatted text")
    func generationIsDeterministicAndFormatted() throws {
        let model = RandomModels.make(seed: 42)
        let first = try PDDLGenerator().generate(model)
        let second = try PDDLGenerator().generate(model)
        #expect(first == second)
        #expect(try PDDLFormatter().format(first.domain).get() == first.domain)
    }

    @Test("requirements follow what is used: negative preconditions and equality only when needed")
    func requirementsAreDerived() {
        var model = DomainModel(name: "r", predicates: [PredicateSignature("p", [Parameter("x", "object")])],
                                actions: [ActionSchema("a", parameters: [Parameter("x", "object")],
                                                       preconditions: [Literal("p", ["x"])], effects: [Literal("p", ["x"], negated: true)])])
        #expect(PDDLGenerator().requirements(of: model) == [":strips", ":typing"])
        model.actions[0].preconditions.append(Literal("p", ["x"], negated: true))
        model.actions[0].preconditions.append(Literal("=", ["x", "x"], negated: true))
        #expect(PDDLGenerator().requirements(of: model) == [":strips", ":typing", ":negative-preconditions", ":equality"])
    }

    @Test("an inconsistent model is refused with its problems instead of producing bad PDDL")
    func inconsistentModelIsRefused() {
        let model = DomainModel(name: "bad", objects: [ObjectDeclaration("t1", type: "truck")], goal: [Literal("at", ["t1"])])
        #expect(throws: GenerationError.self) { try PDDLGenerator().generate(model) }
        let messages = model.problems.map(\.message)
        #expect(messages.contains { $0.contains("'truck', which is not declared") })
        #expect(messages.contains { $0.contains("predicate 'at' is not declared") })
    }

    @Test("a model with empty sections (nothing declared yet) still generates valid PDDL")
    func emptyModelGenerates() throws {
        let pddl = try PDDLGenerator().generate(DomainModel(name: "empty"))
        let report = ValidationReport.validate(domain: SourceText(name: "d", text: pddl.domain),
                                               problem: SourceText(name: "p", text: pddl.problem))
        #expect(!report.hasErrors)
        #expect(report.problem?.name.text == "empty-problem")
    }
}
