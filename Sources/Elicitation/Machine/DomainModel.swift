/// The typed intermediate model an elicitation conversation builds: everything a STRIPS domain
/// with typing, negative preconditions and equality needs, plus one problem (objects, init, goal).
///
/// It is a plain `Codable` value so it can be persisted with each chat message and exchanged with
/// a language model as JSON (see `DomainModelSchema`). Names are stored lower-case, as PDDL
/// compares them case-insensitively. `DomainModel.problems` reports what keeps it from being
/// turned into PDDL; `PDDLGenerator` only accepts a model without problems.
public struct DomainModel: Codable, Sendable, Hashable {
    public var name: String
    public var description: String
    public var types: [TypeDeclaration]
    public var objects: [ObjectDeclaration]
    public var predicates: [PredicateSignature]
    public var actions: [ActionSchema]
    public var initialState: [Literal]
    public var goal: [Literal]

    public init(name: String = "my-domain", description: String = "", types: [TypeDeclaration] = [],
                objects: [ObjectDeclaration] = [], predicates: [PredicateSignature] = [],
                actions: [ActionSchema] = [], initialState: [Literal] = [], goal: [Literal] = []) {
        self.name = name; self.description = description; self.types = types; self.objects = objects
        self.predicates = predicates; self.actions = actions; self.initialState = initialState; self.goal = goal
    }

    public static let rootType = "object"

    public func type(named name: String) -> TypeDeclaration? { types.first { $0.name == name } }
    public func object(named name: String) -> ObjectDeclaration? { objects.first { $0.name == name } }
    public func predicate(named name: String) -> PredicateSignature? { predicates.first { $0.name == name } }
    public func action(named name: String) -> ActionSchema? { actions.first { $0.name == name } }

    /// Every declared type name plus the implicit root `object`.
    public var typeNames: [String] { [Self.rootType] + types.map(\.name) }

    /// The type an object effectively has (`object` when it was given none).
    public func effectiveType(ofObject name: String) -> String? {
        object(named: name).map { $0.type ?? Self.rootType }
    }

    /// True when `type` is `ancestor` or one of its (transitive) subtypes. Cycles end the walk.
    public func isSubtype(_ type: String, of ancestor: String) -> Bool {
        var current: String? = type
        var seen: Set<String> = []
        while let name = current, seen.insert(name).inserted {
            if name == ancestor { return true }
            if name == Self.rootType { return false }
            current = self.type(named: name)?.parent ?? Self.rootType
        }
        return false
    }

    /// Objects whose type is `type` or a subtype of it, in declaration order.
    public func objects(ofType type: String) -> [String] {
        objects.filter { isSubtype($0.type ?? Self.rootType, of: type) }.map(\.name)
    }
}

/// `type truck - vehicle`: a type and its parent (`object` when nil).
public struct TypeDeclaration: Codable, Sendable, Hashable {
    public var name: String
    public var parent: String?
    public init(_ name: String, parent: String? = nil) { self.name = name; self.parent = parent }
}

/// `object t1 - truck`: an object of the problem; a nil type means plain `object`.
public struct ObjectDeclaration: Codable, Sendable, Hashable {
    public var name: String
    public var type: String?
    public init(_ name: String, type: String? = nil) { self.name = name; self.type = type }
}

/// A typed parameter of a predicate or an action (`t: truck`).
public struct Parameter: Codable, Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var type: String
    public init(_ name: String, _ type: String) { self.name = name; self.type = type }
    public var description: String { "\(name): \(type)" }
}

/// `predicate at(x: locatable, l: location)`.
public struct PredicateSignature: Codable, Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var parameters: [Parameter]
    public init(_ name: String, _ parameters: [Parameter] = []) { self.name = name; self.parameters = parameters }
    public var description: String {
        parameters.isEmpty ? name : "\(name)(\(parameters.map(\.description).joined(separator: ", ")))"
    }
}

/// An action schema: typed parameters, preconditions (atoms, negated atoms, (in)equalities) and
/// effects (added and deleted atoms).
public struct ActionSchema: Codable, Sendable, Hashable {
    public var name: String
    public var parameters: [Parameter]
    public var preconditions: [Literal]
    public var effects: [Literal]
    public init(_ name: String, parameters: [Parameter] = [], preconditions: [Literal] = [], effects: [Literal] = []) {
        self.name = name; self.parameters = parameters; self.preconditions = preconditions; self.effects = effects
    }
    public var signature: String { "\(name)(\(parameters.map(\.description).joined(separator: ", ")))" }
}

/// An atom `at(t, from)`, its negation `not at(t, from)`, or an (in)equality `from = to` /
/// `from != to` (predicate `=`). In effects a negated atom is a delete; in init only positive
/// atoms appear.
public struct Literal: Codable, Sendable, Hashable, CustomStringConvertible {
    public static let equality = "="
    public var predicate: String
    public var arguments: [String]
    public var negated: Bool

    public init(_ predicate: String, _ arguments: [String] = [], negated: Bool = false) {
        self.predicate = predicate; self.arguments = arguments; self.negated = negated
    }

    public var isEquality: Bool { predicate == Self.equality }
    public var positive: Literal { Literal(predicate, arguments) }

    /// The controlled-syntax spelling, as the user would type it.
    public var description: String {
        if isEquality, arguments.count == 2 {
            return "\(arguments[0]) \(negated ? "!=" : "=") \(arguments[1])"
        }
        let atom = arguments.isEmpty ? predicate : "\(predicate)(\(arguments.joined(separator: ", ")))"
        return (negated ? "not " : "") + atom
    }
}
