/// A step read from a plan file, with its 1-based line number.
public struct ParsedPlanStep: Sendable, Hashable {
    public var step: PlanStep
    public var line: Int
}

/// A line of a plan file that is not a step.
public struct PlanSyntaxError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

/// Reads IPC plan files: one `(action arg …)` per line, case-insensitive, `;` comments, optional
/// `N:` time prefixes and `[duration]` suffixes (both ignored).
public enum PlanText {
    public static func parse(_ text: String) throws(PlanSyntaxError) -> [ParsedPlanStep] {
        var steps: [ParsedPlanStep] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if let semicolon = line.firstIndex(of: ";") { line = line[..<semicolon] }
            line = trimmed(line)
            if line.isEmpty { continue }
            // `0.001: (step …)`: drop a numeric time prefix.
            if let colon = line.firstIndex(of: ":"), line[..<colon].allSatisfy({ $0.isNumber || $0 == "." || $0 == " " }) {
                line = trimmed(line[line.index(after: colon)...])
            }
            guard line.first == "(", let close = line.firstIndex(of: ")") else {
                throw PlanSyntaxError(line: lineNumber, message: "expected '(action arg …)', found '\(line)'")
            }
            let rest = trimmed(line[line.index(after: close)...])
            if !rest.isEmpty && !(rest.first == "[" && rest.last == "]") {
                throw PlanSyntaxError(line: lineNumber, message: "unexpected '\(rest)' after the step")
            }
            let words = line[line.index(after: line.startIndex)..<close]
                .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
                .map { $0.lowercased() }
            guard let action = words.first else {
                throw PlanSyntaxError(line: lineNumber, message: "empty step '()'")
            }
            steps.append(ParsedPlanStep(step: PlanStep(action: action, arguments: Array(words.dropFirst())), line: lineNumber))
        }
        return steps
    }

    private static func trimmed(_ s: Substring) -> Substring {
        var s = s
        while let first = s.first, first == " " || first == "\t" || first == "\r" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
