import PDDL

/// Limits for grounding.
public struct GroundingOptions: Sendable {
    /// Most ground operators (reachable action instances) before grounding gives up.
    public var operatorLimit: Int
    /// Most disjuncts one precondition or effect condition may expand to.
    public var disjunctLimit: Int
    /// Grounding stops with `PlanningError.limitReached(.time)` at this instant (checked inside
    /// the reachability join and per instantiated action, not only between phases).
    public var deadline: ContinuousClock.Instant?
    /// Grounding stops with `PlanningError.limitReached(.memory)` when its own structures pass this.
    public var memoryLimitBytes: Int?

    public init(operatorLimit: Int = 1_000_000, disjunctLimit: Int = 10_000, deadline: ContinuousClock.Instant? = nil,
                memoryLimitBytes: Int? = nil) {
        self.operatorLimit = operatorLimit
        self.disjunctLimit = disjunctLimit
        self.deadline = deadline
        self.memoryLimitBytes = memoryLimitBytes
    }
}

/// Turns a PDDL domain + problem into a `GroundedTask`.
///
/// Phase 1 (`LiftedReachability`) finds relaxed-reachable action instances; phase 2 instantiates
/// each one's precondition and effects, evaluating static facts and splitting disjunctions (DNF)
/// into several operators; phase 3 (`GroundTaskPruner`) reruns relaxed reachability on the exact
/// ground operators, drops facts that never change, and renumbers facts densely.
public enum Grounder {
    public static func ground(domain: Domain, problem: Problem, options: GroundingOptions = GroundingOptions()) throws -> GroundedTask {
        let lifted = try LiftedTask(domain: domain, problem: problem)
        var reachability = LiftedReachability(task: lifted, operatorLimit: options.operatorLimit, deadline: options.deadline,
                                              memoryLimitBytes: options.memoryLimitBytes)
        try reachability.run()
        var budget = BudgetCheck(deadline: options.deadline, memoryLimitBytes: options.memoryLimitBytes, stride: 16)
        var facts = reachability.facts
        let instantiator = FormulaInstantiator(task: lifted, facts: facts, initial: Set(lifted.initialFacts))
        var operators: [GroundOperator] = []
        var operatorBytes = 0
        for (a, arguments) in reachability.instances {
            if budget.isDue(), let limit = budget.exceededNow(bytes: reachability.estimatedBytes + operatorBytes) {
                throw PlanningError.limitReached(limit)
            }
            let before = operators.count
            try instantiate(action: a, arguments: arguments, lifted: lifted, instantiator: instantiator,
                            facts: &facts, options: options, into: &operators)
            for op in operators[before...] {
                operatorBytes += 160 + 4 * (op.preconditions.count + op.adds.count + op.deletes.count + op.arguments.count)
            }
            if operators.count > options.operatorLimit {
                throw PlanningError.tooManyOperators(limit: options.operatorLimit, schema: lifted.actions[a].name)
            }
        }
        var goalBinding = Array(repeating: Int32(-1), count: lifted.goalSlotTypes.count)
        let goal = instantiator.instantiate(lifted.goal, binding: &goalBinding, slotTypes: lifted.goalSlotTypes)
        let goalDNF: [[Int32]]
        do { goalDNF = try goal.disjunctiveNormalForm(limit: options.disjunctLimit) } catch {
            throw PlanningError.formulaTooLarge(action: "goal", disjuncts: options.disjunctLimit)
        }
        let fluentInit = lifted.initialFacts.compactMap { lifted.predicateIsStatic[Int($0.predicate)] ? nil : facts.id(of: $0) }
        if let limit = budget.exceededNow(bytes: reachability.estimatedBytes + operatorBytes) { throw PlanningError.limitReached(limit) }
        var pruner = GroundTaskPruner(facts: facts, lifted: lifted, operators: operators, initial: fluentInit, goal: goalDNF)
        return pruner.run()
    }

    private static func instantiate(action a: Int, arguments: [Int32], lifted: LiftedTask, instantiator: FormulaInstantiator,
                                    facts: inout FactTable, options: GroundingOptions, into operators: inout [GroundOperator]) throws {
        let action = lifted.actions[a]
        var binding = arguments + Array(repeating: -1, count: action.slotTypes.count - action.parameterCount)
        let precondition = instantiator.instantiate(action.precondition, binding: &binding, slotTypes: action.slotTypes)
        if case .constant(false) = precondition { return }
        let disjuncts: [[Int32]]
        do { disjuncts = try precondition.disjunctiveNormalForm(limit: options.disjunctLimit) } catch {
            throw PlanningError.formulaTooLarge(action: action.name, disjuncts: options.disjunctLimit)
        }
        if disjuncts.isEmpty { return }

        // Effects grouped by their (ground) condition; `.constant(true)` is unconditional.
        var groups: [GroundFormula: (adds: [Int32], deletes: [Int32])] = [:]
        var groupOrder: [GroundFormula] = []
        var cost = 0.0
        for effect in action.effects {
            instantiator.forEach(effect.forallSlots, index: 0, binding: &binding, slotTypes: action.slotTypes) { binding in
                var parts: [GroundFormula] = []
                for condition in effect.conditions {
                    parts.append(instantiator.instantiate(condition, binding: &binding, slotTypes: action.slotTypes))
                }
                let condition = GroundFormula.conjunction(parts)
                if case .constant(false) = condition { return }
                switch effect.kind {
                case .add(let p, let terms):
                    let id = facts.intern(FactKey(predicate: Int32(p), arguments: terms.map { $0.resolve(binding) })).id
                    if groups[condition] == nil { groupOrder.append(condition); groups[condition] = ([], []) }
                    groups[condition]!.adds.append(id)
                case .delete(let p, let terms):
                    guard let id = facts.id(of: FactKey(predicate: Int32(p), arguments: terms.map { $0.resolve(binding) })) else { return }
                    if groups[condition] == nil { groupOrder.append(condition); groups[condition] = ([], []) }
                    groups[condition]!.deletes.append(id)
                case .increaseCost(let amount):
                    // Conditional costs are not part of :action-costs; count them unconditionally.
                    cost += lifted.costValue(amount, binding: binding) ?? 0
                }
            }
        }
        let name = action.parameterCount == 0 ? "(\(action.name))"
            : "(\(action.name) \(arguments.map { lifted.objectNames[Int($0)] }.joined(separator: " ")))"
        var unconditional: (adds: [Int32], deletes: [Int32]) = ([], [])
        var conditional: [(literals: [Int32], adds: [Int32], deletes: [Int32])] = []
        for condition in groupOrder {
            let effects = groups[condition]!
            if case .constant(true) = condition {
                unconditional.adds += effects.adds
                unconditional.deletes += effects.deletes
                continue
            }
            let dnf: [[Int32]]
            do { dnf = try condition.disjunctiveNormalForm(limit: options.disjunctLimit) } catch {
                throw PlanningError.formulaTooLarge(action: action.name, disjuncts: options.disjunctLimit)
            }
            for conjunction in dnf { conditional.append((conjunction, effects.adds, effects.deletes)) }
        }
        for literals in disjuncts {
            var op = GroundOperator(name: name, schema: a, arguments: arguments,
                                    preconditions: literals.filter { $0 & 1 == 0 }.map { $0 >> 1 },
                                    negativePreconditions: literals.filter { $0 & 1 == 1 }.map { $0 >> 1 },
                                    adds: unconditional.adds, deletes: unconditional.deletes,
                                    conditionalEffects: [], cost: lifted.usesActionCosts ? Int(cost + 0.5) : 1)
            for effect in conditional {
                // Literals the precondition already guarantees are dropped; a contradiction means it never fires.
                guard let merged = GroundFormula.merge(literals, effect.literals) else { continue }
                let extra = merged.filter { !literals.contains($0) }
                if extra.isEmpty {
                    op.adds += effect.adds
                    op.deletes += effect.deletes
                } else {
                    op.conditionalEffects.append(ConditionalEffect(
                        conditions: extra.filter { $0 & 1 == 0 }.map { $0 >> 1 },
                        negativeConditions: extra.filter { $0 & 1 == 1 }.map { $0 >> 1 },
                        adds: effect.adds, deletes: effect.deletes))
                }
            }
            operators.append(op)
        }
    }
}
