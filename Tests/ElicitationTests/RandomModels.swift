import PlansmithTestSupport
@testable import Elicitation

/// Builds random models that are consistent by construction: every argument fits its predicate
/// parameter's type, every name is declared once. Shapes vary widely (deep type trees, untyped
/// objects, zero-arity predicates, equalities, negative preconditions and goals).
enum RandomModels {
    static func make(seed: UInt64) -> DomainModel {
        var rng = SeededGenerator(state: seed)
        var model = DomainModel(name: "d-\(seed)")
        for i in 0..<Int.random(in: 0...5, using: &rng) {
            let parent = model.types.isEmpty || Bool.random(using: &rng) ? nil : model.types.randomElement(using: &rng)!.name
            model.types.append(TypeDeclaration("type_\(i)", parent: parent))
        }
        let typeNames = model.typeNames
        for i in 0..<Int.random(in: 1...7, using: &rng) {
            let type = typeNames.randomElement(using: &rng)!
            model.objects.append(ObjectDeclaration("o-\(i)", type: type == DomainModel.rootType ? nil : type))
        }
        for i in 0..<Int.random(in: 1...4, using: &rng) {
            let parameters = (0..<Int.random(in: 0...3, using: &rng)).map { Parameter("p\($0)", typeNames.randomElement(using: &rng)!) }
            model.predicates.append(PredicateSignature("pred-\(i)", parameters))
        }
        for i in 0..<Int.random(in: 1...3, using: &rng) {
            let parameters = (0..<Int.random(in: 0...3, using: &rng)).map { Parameter("v\($0)", typeNames.randomElement(using: &rng)!) }
            var action = ActionSchema("act-\(i)", parameters: parameters)
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                if let literal = literal(model, over: parameters.map { ($0.name, $0.type) }, &rng) {
                    action.preconditions.append(literal)
                }
            }
            if parameters.count >= 2, Bool.random(using: &rng) {
                action.preconditions.append(Literal(Literal.equality, [parameters[0].name, parameters[1].name], negated: Bool.random(using: &rng)))
            }
            while action.effects.isEmpty {
                if let literal = literal(model, over: parameters.map { ($0.name, $0.type) }, &rng) { action.effects.append(literal) }
                else if let zero = model.predicates.first(where: { $0.parameters.isEmpty }) { action.effects.append(Literal(zero.name)) }
                else { model.predicates.append(PredicateSignature("flag-\(i)")) }
            }
            model.actions.append(action)
        }
        let objects = model.objects.map { ($0.name, $0.type ?? DomainModel.rootType) }
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            if var fact = literal(model, over: objects, &rng) { fact.negated = false; if !model.initialState.contains(fact) { model.initialState.append(fact) } }
        }
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            if let fact = literal(model, over: objects, &rng) { model.goal.append(fact) }
        }
        return model
    }

    /// A random atom (maybe negated) over `scope` whose arguments fit, or nil when none fits.
    static func literal(_ model: DomainModel, over scope: [(String, String)], _ rng: inout SeededGenerator) -> Literal? {
        guard let predicate = model.predicates.randomElement(using: &rng) else { return nil }
        var arguments: [String] = []
        for parameter in predicate.parameters {
            let fitting = scope.filter { model.isSubtype($0.1, of: parameter.type) }
            guard let pick = fitting.randomElement(using: &rng) else { return nil }
            arguments.append(pick.0)
        }
        return Literal(predicate.name, arguments, negated: Int.random(in: 0..<4, using: &rng) == 0)
    }
}
