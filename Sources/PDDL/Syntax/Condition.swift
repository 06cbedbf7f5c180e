/// A goal description: preconditions, goals, `when` conditions.
public indirect enum Condition: Hashable, Sendable {
    case atom(Atom)
    case equals(Term, Term, SourceRange)
    case not(Condition, SourceRange)
    case and([Condition], SourceRange)
    case or([Condition], SourceRange)
    case imply(Condition, Condition, SourceRange)
    case exists([TypedName], Condition, SourceRange)
    case forall([TypedName], Condition, SourceRange)

    /// The empty conjunction `()` or `(and)`: always true.
    public static let empty = Condition.and([], .unknown)

    public var range: SourceRange {
        switch self {
        case .atom(let atom): atom.range
        case .equals(_, _, let r), .not(_, let r), .and(_, let r), .or(_, let r), .imply(_, _, let r),
             .exists(_, _, let r), .forall(_, _, let r): r
        }
    }

    /// Calls `body` on every atom in the condition, with whether it occurs under an odd number of
    /// negations (imply's antecedent counts as negated).
    public func forEachAtom(negated: Bool = false, _ body: (Atom, Bool) -> Void) {
        switch self {
        case .atom(let atom): body(atom, negated)
        case .equals: break
        case .not(let inner, _): inner.forEachAtom(negated: !negated, body)
        case .and(let parts, _), .or(let parts, _): for part in parts { part.forEachAtom(negated: negated, body) }
        case .imply(let a, let b, _):
            a.forEachAtom(negated: !negated, body)
            b.forEachAtom(negated: negated, body)
        case .exists(_, let inner, _), .forall(_, let inner, _): inner.forEachAtom(negated: negated, body)
        }
    }
}

/// An action effect.
public indirect enum Effect: Hashable, Sendable {
    case add(Atom)
    case delete(Atom, SourceRange)
    case and([Effect], SourceRange)
    case forall([TypedName], Effect, SourceRange)
    case when(Condition, Effect, SourceRange)
    /// `(increase (total-cost) amount)`: the only numeric effect `:action-costs` allows.
    case increase(FunctionTerm, NumericExpression, SourceRange)

    public static let empty = Effect.and([], .unknown)

    public var range: SourceRange {
        switch self {
        case .add(let atom): atom.range
        case .delete(_, let r), .and(_, let r), .forall(_, _, let r), .when(_, _, let r), .increase(_, _, let r): r
        }
    }
}

/// `(function term …)`, e.g. `(total-cost)` or `(road-length ?from ?to)`.
public struct FunctionTerm: Hashable, Sendable, CustomStringConvertible {
    public var function: Name
    public var arguments: [Term]
    public var range: SourceRange

    public init(_ function: Name, _ arguments: [Term], range: SourceRange = .unknown) {
        self.function = function
        self.arguments = arguments
        self.range = range
    }

    public var description: String {
        arguments.isEmpty ? "(\(function.text))" : "(\(function.text) \(arguments.map(\.description).joined(separator: " ")))"
    }
}

/// The amount of an `increase`: a number or a (static) function value.
public enum NumericExpression: Hashable, Sendable, CustomStringConvertible {
    case number(Double, SourceRange)
    case function(FunctionTerm)

    public var range: SourceRange {
        switch self {
        case .number(_, let r): r
        case .function(let f): f.range
        }
    }

    public var description: String {
        switch self {
        case .number(let value, _): formatNumber(value)
        case .function(let f): f.description
        }
    }
}

/// Integers print without a decimal point; others in shortest form.
func formatNumber(_ value: Double) -> String {
    if abs(value) < 1e15, Double(Int64(value)) == value { return String(Int64(value)) }
    return String(value)
}
