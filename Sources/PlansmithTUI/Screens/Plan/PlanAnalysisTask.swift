import Critique
import PlansmithCore

/// What the background analysis found: the current plan's parallel layers, and for items of
/// finished rounds whether the plan their edit produces passes the validator.
public typealias PlanAnalysisResult = PlanCheckup

extension PlanTasks {
    /// Items of finished rounds whose edit the validator has not judged yet, with each round's base plan.
    static func pendingEdits(in board: PlanBoard, checked: Set<String>) -> [EditCheck] {
        var pending: [EditCheck] = []
        var base = board.initialPlan
        for round in board.rounds where round.finished {
            for row in round.items where !checked.contains(row.item.id) {
                if let edit = row.item.edit { pending.append(EditCheck(itemId: row.item.id, edit: edit, base: base)) }
            }
            base = round.plan ?? base
        }
        return pending
    }

    /// Through the planning service, on its own thread (validation, plan analysis and replanning
    /// are CPU work); cancelling the task abandons it.
    static func analyse(_ planning: any PlanningService, plan: [String], edits: [EditCheck], task: CritiqueTask,
                        replanMilliseconds: Int) async -> PlanAnalysisResult? {
        await planning.review(plan: plan, edits: edits, task: task, replanBudget: .milliseconds(replanMilliseconds))
    }
}
