/// Which PDDL features a file actually uses, to compare with what its `:requirements` declare.
struct FeatureUse {
    var typing: SourceRange?
    var negativePreconditions: SourceRange?
    var disjunctivePreconditions: SourceRange?
    var equality: SourceRange?
    var existentialPreconditions: SourceRange?
    var universalPreconditions: SourceRange?
    var conditionalEffects: SourceRange?
    var actionCosts: SourceRange?

    /// Each used feature with the requirement it needs and where it was first used.
    var uses: [(Requirement, String, SourceRange)] {
        var result: [(Requirement, String, SourceRange)] = []
        if let r = typing { result.append((.typing, "types", r)) }
        if let r = negativePreconditions { result.append((.negativePreconditions, "a negative condition", r)) }
        if let r = disjunctivePreconditions { result.append((.disjunctivePreconditions, "a disjunction ('or' / 'imply')", r)) }
        if let r = equality { result.append((.equality, "equality ('=')", r)) }
        if let r = existentialPreconditions { result.append((.existentialPreconditions, "'exists'", r)) }
        if let r = universalPreconditions { result.append((.universalPreconditions, "'forall' in a condition", r)) }
        if let r = conditionalEffects { result.append((.conditionalEffects, "a conditional or universal effect", r)) }
        if let r = actionCosts { result.append((.actionCosts, "action costs", r)) }
        return result
    }

    static func first(_ current: SourceRange?, _ new: SourceRange) -> SourceRange { current ?? new }
}
