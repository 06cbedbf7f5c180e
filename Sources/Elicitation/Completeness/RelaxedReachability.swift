/// Delete-relaxed reachability over the model's objects: starting from the initial facts, apply
/// every action instance whose positive preconditions and (in)equalities hold, adding its add
/// effects and ignoring deletes and negative preconditions, until nothing new appears.
///
/// Under this relaxation facts only ever accumulate, so a fact (or an action) not reached here
/// is unreachable for real: "unreachable" answers are sound, "reachable" ones are optimistic.
/// Instances are enumerated by the objects of each parameter's type; `limit` bounds that work
/// for large models (then `isExact` is false and nothing is reported unreachable).
public struct RelaxedReachability: Sendable {
    public private(set) var reachedFacts: Set<Literal> = []
    /// Actions with at least one instance applicable in the relaxed fixpoint.
    public private(set) var applicableActions: Set<String> = []
    public private(set) var isExact = true

    public init(model: DomainModel, limit: Int = 200_000) {
        reachedFacts = Set(model.initialState.filter { !$0.negated }.map(\.positive))
        var instances: [(ActionSchema, [String: String])] = []
        for action in model.actions {
            let domains = action.parameters.map { model.objects(ofType: $0.type) }
            let count = domains.reduce(1) { $0 &* max($1.count, 0) }
            if count > limit || instances.count + count > limit { isExact = false; return }
            for binding in Self.bindings(action.parameters.map(\.name), domains) { instances.append((action, binding)) }
        }
        var pending = Array(instances.indices)
        var changed = true
        while changed {
            changed = false
            var stillPending: [Int] = []
            for index in pending {
                let (action, binding) = instances[index]
                guard Self.holds(action.preconditions, binding, in: reachedFacts) else { stillPending.append(index); continue }
                applicableActions.insert(action.name)
                for effect in action.effects where !effect.negated {
                    if reachedFacts.insert(Literal(effect.predicate, effect.arguments.map { binding[$0] ?? $0 })).inserted { changed = true }
                }
            }
            pending = stillPending
        }
    }

    /// Whether a positive ground fact is reachable (always true when the analysis was cut short).
    public func canReach(_ fact: Literal) -> Bool { !isExact || reachedFacts.contains(fact.positive) }

    static func holds(_ conditions: [Literal], _ binding: [String: String], in facts: Set<Literal>) -> Bool {
        for condition in conditions {
            let arguments = condition.arguments.map { binding[$0] ?? $0 }
            if condition.isEquality {
                guard arguments.count == 2 else { return false }
                if (arguments[0] == arguments[1]) == condition.negated { return false }
            } else if !condition.negated && !facts.contains(Literal(condition.predicate, arguments)) {
                return false
            }
        }
        return true
    }

    /// Every assignment of the domains' values to `names` (none when a domain is empty).
    static func bindings(_ names: [String], _ domains: [[String]]) -> [[String: String]] {
        var result: [[String: String]] = [[:]]
        for (name, values) in zip(names, domains) {
            result = result.flatMap { partial in values.map { value in partial.merging([name: value]) { _, new in new } } }
        }
        return result
    }
}
