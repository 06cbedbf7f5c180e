/// The small Markdown subset chat replies use: `**bold**`, `` `code` ``, fenced code blocks,
/// `-`/`*`/`1.` list items and `#` headings. Everything else is plain text, so odd input never
/// disappears. Output is wrapped to a width with hanging indents for list items.
public enum MiniMarkdown {
    public static func render(_ text: String, width: Int, theme: Theme = .fallback) -> [StyledLine] {
        guard width > 0 else { return [] }
        var out: [StyledLine] = []
        var inCode = false
        let bar = theme.unicode ? "│ " : "| "
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.trimmingCharacters().hasPrefix("```") {
                inCode.toggle()
                continue
            }
            if inCode {
                // Code keeps its layout: cut, never wrapped.
                out.append([Span(bar, theme[.muted]), Span(TextWrap.truncate(line, width: max(0, width - 2)), theme[.code])])
                continue
            }
            var body = Substring(line), bodyStyle = theme[.text]
            if let marker = listMarker(line) {
                body = line.dropFirst(marker.prefixLength)
                let bullet = marker.bullet + " "
                let wrapped = TextWrap.wrap(inline(String(body), base: bodyStyle, theme: theme), width: max(1, width - DisplayWidth.of(bullet)))
                for (i, w) in wrapped.enumerated() {
                    let lead = i == 0 ? bullet : String(repeating: " ", count: DisplayWidth.of(bullet))
                    out.append([Span(lead, theme[.accent])] + w)
                }
                continue
            }
            if line.hasPrefix("#") {
                body = line.drop(while: { $0 == "#" }).drop(while: { $0 == " " })
                bodyStyle = theme[.title]
            }
            out.append(contentsOf: TextWrap.wrap(inline(String(body), base: bodyStyle, theme: theme), width: width))
        }
        return out
    }

    /// `- x`, `* x` (shown as a bullet) or `12. x` (number kept); indentation is kept.
    static func listMarker(_ line: String) -> (bullet: String, prefixLength: Int)? {
        let spaces = line.prefix(while: { $0 == " " }).count
        let rest = line.dropFirst(spaces)
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") {
            return (String(repeating: " ", count: spaces) + "•", spaces + 2)
        }
        let digits = rest.prefix(while: \.isNumber)
        if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(". ") {
            return (String(repeating: " ", count: spaces) + digits + ".", spaces + digits.count + 2)
        }
        return nil
    }

    /// Splits inline `**bold**` and `` `code` `` spans; an unclosed marker stays literal.
    static func inline(_ text: String, base: Style, theme: Theme) -> StyledLine {
        var out: StyledLine = []
        var rest = Substring(text)
        var plain = ""
        func flush() { if !plain.isEmpty { out.append(Span(plain, base)); plain = "" } }
        while let c = rest.first {
            if rest.hasPrefix("**"), let close = rest.dropFirst(2).range(of: "**") {
                flush()
                out.append(Span(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]), base.bolded()))
                rest = rest[close.upperBound...]
            } else if c == "`", let close = rest.dropFirst().firstIndex(of: "`") {
                flush()
                out.append(Span(String(rest[rest.index(after: rest.startIndex)..<close]), theme[.code]))
                rest = rest[rest.index(after: close)...]
            } else {
                plain.append(c); rest = rest.dropFirst()
            }
        }
        flush()
        return out
    }
}
