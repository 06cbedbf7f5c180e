/// A parsed `(define (problem …) …)`.
public struct Problem: Hashable, Sendable {
    public var name: Name
    public var domainName: Name
    public var requirements: [RequirementEntry] = []
    public var objects: [TypedName] = []
    public var initialState: [InitialElement] = []
    public var goal: Condition = .empty
    public var metric: Metric?
    public var range: SourceRange = .unknown
    /// Whether a `(:goal …)` section was present.
    public var hasGoal = false

    public init(name: Name, domainName: Name) {
        self.name = name
        self.domainName = domainName
    }
}

/// One entry of `(:init …)`.
public enum InitialElement: Hashable, Sendable {
    case fact(Atom)
    /// `(= (function args) value)`, e.g. `(= (total-cost) 0)`.
    case assignment(FunctionTerm, Double, SourceRange)

    public var range: SourceRange {
        switch self {
        case .fact(let atom): atom.range
        case .assignment(_, _, let r): r
        }
    }
}

/// `(:metric minimize (total-cost))`.
public struct Metric: Hashable, Sendable {
    public enum Direction: String, Sendable, Hashable { case minimize, maximize }
    public var direction: Direction
    public var expression: FunctionTerm
    public var range: SourceRange

    public init(_ direction: Direction, _ expression: FunctionTerm, range: SourceRange = .unknown) {
        self.direction = direction
        self.expression = expression
        self.range = range
    }
}

/// What a PDDL file defines.
public enum PDDLDocument: Hashable, Sendable {
    case domain(Domain)
    case problem(Problem)

    public var domain: Domain? { if case .domain(let d) = self { d } else { nil } }
    public var problem: Problem? { if case .problem(let p) = self { p } else { nil } }
}
