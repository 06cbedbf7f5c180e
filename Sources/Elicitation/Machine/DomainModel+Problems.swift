/// A reason the model cannot be turned into PDDL yet (an undeclared symbol, a wrong number of
/// arguments, a type that does not fit …), in plain words, with the stage where it is fixed.
public struct ModelProblem: Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var stage: ElicitationStage
    public init(_ message: String, stage: ElicitationStage) { self.message = message; self.stage = stage }
    public var description: String { message }
}

extension DomainModel {
    /// Words PDDL gives a meaning of its own; a name spelled like one would not parse.
    static let reservedWords: Set<String> = [
        "and", "or", "not", "imply", "exists", "forall", "when", "either", "define", "domain", "problem", "object",
    ]

    /// True for names the generated PDDL can carry unchanged: `truck`, `at-home`, `p_1`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// Everything that keeps the model from generating valid PDDL, in stage order.
    public var problems: [ModelProblem] {
        var found: [ModelProblem] = []
        func report(_ message: String, _ stage: ElicitationStage) { found.append(ModelProblem(message, stage: stage)) }
        checkName(self.name, kind: "domain", stage: .describe, into: &found)
        checkNames(types.map(\.name), kind: "type", stage: .objects, into: &found)
        for type in types {
            if type.name == Self.rootType { report("'object' is the built-in root type; it cannot be declared again", .objects) }
            if let parent = type.parent, parent != Self.rootType, self.type(named: parent) == nil {
                report("type '\(type.name)' has parent '\(parent)', which is not declared", .objects)
            } else if isSubtype(type.parent ?? Self.rootType, of: type.name) {
                report("type '\(type.name)' is its own ancestor (a cycle in the type hierarchy)", .objects)
            }
        }
        checkNames(objects.map(\.name), kind: "object", stage: .objects, into: &found)
        for object in objects {
            if let type = object.type, !typeNames.contains(type) {
                report("object '\(object.name)' has type '\(type)', which is not declared", .objects)
            }
        }
        checkNames(predicates.map(\.name), kind: "predicate", stage: .predicates, into: &found)
        for predicate in predicates {
            checkParameters(predicate.parameters, owner: "predicate '\(predicate.name)'", stage: .predicates, into: &found)
        }
        checkNames(actions.map(\.name), kind: "action", stage: .actions, into: &found)
        for action in actions {
            let owner = "action '\(action.name)'"
            checkParameters(action.parameters, owner: owner, stage: .actions, into: &found)
            let scope = Dictionary(action.parameters.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
            for literal in action.preconditions {
                checkLiteral(literal, in: owner + " (requires)", scope: scope, allowEquality: true, allowNegation: true, stage: .actions, into: &found)
            }
            for literal in action.effects {
                checkLiteral(literal, in: owner + " (makes)", scope: scope, allowEquality: false, allowNegation: true, stage: .actions, into: &found)
            }
            if action.effects.isEmpty { report("\(owner) changes nothing: give it effects after 'makes'", .actions) }
        }
        let objectScope = Dictionary(objects.map { ($0.name, $0.type ?? Self.rootType) }, uniquingKeysWith: { a, _ in a })
        for literal in initialState {
            checkLiteral(literal, in: "the initial state", scope: objectScope, allowEquality: false, allowNegation: false, stage: .initialState, into: &found)
        }
        for literal in goal {
            checkLiteral(literal, in: "the goal", scope: objectScope, allowEquality: false, allowNegation: true, stage: .goal, into: &found)
        }
        return found
    }

    private func checkName(_ name: String, kind: String, stage: ElicitationStage, into found: inout [ModelProblem]) {
        if !Self.isValidName(name) {
            found.append(ModelProblem("the \(kind) name '\(name)' must start with a letter and use only a-z, 0-9, '-' and '_'", stage: stage))
        } else if Self.reservedWords.contains(name) {
            found.append(ModelProblem("'\(name)' is a PDDL keyword and cannot name a \(kind)", stage: stage))
        }
    }

    private func checkNames(_ names: [String], kind: String, stage: ElicitationStage, into found: inout [ModelProblem]) {
        var seen: Set<String> = []
        for name in names {
            checkName(name, kind: kind, stage: stage, into: &found)
            if !seen.insert(name).inserted { found.append(ModelProblem("the \(kind) '\(name)' is declared twice", stage: stage)) }
        }
    }

    private func checkParameters(_ parameters: [Parameter], owner: String, stage: ElicitationStage, into found: inout [ModelProblem]) {
        var seen: Set<String> = []
        for parameter in parameters {
            checkName(parameter.name, kind: "parameter", stage: stage, into: &found)
            if !seen.insert(parameter.name).inserted {
                found.append(ModelProblem("\(owner) has two parameters named '\(parameter.name)'", stage: stage))
            }
            if !typeNames.contains(parameter.type) {
                found.append(ModelProblem("\(owner): parameter '\(parameter.name)' has type '\(parameter.type)', which is not declared", stage: stage))
            }
        }
    }

    /// `scope` maps each name usable as an argument (action parameters, or problem objects) to its type.
    private func checkLiteral(_ literal: Literal, in place: String, scope: [String: String], allowEquality: Bool,
                              allowNegation: Bool, stage: ElicitationStage, into found: inout [ModelProblem]) {
        func report(_ message: String) { found.append(ModelProblem("\(place): \(message)", stage: stage)) }
        if literal.negated && !allowNegation { report("'\(literal)' cannot be negated here"); return }
        for argument in literal.arguments where scope[argument] == nil {
            report("'\(argument)' in '\(literal)' is not \(stage == .actions ? "a parameter of the action" : "a declared object")")
        }
        if literal.isEquality {
            if !allowEquality { report("an equality '\(literal)' is only allowed in preconditions") }
            else if literal.arguments.count != 2 { report("an equality compares exactly two things") }
            return
        }
        guard let predicate = predicate(named: literal.predicate) else {
            report("the predicate '\(literal.predicate)' is not declared"); return
        }
        guard predicate.parameters.count == literal.arguments.count else {
            report("'\(literal.predicate)' takes \(predicate.parameters.count) argument(s), '\(literal)' gives \(literal.arguments.count)"); return
        }
        for (argument, parameter) in zip(literal.arguments, predicate.parameters) {
            guard let type = scope[argument], typeNames.contains(type), typeNames.contains(parameter.type) else { continue }
            if !isSubtype(type, of: parameter.type) {
                report("'\(argument)' is a \(type), but '\(literal.predicate)' expects a \(parameter.type) there")
            }
        }
    }
}
