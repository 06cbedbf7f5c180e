import Critique
import Planner

/// What the background analysis found: the current plan's parallel layers, and for items of
/// finished rounds whether the plan their edit produces passes the validator.
public struct PlanAnalysisResult: Sendable, Equatable {
    public var plan: [String]
    public var layers: [[Int]]?
    /// item id → validator verdict on the edited plan (nil: the edit does not apply to the plan).
    public var editVerdicts: [String: Bool?]
}

extension PlanTasks {
    /// One item to check: its edit and the plan it was written about.
    struct PendingEdit: Sendable {
        var itemId: String
        var edit: PlanEdit
        var base: [String]
    }

    /// Items of finished rounds whose edit the validator has not judged yet, with each round's base plan.
    static func pendingEdits(in board: PlanBoard, checked: Set<String>) -> [PendingEdit] {
        var pending: [PendingEdit] = []
        var base = board.initialPlan
        for round in board.rounds where round.finished {
            for row in round.items where !checked.contains(row.item.id) {
                if let edit = row.item.edit { pending.append(PendingEdit(itemId: row.item.id, edit: edit, base: base)) }
            }
            base = round.plan ?? base
        }
        return pending
    }

    /// Runs on its own thread (validation, plan analysis and replanning are CPU work); cancelling the
    /// task abandons it. Reviews are cached by the task, so plans the critics already judged are free.
    static func analyse(plan: [String], edits: [PendingEdit], task: CritiqueTask, replanMilliseconds: Int) async -> PlanAnalysisResult? {
        await abandonable { () -> PlanAnalysisResult in
            func steps(_ texts: [String]) -> [PlanStep]? { try? PlanText.parse(texts.joined(separator: "\n")).map(\.step) }
            let layers = steps(plan).flatMap { task.review($0).analysis?.layers }
            let editor = PlanEditor(task: task, replanBudget: .milliseconds(replanMilliseconds))
            var verdicts: [String: Bool?] = [:]
            for pending in edits {
                guard let base = steps(pending.base), let edited = editor.apply(pending.edit, to: base) else {
                    verdicts[pending.itemId] = .some(nil)
                    continue
                }
                verdicts[pending.itemId] = task.review(edited).isValid
            }
            return PlanAnalysisResult(plan: plan, layers: layers, editVerdicts: verdicts)
        }
    }
}
