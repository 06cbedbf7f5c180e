/// A planning task after grounding: STRIPS with negative preconditions, conditional effects and
/// integer action costs, over compact integer fact and operator ids.
///
/// Why this shape: every heuristic and the search work on `Int32` ids and flat arrays; names are
/// kept only for printing. Static facts are already evaluated away, so `facts` holds only facts
/// whose truth can change (or that some operator needs and that are reachable).
public struct GroundedTask: Sendable {
    /// Printable names, `(at truck1 depot)`, indexed by fact id.
    public var factNames: [String]
    public var operators: [GroundOperator]
    /// Facts true in the initial state (fact ids).
    public var initialFacts: [Int32]
    /// Facts that must hold / must not hold in a goal state.
    public var goalFacts: [Int32]
    public var negativeGoalFacts: [Int32]
    /// True when the goal cannot be reached even in the delete relaxation (found while grounding).
    public var goalKnownUnreachable: Bool
    /// Whether costs come from `(:metric minimize (total-cost))`; otherwise every step costs 1.
    public var usesActionCosts: Bool
    /// Names of the schemas (`move`), indexed by `GroundOperator.schema`.
    public var schemaNames: [String]
    /// Objects in order of their id (for analysis output).
    public var objectNames: [String]

    public var factCount: Int { factNames.count }
    public var operatorCount: Int { operators.count }
    public var hasConditionalEffects: Bool { operators.contains { !$0.conditionalEffects.isEmpty } }
    public var hasNegativePreconditions: Bool {
        operators.contains { !$0.negativePreconditions.isEmpty || $0.conditionalEffects.contains { !$0.negativeConditions.isEmpty } }
    }

    public init(factNames: [String], operators: [GroundOperator], initialFacts: [Int32], goalFacts: [Int32],
                negativeGoalFacts: [Int32], goalKnownUnreachable: Bool, usesActionCosts: Bool,
                schemaNames: [String], objectNames: [String]) {
        self.factNames = factNames
        self.operators = operators
        self.initialFacts = initialFacts
        self.goalFacts = goalFacts
        self.negativeGoalFacts = negativeGoalFacts
        self.goalKnownUnreachable = goalKnownUnreachable
        self.usesActionCosts = usesActionCosts
        self.schemaNames = schemaNames
        self.objectNames = objectNames
    }
}

/// One ground action (or one disjunct of a ground action whose precondition had an `or`).
public struct GroundOperator: Sendable, Hashable {
    /// IPC spelling, `(move a b)`; several operators may share it (disjunctive preconditions).
    public var name: String
    /// Index into `GroundedTask.schemaNames`; `-1` for the artificial goal operator.
    public var schema: Int
    /// Object ids of the action's parameters (not of quantified variables).
    public var arguments: [Int32]
    public var preconditions: [Int32]
    public var negativePreconditions: [Int32]
    public var adds: [Int32]
    public var deletes: [Int32]
    public var conditionalEffects: [ConditionalEffect]
    public var cost: Int

    /// True for the operator that grounding adds for a disjunctive goal; it is never printed.
    public var isArtificial: Bool { schema < 0 }

    public init(name: String, schema: Int, arguments: [Int32], preconditions: [Int32], negativePreconditions: [Int32],
                adds: [Int32], deletes: [Int32], conditionalEffects: [ConditionalEffect], cost: Int) {
        self.name = name
        self.schema = schema
        self.arguments = arguments
        self.preconditions = preconditions
        self.negativePreconditions = negativePreconditions
        self.adds = adds
        self.deletes = deletes
        self.conditionalEffects = conditionalEffects
        self.cost = cost
    }
}

/// `(when (and c…) (and e…))` after grounding: one conjunction of literals, its adds and deletes.
public struct ConditionalEffect: Sendable, Hashable {
    public var conditions: [Int32]
    public var negativeConditions: [Int32]
    public var adds: [Int32]
    public var deletes: [Int32]

    public init(conditions: [Int32], negativeConditions: [Int32], adds: [Int32], deletes: [Int32]) {
        self.conditions = conditions
        self.negativeConditions = negativeConditions
        self.adds = adds
        self.deletes = deletes
    }
}
