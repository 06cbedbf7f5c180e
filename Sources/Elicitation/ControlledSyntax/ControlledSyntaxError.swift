/// A mistake in a controlled-syntax line: where it is, what was expected, an example of a
/// correct line, and "did you mean" suggestions when a name is close to a known one.
public struct ControlledSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// 1-based column in the line (0 when the whole line is concerned).
    public var column: Int
    public var example: String
    public var suggestions: [String]
    public var line: String

    public init(_ message: String, column: Int, line: String, example: String, suggestions: [String] = []) {
        self.message = message; self.column = column; self.line = line; self.example = example
        self.suggestions = suggestions
    }

    /// The error as the conversation shows it: message, the line with a caret, example, hints.
    public var description: String {
        var out = column > 0 ? "error at column \(column): \(message)" : "error: \(message)"
        if column > 0 && !line.isEmpty {
            out += "\n  \(line)\n  " + String(repeating: " ", count: column - 1) + "^"
        }
        if !suggestions.isEmpty {
            out += "\n  did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
        }
        out += "\n  example: \(example)"
        return out
    }
}

/// Example lines, one per statement kind, shown with errors and in `help`.
public enum SyntaxExamples {
    public static let name = "name logistics"
    public static let type = "type truck, package - object"
    public static let object = "object t1 - truck"
    public static let predicate = "predicate at(x: locatable, l: location)"
    public static let action = "action drive(t: truck, from: location, to: location) requires at(t, from) makes at(t, to), not at(t, from)"
    public static let initial = "init at(t1, depot)"
    public static let goal = "goal at(p1, shop)"
    public static let remove = "remove object t1"
    public static let template = "template gripper"

    /// The help text listing the whole language.
    public static let help = """
    Write one statement per line (names: a letter, then letters, digits, '-' or '_'):
      \(name)            name the domain
      \(type)     types, with a parent type (default: object)
      \(object)          objects and their type
      \(predicate)   a fact that can be true or false
      \(action)
                                   an action: 'requires' lists preconditions (an atom, 'not' atom,
                                   'x = y', 'x != y'); 'makes' lists effects ('not' = no longer true)
      \(initial)         a fact true at the start (several: separate with commas)
      \(goal)          what must be true at the end
      \(remove)          remove a type, object, predicate, action, init fact or goal fact
      \(template)         start from a bundled template; or paste PDDL starting with '(define'
    Commands: next/done (finish this step), back (previous step), undo, show (the model so far),
    help, yes (confirm in the review).
    """
}
