/// Finds the gaps that keep a model from being a complete, sensible planning task, stage by
/// stage, in plain words. Each check is a small function; `gaps(in:)` gathers them in the order
/// the conversation asks about them.
public struct CompletenessChecker: Sendable {
    public init() {}

    public func gaps(in model: DomainModel) -> [Gap] {
        var gaps = model.problems.map {
            Gap(kind: .inconsistent, stage: $0.stage, isBlocking: true, finding: capitalized($0.message) + ".",
                question: "Please correct it (say 'show' to see the model, 'help' for the syntax).")
        }
        gaps += emptySections(model) + untypedObjects(model)
        // Reachability only makes sense on a consistent model.
        if gaps.allSatisfy({ $0.kind != .inconsistent }) {
            let reachability = RelaxedReachability(model: model)
            gaps += inapplicableActions(model, reachability) + goalGaps(model, reachability)
        }
        gaps += unusedSymbols(model)
        return gaps.sorted { $0.stage < $1.stage }
    }

    private func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    func emptySections(_ model: DomainModel) -> [Gap] {
        var gaps: [Gap] = []
        if model.objects.isEmpty {
            gaps.append(Gap(kind: .emptySection, stage: .objects, isBlocking: true, finding: "There are no objects yet.",
                            question: "What things are there? e.g. 'type truck - object' then 'object t1 - truck'."))
        }
        if model.predicates.isEmpty {
            gaps.append(Gap(kind: .emptySection, stage: .predicates, isBlocking: true, finding: "There are no predicates yet.",
                            question: "Which facts can be true or false? e.g. '\(SyntaxExamples.predicate)'."))
        }
        if model.actions.isEmpty {
            gaps.append(Gap(kind: .emptySection, stage: .actions, isBlocking: true, finding: "There are no actions yet.",
                            question: "What can be done to change the facts? e.g. '\(SyntaxExamples.action)'."))
        }
        if model.initialState.isEmpty {
            gaps.append(Gap(kind: .emptyInit, stage: .initialState, isBlocking: false, finding: "Nothing is true at the start.",
                            question: "Which facts hold initially? e.g. '\(SyntaxExamples.initial)' (say 'next' if really none)."))
        }
        if model.goal.isEmpty {
            gaps.append(Gap(kind: .emptyGoal, stage: .goal, isBlocking: true, finding: "There is no goal yet.",
                            question: "What must be true at the end? e.g. '\(SyntaxExamples.goal)'."))
        }
        return gaps
    }

    func untypedObjects(_ model: DomainModel) -> [Gap] {
        guard !model.types.isEmpty else { return [] }
        return model.objects.filter { $0.type == nil }.map { object in
            Gap(kind: .untypedObject, stage: .objects, isBlocking: false, finding: "Object '\(object.name)' has no type.",
                question: "What kind of thing is \(object.name)? Say 'remove object \(object.name)' and then 'object \(object.name) - TYPE' (types: \(model.types.map(\.name).joined(separator: ", "))).")
        }
    }

    func inapplicableActions(_ model: DomainModel, _ reachability: RelaxedReachability) -> [Gap] {
        guard reachability.isExact, !model.objects.isEmpty else { return [] }
        return model.actions.filter { !reachability.applicableActions.contains($0.name) }.map { action in
            let needs = action.preconditions.filter { !$0.negated && !$0.isEquality }.map(\.description)
            return Gap(kind: .inapplicableAction, stage: .initialState, isBlocking: false,
                       finding: "Action '\(action.name)' can never be done from the initial state" + (needs.isEmpty ? " (no objects fit its parameters)." : ": nothing ever makes \(needs.joined(separator: " and ")) true for fitting objects."),
                       question: "Is a fact missing from the initial state, or an effect missing from another action?")
        }
    }

    func goalGaps(_ model: DomainModel, _ reachability: RelaxedReachability) -> [Gap] {
        var gaps: [Gap] = []
        for fact in model.goal where !fact.negated && !reachability.canReach(fact) {
            gaps.append(Gap(kind: .unreachableGoal, stage: .goal, isBlocking: true,
                            finding: "Nothing can ever make \(fact) true, even ignoring what actions undo.",
                            question: "Which action should make \(fact.predicate)(…) true, or which fact is missing from the initial state?"))
        }
        let initial = Set(model.initialState)
        if !model.goal.isEmpty, model.goal.allSatisfy({ $0.negated ? !initial.contains($0.positive) : initial.contains($0) }) {
            gaps.append(Gap(kind: .goalAlreadyTrue, stage: .goal, isBlocking: false,
                            finding: "The goal is already true at the start, so the plan is empty.",
                            question: "Is the goal what you mean? Add what should change, e.g. '\(SyntaxExamples.goal)'."))
        }
        return gaps
    }

    func unusedSymbols(_ model: DomainModel) -> [Gap] {
        var gaps: [Gap] = []
        let literals = model.actions.flatMap { $0.preconditions + $0.effects } + model.initialState + model.goal
        let usedPredicates = Set(literals.map(\.predicate))
        for predicate in model.predicates where !usedPredicates.contains(predicate.name) {
            gaps.append(Gap(kind: .unusedSymbol, stage: .review, isBlocking: false, finding: "Predicate '\(predicate.name)' is never used.",
                            question: "Should an action require or change it? Otherwise 'remove predicate \(predicate.name)'."))
        }
        let usedTypes = Set(model.objects.compactMap(\.type) + model.types.compactMap(\.parent)
                            + (model.predicates.flatMap(\.parameters) + model.actions.flatMap(\.parameters)).map(\.type))
        for type in model.types where !usedTypes.contains(type.name) {
            gaps.append(Gap(kind: .unusedSymbol, stage: .review, isBlocking: false, finding: "Type '\(type.name)' is never used.",
                            question: "Should some object have it? Otherwise 'remove type \(type.name)'."))
        }
        let mentioned = Set((model.initialState + model.goal).flatMap(\.arguments))
        for object in model.objects where !mentioned.contains(object.name) {
            gaps.append(Gap(kind: .unusedSymbol, stage: .review, isBlocking: false,
                            finding: "Object '\(object.name)' appears in neither the initial state nor the goal.",
                            question: "Is a fact about \(object.name) missing from the initial state?"))
        }
        return gaps
    }
}
