/// A lowercased identifier with the place it was written.
public struct Name: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var text: String
    public var range: SourceRange

    public init(_ text: String, range: SourceRange = .unknown) {
        self.text = text
        self.range = range
    }
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { text }
}

/// A type reference: a single type or `(either t1 t2 …)`.
public enum TypeReference: Hashable, Sendable, CustomStringConvertible {
    case named(Name)
    case either([Name], SourceRange)

    public static let object = TypeReference.named(Name("object"))

    /// The alternatives: one for a plain type, several for `either`.
    public var alternatives: [Name] {
        switch self {
        case .named(let name): [name]
        case .either(let names, _): names
        }
    }

    public var range: SourceRange {
        switch self {
        case .named(let name): name.range
        case .either(_, let range): range
        }
    }

    public var description: String {
        switch self {
        case .named(let name): name.text
        case .either(let names, _): "(either \(names.map(\.text).joined(separator: " ")))"
        }
    }
}

/// An entry of a typed list: `truck1 - truck`, `?x - block`, or untyped (`type == nil`).
public struct TypedName: Hashable, Sendable {
    public var name: Name
    /// The declared type; `nil` when the list gave none (it then means `object`).
    public var type: TypeReference?

    public init(_ name: Name, type: TypeReference? = nil) {
        self.name = name
        self.type = type
    }

    public var effectiveType: TypeReference { type ?? .object }
}

/// An argument of an atom: a variable (`?x`, stored without the `?`) or an object/constant name.
public enum Term: Hashable, Sendable, CustomStringConvertible {
    case variable(Name)
    case constant(Name)

    public var name: Name {
        switch self {
        case .variable(let name), .constant(let name): name
        }
    }
    public var range: SourceRange { name.range }
    public var isVariable: Bool { if case .variable = self { true } else { false } }

    public var description: String {
        switch self {
        case .variable(let name): "?\(name.text)"
        case .constant(let name): name.text
        }
    }
}

/// `(predicate term …)`.
public struct Atom: Hashable, Sendable, CustomStringConvertible {
    public var predicate: Name
    public var arguments: [Term]
    public var range: SourceRange

    public init(_ predicate: Name, _ arguments: [Term], range: SourceRange = .unknown) {
        self.predicate = predicate
        self.arguments = arguments
        self.range = range
    }

    public var description: String {
        arguments.isEmpty ? "(\(predicate.text))" : "(\(predicate.text) \(arguments.map(\.description).joined(separator: " ")))"
    }
}
