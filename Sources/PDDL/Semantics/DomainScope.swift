/// The symbols a domain declares, resolved once so every checker looks them up cheaply.
struct DomainScope {
    struct Signature {
        var name: Name
        var parameterTypes: [[Int]]
        /// Position among the declared predicates (or functions), for flat "used" arrays.
        var index: Int
    }

    let domain: Domain
    let types: TypeHierarchy
    let typing: Bool
    private(set) var predicates: [String: Signature] = [:]
    /// The same predicates for the hot loop over initial facts (cheaper hashing).
    private(set) var predicateIndex = NameIndex()
    private(set) var predicateList: [Signature] = []
    private(set) var functions: [String: Signature] = [:]
    private(set) var constants: [String: (name: Name, type: [Int])] = [:]

    init(_ domain: Domain) {
        self.domain = domain
        types = TypeHierarchy(types: domain.types)
        typing = domain.hasTypesSection || !domain.types.isEmpty
        for predicate in domain.predicates where predicates[predicate.name.text] == nil {
            predicates[predicate.name.text] = Signature(name: predicate.name, parameterTypes: predicate.parameters.map { types.resolve($0.type) },
                                                        index: predicates.count)
        }
        predicateList = predicates.values.sorted { $0.index < $1.index }
        for signature in predicateList { predicateIndex.insert(signature.name.text, value: signature.index) }
        for function in domain.functions where functions[function.name.text] == nil {
            functions[function.name.text] = Signature(name: function.name, parameterTypes: function.parameters.map { types.resolve($0.type) },
                                                      index: functions.count)
        }
        for constant in domain.constants where constants[constant.name.text] == nil {
            constants[constant.name.text] = (constant.name, types.resolve(constant.type))
        }
    }

    var predicateNames: [String] { Array(predicates.keys) }
    var typeNames: [String] { types.names }
}
