import Foundation

/// A deliberately small STRIPS+typing simulator, just enough to check that each bundled
/// template is well formed (every atom names a declared predicate with the right arity, every
/// argument has the right type) and that its reference plan reaches the goal. The real parser
/// and validator live in the PDDL and Planner modules, which the Store does not depend on.
enum MiniStrips {
    struct Failure: Error, CustomStringConvertible { let description: String }

    indirect enum Expr { case atom(String), list([Expr])
        var name: String? { if case .atom(let s) = self { return s.lowercased() } else { return nil } }
        var items: [Expr] { if case .list(let l) = self { return l } else { return [] } }
    }

    static func parse(_ text: String) throws -> Expr {
        let cleaned = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }.joined(separator: " ")
        let tokens = cleaned.replacingOccurrences(of: "(", with: " ( ").replacingOccurrences(of: ")", with: " ) ")
            .split(whereSeparator: \.isWhitespace).map(String.init)
        var index = 0
        func expr() throws -> Expr {
            guard index < tokens.count else { throw Failure(description: "unexpected end") }
            let token = tokens[index]; index += 1
            if token == ")" { throw Failure(description: "unexpected )") }
            guard token == "(" else { return .atom(token) }
            var items: [Expr] = []
            while index < tokens.count, tokens[index] != ")" { items.append(try expr()) }
            guard index < tokens.count else { throw Failure(description: "missing )") }
            index += 1
            return .list(items)
        }
        let result = try expr()
        guard index == tokens.count else { throw Failure(description: "text after the closing )") }
        return result
    }

    /// `a b - t c - u d` → [(a,t), (b,t), (c,u), (d,object)]
    static func typedList(_ items: [Expr]) throws -> [(String, String)] {
        var result: [(String, String)] = [], pending: [String] = [], i = 0
        while i < items.count {
            guard let name = items[i].name else { throw Failure(description: "expected a name") }
            if name == "-" {
                guard i + 1 < items.count, let type = items[i + 1].name else { throw Failure(description: "missing type") }
                result += pending.map { ($0, type) }; pending = []; i += 2
            } else { pending.append(name); i += 1 }
        }
        return result + pending.map { ($0, "object") }
    }

    struct Atom: Hashable { let predicate: String; let args: [String] }
    struct Literal { let atom: Atom; let positive: Bool }

    static func literals(_ e: Expr) throws -> [Literal] {
        let items = e.items
        guard let head = items.first?.name else { throw Failure(description: "empty formula") }
        if head == "and" { return try items.dropFirst().flatMap(literals) }
        if head == "not" { return try literals(items[1]).map { Literal(atom: $0.atom, positive: !$0.positive) } }
        return [Literal(atom: Atom(predicate: head, args: items.dropFirst().compactMap(\.name)), positive: true)]
    }

    static func section(_ key: String, in items: [Expr]) -> Expr? {
        items.first { $0.items.first?.name == key }
    }

    struct Action { let name: String; let parameters: [(String, String)]; let pre: [Literal]; let eff: [Literal] }

    struct Domain {
        var parents: [String: String] = [:]
        var predicates: [String: [String]] = [:]
        var actions: [String: Action] = [:]

        init(parsing text: String) throws {
            let items = try parse(text).items
            guard items.first?.name == "define" else { throw Failure(description: "no define") }
            if let types = section(":types", in: items) {
                for (t, parent) in try typedList(Array(types.items.dropFirst())) { parents[t] = parent }
            }
            for p in section(":predicates", in: items)?.items.dropFirst() ?? [] {
                guard let name = p.items.first?.name else { throw Failure(description: "bad predicate") }
                predicates[name] = try typedList(Array(p.items.dropFirst())).map(\.1)
            }
            for a in items where a.items.first?.name == ":action" {
                let parts = a.items
                let name = parts[1].name!
                func value(_ key: String) -> Expr? {
                    guard let k = parts.firstIndex(where: { $0.name == key }), k + 1 < parts.count else { return nil }
                    return parts[k + 1]
                }
                let params = try typedList(value(":parameters")?.items ?? [])
                let action = Action(name: name, parameters: params,
                                    pre: try value(":precondition").map(literals) ?? [],
                                    eff: try value(":effect").map(literals) ?? [])
                for literal in action.pre + action.eff {
                    try checkArity(literal.atom)
                    guard literal.atom.args.allSatisfy({ arg in params.contains { $0.0 == arg } }) else {
                        throw Failure(description: "\(name) uses an undeclared variable in \(literal.atom)")
                    }
                }
                actions[name] = action
            }
        }

        func checkArity(_ atom: Atom) throws {
            guard let signature = predicates[atom.predicate] else { throw Failure(description: "undeclared \(atom.predicate)") }
            guard signature.count == atom.args.count else { throw Failure(description: "arity of \(atom.predicate)") }
        }

        func isSubtype(_ type: String, of ancestor: String) -> Bool {
            var current: String? = type
            var seen = 0
            while let c = current, seen < 50 { if c == ancestor { return true }; current = parents[c]; seen += 1 }
            return ancestor == "object"
        }
    }

    enum Outcome: Equatable { case reachesGoal, missesGoal, failsAt(Int) }

    struct Problem {
        let domain: Domain
        var objects: [String: String] = [:]
        var initial: Set<Atom> = []
        var goal: [Literal] = []

        init(parsing text: String, domain: Domain) throws {
            self.domain = domain
            let items = try parse(text).items
            for (o, t) in try typedList(Array(section(":objects", in: items)?.items.dropFirst() ?? [])) { objects[o] = t }
            for a in section(":init", in: items)?.items.dropFirst() ?? [] {
                let atom = try literals(a)[0].atom
                try check(atom, types: domain.predicates[atom.predicate] ?? [])
                initial.insert(atom)
            }
            guard let g = section(":goal", in: items)?.items.dropFirst().first else { throw Failure(description: "no goal") }
            goal = try literals(g)
            for l in goal { try check(l.atom, types: domain.predicates[l.atom.predicate] ?? []) }
        }

        func check(_ atom: Atom, types: [String]) throws {
            try domain.checkArity(atom)
            for (arg, type) in zip(atom.args, types) {
                guard let t = objects[arg] else { throw Failure(description: "unknown object \(arg)") }
                guard domain.isSubtype(t, of: type) else { throw Failure(description: "\(arg) is not a \(type)") }
            }
        }

        func run(_ plan: [String]) throws -> Outcome {
            var state = initial
            for (i, step) in plan.enumerated() {
                let words = step.trimmingCharacters(in: CharacterSet(charactersIn: "() ")).lowercased()
                    .split(separator: " ").map(String.init)
                guard let action = domain.actions[words[0]], action.parameters.count == words.count - 1 else {
                    throw Failure(description: "step \(i): unknown action or wrong argument count: \(step)")
                }
                var binding: [String: String] = [:]
                for ((variable, type), object) in zip(action.parameters, words.dropFirst()) {
                    guard let t = objects[object], domain.isSubtype(t, of: type) else { return .failsAt(i) }
                    binding[variable] = object
                }
                func ground(_ a: Atom) -> Atom { Atom(predicate: a.predicate, args: a.args.map { binding[$0] ?? $0 }) }
                guard action.pre.allSatisfy({ state.contains(ground($0.atom)) == $0.positive }) else { return .failsAt(i) }
                for l in action.eff where !l.positive { state.remove(ground(l.atom)) }
                for l in action.eff where l.positive { state.insert(ground(l.atom)) }
            }
            return goal.allSatisfy { state.contains($0.atom) == $0.positive } ? .reachesGoal : .missesGoal
        }
    }
}
