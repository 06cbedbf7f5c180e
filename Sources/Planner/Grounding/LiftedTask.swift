import PDDL

/// The domain and problem resolved to integer ids: objects, types, predicates, and actions whose
/// conditions and effects refer to "slots" (parameters and quantified variables) by index.
///
/// Both the grounder and the lifted plan validator work from this form, so they agree on what a
/// PDDL construct means (one translation of `imply`, `either`, constants, quantifiers).
struct LiftedTask: Sendable {
    var objectNames: [String] = []
    var objectIndex: [String: Int32] = [:]
    var typeNames: [String] = []
    var typeIndex: [String: Int] = [:]
    /// For each type: its objects, including those of subtypes.
    var typeObjects: [[Int32]] = []
    var typeParents: [Int: [Int]] = [:]
    var predicateNames: [String] = []
    var predicateIndex: [String: Int] = [:]
    var predicateParameterTypes: [[[Int]]] = []
    /// Whether no action adds or deletes the predicate (its truth is fixed by `:init`).
    var predicateIsStatic: [Bool] = []
    var actions: [LiftedAction] = []
    var actionIndex: [String: Int] = [:]
    var initialFacts: [FactKey] = []
    /// `(= (f a b) v)` from `:init`, keyed by the function term's text `f a b`.
    var functionValues: [String: Double] = [:]
    var goal: LiftedCondition = .and([])
    /// Types of the goal's quantified slots (the goal has no parameters).
    var goalSlotTypes: [[Int]] = []
    /// True with `(:metric minimize (total-cost))`: costs come from `increase` effects.
    var usesActionCosts = false

    func objects(ofTypes types: [Int]) -> [Int32] {
        if types.count == 1 { return typeObjects[types[0]] }
        var seen = Set<Int32>()
        var result: [Int32] = []
        for type in types { for object in typeObjects[type] where seen.insert(object).inserted { result.append(object) } }
        return result.sorted()
    }

    func objectIs(_ object: Int32, ofTypes types: [Int]) -> Bool {
        types.contains { typeObjects[$0].contains(object) }
    }

    func describe(_ fact: FactKey) -> String {
        let name = predicateNames[Int(fact.predicate)]
        if fact.arguments.isEmpty { return "(\(name))" }
        return "(\(name) \(fact.arguments.map { objectNames[Int($0)] }.joined(separator: " ")))"
    }
}

/// A ground atom as predicate id + object ids.
struct FactKey: Hashable, Sendable {
    var predicate: Int32
    var arguments: [Int32]
}

/// An action schema over slots: `0..<parameterCount` are its parameters, the rest quantified variables.
struct LiftedAction: Sendable {
    var name: String
    var parameterNames: [String]
    /// Allowed types (an `either` gives several) of every slot.
    var slotTypes: [[Int]]
    var precondition: LiftedCondition
    var effects: [LiftedEffect]
    var parameterCount: Int { parameterNames.count }
}

enum LiftedTerm: Hashable, Sendable {
    case slot(Int)
    case object(Int32)
}

indirect enum LiftedCondition: Hashable, Sendable {
    case atom(Int, [LiftedTerm])
    case equals(LiftedTerm, LiftedTerm)
    case not(LiftedCondition)
    case and([LiftedCondition])
    case or([LiftedCondition])
    case forall([Int], LiftedCondition)
    case exists([Int], LiftedCondition)
}

/// One leaf of an effect tree: the `forall` slots around it, the `when` conditions above it, and
/// what it does.
struct LiftedEffect: Sendable {
    enum Kind: Sendable {
        case add(Int, [LiftedTerm])
        case delete(Int, [LiftedTerm])
        case increaseCost(LiftedAmount)
    }
    var forallSlots: [Int]
    var conditions: [LiftedCondition]
    var kind: Kind
}

/// The amount of `(increase (total-cost) …)`.
enum LiftedAmount: Sendable {
    case number(Double)
    case function(String, [LiftedTerm])
}
