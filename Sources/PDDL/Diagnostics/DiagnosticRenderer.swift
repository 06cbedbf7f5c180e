/// Renders diagnostics the way compilers do:
///
///     domain.pddl:12:18: error[S003]: predicate 'hodling' is not declared
///        12 |     :precondition (hodling ?x)
///           |                    ^~~~~~~
///           = help: did you mean 'holding'?
public struct DiagnosticRenderer: Sendable {
    public var useColor: Bool
    /// Diagnostics after this many are summarised in one line (a broken 20 MB file can have millions).
    public var limit: Int

    public init(useColor: Bool = false, limit: Int = 200) {
        self.useColor = useColor
        self.limit = limit
    }

    /// `sources` maps a diagnostic's file name to its text, for the excerpt.
    public func render(_ diagnostics: [Diagnostic], sources: [String: SourceText]) -> String {
        var out = ""
        var lineCache: [String: LineIndex] = [:]
        for (index, diagnostic) in diagnostics.enumerated() {
            if index == limit {
                out += "… and \(diagnostics.count - limit) more diagnostics not shown\n"
                break
            }
            out += header(diagnostic)
            if let source = sources[diagnostic.file], diagnostic.range.start.line > 0, diagnostic.range.start.offset < source.bytes.count || diagnostic.range.length > 0 {
                let lines = lineCache[diagnostic.file] ?? LineIndex(source.bytes)
                lineCache[diagnostic.file] = lines
                out += excerpt(diagnostic, source: source, lines: lines)
            }
            for note in diagnostic.notes { out += "      = note: \(note)\n" }
            if let suggestion = diagnostic.suggestion { out += "      = help: did you mean '\(suggestion)'?\n" }
        }
        return out
    }

    /// `N errors, M warnings` line, or nil when there is nothing to say.
    public static func summary(_ diagnostics: [Diagnostic]) -> String? {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        guard errors + warnings > 0 else { return nil }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [errors > 0 ? plural(errors, "error") : nil, warnings > 0 ? plural(warnings, "warning") : nil]
            .compactMap { $0 }.joined(separator: ", ")
    }

    private func header(_ d: Diagnostic) -> String {
        let location = d.range.start.line > 0 && !(d.range.start.line == 1 && d.range.start.column == 1 && d.range.length == 0 && d.code.rawValue.hasPrefix("I"))
            ? "\(d.file):\(d.range.start.line):\(d.range.start.column)" : d.file
        let label = "\(d.severity.rawValue)[\(d.code.rawValue)]"
        guard useColor else { return "\(location): \(label): \(d.message)\n" }
        let color = d.severity == .error ? "\u{1B}[1;31m" : d.severity == .warning ? "\u{1B}[1;35m" : "\u{1B}[1;36m"
        return "\u{1B}[1m\(location):\u{1B}[0m \(color)\(label):\u{1B}[0m \u{1B}[1m\(d.message)\u{1B}[0m\n"
    }

    private func excerpt(_ d: Diagnostic, source: SourceText, lines: LineIndex) -> String {
        let lineNumber = Int(d.range.start.line)
        guard let text = lines.text(of: lineNumber, in: source.bytes) else { return "" }
        let gutter = String(lineNumber)
        let pad = String(repeating: " ", count: gutter.count)
        // Columns are bytes; the caret goes under the right character, counting display width
        // per Unicode scalar (tabs kept as tabs so they line up with the excerpt).
        let prefixBytes = Array(text.utf8.prefix(max(0, Int(d.range.start.column) - 1)))
        let prefix = String(decoding: prefixBytes, as: UTF8.self)
        let indent = prefix.unicodeScalars.map { $0 == "\t" ? "\t" : " " }.joined()
        let sameLine = d.range.end.line == d.range.start.line
        let width = sameLine ? max(1, Int(d.range.end.column) - Int(d.range.start.column)) : max(1, text.utf8.count - prefixBytes.count)
        let highlighted = String(decoding: Array(text.utf8.dropFirst(prefixBytes.count).prefix(width)), as: UTF8.self)
        let marks = "^" + String(repeating: "~", count: max(0, min(highlighted.unicodeScalars.count, 120) - 1))
        let caret = useColor ? "\u{1B}[1;32m\(marks)\u{1B}[0m" : marks
        return " \(gutter) | \(text)\n \(pad) | \(indent)\(caret)\n"
    }
}

/// Byte offsets of line starts, built once per file so excerpts of many diagnostics stay cheap.
struct LineIndex {
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
    }

    func text(of line: Int, in bytes: [UInt8]) -> String? {
        guard line >= 1 && line <= starts.count else { return nil }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
