/// A `:requirements` flag. Plansmith supports classical planning with ADL and action costs;
/// the temporal and numeric ones are recognised so that they get a clear "unsupported" error.
public enum Requirement: String, Sendable, Hashable, CaseIterable {
    case strips = ":strips"
    case typing = ":typing"
    case negativePreconditions = ":negative-preconditions"
    case disjunctivePreconditions = ":disjunctive-preconditions"
    case equality = ":equality"
    case existentialPreconditions = ":existential-preconditions"
    case universalPreconditions = ":universal-preconditions"
    case quantifiedPreconditions = ":quantified-preconditions"
    case conditionalEffects = ":conditional-effects"
    case adl = ":adl"
    case actionCosts = ":action-costs"
    // Recognised, not supported:
    case durativeActions = ":durative-actions"
    case durationInequalities = ":duration-inequalities"
    case continuousEffects = ":continuous-effects"
    case numericFluents = ":numeric-fluents"
    case fluents = ":fluents"
    case objectFluents = ":object-fluents"
    case derivedPredicates = ":derived-predicates"
    case timedInitialLiterals = ":timed-initial-literals"
    case preferences = ":preferences"
    case constraints = ":constraints"
    case time = ":time"

    public var isSupported: Bool {
        switch self {
        case .strips, .typing, .negativePreconditions, .disjunctivePreconditions, .equality,
             .existentialPreconditions, .universalPreconditions, .quantifiedPreconditions,
             .conditionalEffects, .adl, .actionCosts:
            true
        default:
            false
        }
    }

    /// Requirements this one switches on (`:adl` implies most of ADL).
    public var implied: [Requirement] {
        switch self {
        case .adl:
            [.strips, .typing, .negativePreconditions, .disjunctivePreconditions, .equality,
             .quantifiedPreconditions, .existentialPreconditions, .universalPreconditions, .conditionalEffects]
        case .quantifiedPreconditions:
            [.existentialPreconditions, .universalPreconditions]
        default:
            []
        }
    }

    public static let supportedNames: [String] = allCases.filter(\.isSupported).map(\.rawValue)
}

/// A set of requirements with the implied ones expanded.
public struct RequirementSet: Sendable, Hashable {
    public private(set) var flags: Set<Requirement> = []

    public init(_ requirements: [Requirement] = []) {
        for requirement in requirements { insert(requirement) }
    }

    public mutating func insert(_ requirement: Requirement) {
        guard flags.insert(requirement).inserted else { return }
        for implied in requirement.implied { insert(implied) }
    }

    public func contains(_ requirement: Requirement) -> Bool { flags.contains(requirement) }
}

/// A requirement as written, with its place (kept even when unknown, to report it).
public struct RequirementEntry: Hashable, Sendable {
    public var name: Name
    public var requirement: Requirement?

    public init(_ name: Name) {
        self.name = name
        self.requirement = Requirement(rawValue: name.text)
    }
}
