/// A parsed `(define (domain …) …)`.
public struct Domain: Hashable, Sendable {
    public var name: Name
    public var requirements: [RequirementEntry] = []
    /// `(:types …)`: each declared type with its parent (`nil` parent means `object`).
    public var types: [TypedName] = []
    public var constants: [TypedName] = []
    public var predicates: [PredicateDeclaration] = []
    public var functions: [FunctionDeclaration] = []
    public var actions: [Action] = []
    public var range: SourceRange = .unknown
    /// Whether a `(:types …)` section was present (typing used, even if empty).
    public var hasTypesSection = false

    public init(name: Name) {
        self.name = name
    }

    public var requirementSet: RequirementSet {
        RequirementSet(requirements.compactMap(\.requirement))
    }

    public func predicate(named name: String) -> PredicateDeclaration? {
        predicates.first { $0.name.text == name }
    }

    public func action(named name: String) -> Action? {
        actions.first { $0.name.text == name }
    }
}

/// `(on ?x - block ?y - block)` in `(:predicates …)`.
public struct PredicateDeclaration: Hashable, Sendable {
    public var name: Name
    public var parameters: [TypedName]
    public var range: SourceRange

    public init(_ name: Name, parameters: [TypedName], range: SourceRange = .unknown) {
        self.name = name
        self.parameters = parameters
        self.range = range
    }
}

/// `(total-cost) - number` in `(:functions …)`.
public struct FunctionDeclaration: Hashable, Sendable {
    public var name: Name
    public var parameters: [TypedName]
    public var range: SourceRange

    public init(_ name: Name, parameters: [TypedName], range: SourceRange = .unknown) {
        self.name = name
        self.parameters = parameters
        self.range = range
    }
}

/// `(:action name :parameters (…) :precondition … :effect …)`.
public struct Action: Hashable, Sendable {
    public var name: Name
    public var parameters: [TypedName]
    public var precondition: Condition
    public var effect: Effect
    public var range: SourceRange

    public init(_ name: Name, parameters: [TypedName] = [], precondition: Condition = .empty,
                effect: Effect = .empty, range: SourceRange = .unknown) {
        self.name = name
        self.parameters = parameters
        self.precondition = precondition
        self.effect = effect
        self.range = range
    }
}
