import Critique
import Planner
import Testing

@Suite("Plan edits")
struct PlanEditorTests {
    @Test("reorder puts steps in the given order and rejects a non-permutation")
    func reorder() throws {
        let task = try TestTasks.blocks()
        let editor = PlanEditor(task: task)
        let plan = TestTasks.blocksPlan
        #expect(editor.apply(.reorder([1, 0, 2, 3]), to: plan) == [plan[1], plan[0], plan[2], plan[3]])
        #expect(editor.apply(.reorder([0, 0, 1, 2]), to: plan) == nil)
    }

    @Test("replace segment swaps a range for parsed steps")
    func replaceSegment() throws {
        let task = try TestTasks.blocks()
        let result = PlanEditor(task: task).apply(.replaceSegment(start: 0, end: 4, steps: ["(pick-up a)", "(put-down a)"]),
                                                  to: TestTasks.blocksPlan)
        #expect(result == TestTasks.steps("(pick-up a)", "(put-down a)"))
    }

    @Test("replan from step k keeps the prefix and finds a suffix that reaches the goal")
    func replanFromStep() throws {
        let task = try TestTasks.blocks()
        let broken = TestTasks.steps("(pick-up b)", "(stack b c)", "(pick-up c)")
        let repaired = try #require(PlanEditor(task: task).apply(.replanFrom(step: 2, costBound: nil), to: broken))
        #expect(Array(repaired.prefix(2)) == Array(broken.prefix(2)))
        #expect(task.validator.validate(repaired).isValid)
    }

    @Test("replan under a cost bound finds nothing when the bound is the optimum")
    func replanRespectsBound() throws {
        let task = try TestTasks.blocks()
        let editor = PlanEditor(task: task)
        #expect(editor.apply(.replanFrom(step: 0, costBound: 4), to: TestTasks.blocksPlan) == nil)
        let cheaper = try #require(editor.apply(.replanFrom(step: 0, costBound: 8), to: TestTasks.wastefulBlocksPlan))
        #expect(task.validator.validate(cheaper).cost < 8)
    }
}
