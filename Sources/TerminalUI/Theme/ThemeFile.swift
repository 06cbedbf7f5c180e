/// Reads theme files: a tiny TOML subset (`[section]` headers and `key = "value"` lines, `#` comments),
/// enough for themes without a dependency.
///
/// ```toml
/// name = "dark"
/// [roles]
/// accent = "fg:75 bold"      # fg:/bg: take 0–255, a colour name or "default"
/// selection = "reverse"
/// ```
public enum ThemeFile {
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "theme line \(line): \(message)" }
    }

    /// Sections of key/value pairs; keys before any header are in section "".
    public static func parseTOML(_ text: String) throws(ParseError) -> [String: [String: String]] {
        var result: [String: [String: String]] = ["": [:]]
        var section = ""
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = stripComment(raw).trimmingCharacters()
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else { throw ParseError(line: n + 1, message: "bad section header") }
                section = String(line.dropFirst().dropLast()).trimmingCharacters()
                result[section, default: [:]] = result[section] ?? [:]
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { throw ParseError(line: n + 1, message: "expected key = \"value\"") }
            let key = String(line[..<eq]).trimmingCharacters()
            var value = String(line[line.index(after: eq)...]).trimmingCharacters()
            guard !key.isEmpty, value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else {
                throw ParseError(line: n + 1, message: "value of '\(key)' must be a quoted string")
            }
            value = String(value.dropFirst().dropLast())
            result[section, default: [:]][key] = value
        }
        return result
    }

    /// Builds a theme; unknown roles or bad style words are errors naming the line's key.
    public static func theme(fromTOML text: String, unicode: Bool = true) throws(ParseError) -> Theme {
        let sections = try parseTOML(text)
        var styles: [Theme.Role: Style] = [:]
        for (key, spec) in sections["roles"] ?? [:] {
            guard let role = Theme.Role(rawValue: key) else { throw ParseError(line: 0, message: "unknown role '\(key)'") }
            guard let style = style(fromSpec: spec) else { throw ParseError(line: 0, message: "bad style '\(spec)' for '\(key)'") }
            styles[role] = style
        }
        return Theme(name: sections[""]?["name"] ?? "unnamed", styles: styles, unicode: unicode)
    }

    /// `"fg:75 bg:default bold underline reverse dim"`; `"default"` is the plain style.
    public static func style(fromSpec spec: String) -> Style? {
        var style = Style()
        for word in spec.split(separator: " ") {
            switch word {
            case "default", "plain": break
            case "bold": style.bold = true
            case "underline": style.underline = true
            case "reverse": style.reverse = true
            case "dim": style.dim = true
            default:
                if word.hasPrefix("fg:"), let c = color(word.dropFirst(3)) { style.fg = c }
                else if word.hasPrefix("bg:"), let c = color(word.dropFirst(3)) { style.bg = c }
                else { return nil }
            }
        }
        return style
    }

    static func color(_ word: Substring) -> Color? {
        let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        if word == "default" { return .default }
        if let i = names.firstIndex(of: String(word)) { return .indexed(UInt8(i)) }
        if word.hasPrefix("bright"), let i = names.firstIndex(of: String(word.dropFirst(6))) { return .indexed(UInt8(i + 8)) }
        if let n = Int(word), (0...255).contains(n) { return .indexed(UInt8(n)) }
        return nil
    }

    private static func stripComment(_ line: Substring) -> Substring {
        // '#' inside a quoted value is kept.
        var inQuotes = false
        for i in line.indices {
            if line[i] == "\"" { inQuotes.toggle() }
            if line[i] == "#", !inQuotes { return line[..<i] }
        }
        return line
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
