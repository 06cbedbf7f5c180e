/// One line of the controlled syntax, parsed. Names keep the column where they were typed so
/// that a later check (an undeclared type, a wrong argument) can point at them.
///
/// The language, one statement per line (names: a letter, then letters, digits, `-`, `_`):
///
///     name logistics                                   name the domain
///     type truck, airplane - vehicle                   types with a parent (default: object)
///     object t1, t2 - truck                            objects with a type
///     predicate at(x: locatable, l: location)          a predicate with typed parameters
///     predicate handempty                              … or none
///     action drive(t: truck, from: location, to: location)
///         requires at(t, from), from != to             preconditions: atoms, `not` atoms, = / !=
///         makes at(t, to), not at(t, from)             effects: added atoms, `not` = deleted
///     init at(t1, depot), at(p1, depot)                facts true at the start
///     goal at(p1, shop)                                what must hold at the end (`not` allowed)
///     remove object t2   (or type, predicate, action, init …, goal …)
///     template gripper   start from a bundled template; a line starting with `(define` pastes PDDL
///     back · next · undo · show · help · done · yes
public enum Statement: Sendable, Hashable {
    case name(Located)
    case types([Located], parent: Located?)
    case objects([Located], type: Located?)
    case predicate(Located, [ParsedParameter])
    case action(Located, [ParsedParameter], requires: [ParsedLiteral], makes: [ParsedLiteral])
    case initial([ParsedLiteral])
    case goal([ParsedLiteral])
    case remove(RemovalTarget)
    case template(Located)
    case command(ConversationCommand)
}

/// The navigation and inspection words of the conversation.
public enum ConversationCommand: String, Sendable, Hashable, CaseIterable {
    case back, next, undo, show, help, done, yes
}

/// What `remove …` names.
public enum RemovalTarget: Sendable, Hashable {
    case type(Located), object(Located), predicate(Located), action(Located)
    case initial(ParsedLiteral), goal(ParsedLiteral)
}

/// A word and the 1-based column where it starts.
public struct Located: Sendable, Hashable {
    public var text: String
    public var column: Int
    public init(_ text: String, column: Int) { self.text = text; self.column = column }
}

/// `t: truck` with positions.
public struct ParsedParameter: Sendable, Hashable {
    public var name: Located
    public var type: Located
    public var parameter: Parameter { Parameter(name.text, type.text) }
}

/// `not at(t, from)` or `from != to` with positions.
public struct ParsedLiteral: Sendable, Hashable {
    public var predicate: Located
    public var arguments: [Located]
    public var negated: Bool
    public var literal: Literal { Literal(predicate.text, arguments.map(\.text), negated: negated) }
}
