import PDDL

/// A sound plan validator over the lifted PDDL semantics (VAL-equivalent for classical planning):
/// it simulates each step on a set of ground atoms, evaluating quantifiers over the objects,
/// conditional effects on the state before the step, deletes before adds. It does not rely on the
/// grounded task, so it judges steps that grounding would have pruned.
public struct PlanValidator: Sendable {
    let task: LiftedTask

    public init(domain: Domain, problem: Problem) throws {
        task = try LiftedTask(domain: domain, problem: problem)
    }

    /// The facts true initially, for callers that simulate step by step.
    var initialState: Set<FactKey> { Set(task.initialFacts) }

    public func validate(_ steps: [PlanStep]) -> PlanValidationReport {
        var state = initialState
        var cost = 0.0
        for (index, step) in steps.enumerated() {
            let binding: [Int32]
            switch resolve(step) {
            case .failure(let failure):
                var failure = failure
                failure.step = index + 1
                return PlanValidationReport(isValid: false, cost: Int(cost + 0.5), failure: failure, unmetGoals: [],
                                            advice: [], executedSteps: index)
            case .success(let b): binding = b
            }
            let action = task.actions[task.actionIndex[step.action]!]
            var full = binding
            if !holds(action.precondition, &full, slotTypes: action.slotTypes, in: state) {
                var literals: [UnsatisfiedLiteral] = []
                collectUnsatisfied(action.precondition, &full, slotTypes: action.slotTypes, in: state, into: &literals)
                let failure = StepFailure(step: index + 1, action: step.description, kind: .unsatisfiedPrecondition,
                                          message: "precondition of \(step) does not hold",
                                          unsatisfied: literals.map(\.text))
                return PlanValidationReport(isValid: false, cost: Int(cost + 0.5), failure: failure, unmetGoals: [],
                                            advice: advice(for: literals), executedSteps: index)
            }
            cost += apply(action, binding: &full, to: &state)
        }
        var goalBinding = Array(repeating: Int32(-1), count: task.goalSlotTypes.count)
        var unmet: [UnsatisfiedLiteral] = []
        if !holds(task.goal, &goalBinding, slotTypes: task.goalSlotTypes, in: state) {
            collectUnsatisfied(task.goal, &goalBinding, slotTypes: task.goalSlotTypes, in: state, into: &unmet)
        }
        let total = task.usesActionCosts ? Int(cost + 0.5) : steps.count
        return PlanValidationReport(isValid: unmet.isEmpty, cost: total, failure: nil, unmetGoals: unmet.map(\.text),
                                    advice: advice(for: unmet), executedSteps: steps.count)
    }

    enum Resolution { case success([Int32]), failure(StepFailure) }

    /// Checks the step's action, arity, objects and types; returns the binding of all slots.
    func resolve(_ step: PlanStep) -> Resolution {
        func fail(_ kind: StepFailure.Kind, _ message: String) -> Resolution {
            .failure(StepFailure(step: 0, action: step.description, kind: kind, message: message, unsatisfied: []))
        }
        guard let a = task.actionIndex[step.action] else {
            return fail(.unknownAction, "the domain has no action '\(step.action)'")
        }
        let action = task.actions[a]
        guard step.arguments.count == action.parameterCount else {
            return fail(.wrongArity, "'\(step.action)' takes \(action.parameterCount) arguments, \(step) has \(step.arguments.count)")
        }
        var binding = Array(repeating: Int32(-1), count: action.slotTypes.count)
        for (i, name) in step.arguments.enumerated() {
            guard let object = task.objectIndex[name] else { return fail(.unknownObject, "unknown object '\(name)' in \(step)") }
            guard task.objectIs(object, ofTypes: action.slotTypes[i]) else {
                let types = action.slotTypes[i].map { task.typeNames[$0] }.joined(separator: " or ")
                return fail(.wrongType, "'\(name)' is not of type \(types) (parameter ?\(action.parameterNames[i]) of '\(step.action)')")
            }
            binding[i] = object
        }
        return .success(binding)
    }

    /// Applies the effects of a step (precondition already checked); returns its cost.
    func apply(_ action: LiftedAction, binding: inout [Int32], to state: inout Set<FactKey>) -> Double {
        var adds: [FactKey] = [], deletes: [FactKey] = []
        var cost = 0.0
        let before = state
        for effect in action.effects {
            forEach(effect.forallSlots, index: 0, binding: &binding, slotTypes: action.slotTypes) { binding in
                for condition in effect.conditions where !holds(condition, &binding, slotTypes: action.slotTypes, in: before) { return }
                switch effect.kind {
                case .add(let p, let terms): adds.append(FactKey(predicate: Int32(p), arguments: terms.map { $0.resolve(binding) }))
                case .delete(let p, let terms): deletes.append(FactKey(predicate: Int32(p), arguments: terms.map { $0.resolve(binding) }))
                case .increaseCost(let amount): cost += task.costValue(amount, binding: binding) ?? 0
                }
            }
        }
        for fact in deletes { state.remove(fact) }
        for fact in adds { state.insert(fact) }
        return task.usesActionCosts ? cost : 1
    }

    func forEach(_ slots: [Int], index: Int, binding: inout [Int32], slotTypes: [[Int]], _ body: (inout [Int32]) -> Void) {
        if index == slots.count { body(&binding); return }
        for object in task.objects(ofTypes: slotTypes[slots[index]]) {
            binding[slots[index]] = object
            forEach(slots, index: index + 1, binding: &binding, slotTypes: slotTypes, body)
        }
    }

    func holds(_ condition: LiftedCondition, _ binding: inout [Int32], slotTypes: [[Int]], in state: Set<FactKey>) -> Bool {
        switch condition {
        case .atom(let p, let terms):
            return state.contains(FactKey(predicate: Int32(p), arguments: terms.map { $0.resolve(binding) }))
        case .equals(let a, let b): return a.resolve(binding) == b.resolve(binding)
        case .not(let inner): return !holds(inner, &binding, slotTypes: slotTypes, in: state)
        case .and(let parts):
            for part in parts where !holds(part, &binding, slotTypes: slotTypes, in: state) { return false }
            return true
        case .or(let parts):
            for part in parts where holds(part, &binding, slotTypes: slotTypes, in: state) { return true }
            return false
        case .forall(let slots, let body), .exists(let slots, let body):
            let universal: Bool = { if case .forall = condition { true } else { false } }()
            var result = universal
            forEach(slots, index: 0, binding: &binding, slotTypes: slotTypes) { binding in
                if result != universal { return }
                if holds(body, &binding, slotTypes: slotTypes, in: state) != universal { result = !universal }
            }
            return result
        }
    }
}
