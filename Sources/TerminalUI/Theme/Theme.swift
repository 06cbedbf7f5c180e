/// Semantic colours and attributes. Widgets ask for a role, never a colour, so every theme
/// (including monochrome) reads well; meaning is also carried by glyphs and words, not colour alone.
public struct Theme: Equatable, Sendable {
    public enum Role: String, CaseIterable, Sendable {
        case text, muted, accent, error, warning, ok, selection, border, focusBorder, title
        case statusBar, keyHint, code, link, gutter, lineNumber, cursorLine, match, matchingParen
        case keyword, identifier, variable, comment, string, number, punctuation
    }

    public var name: String
    public var styles: [Role: Style]
    /// Box-drawing and marks: false selects ASCII (`+-|`, `[ok]`) for non-UTF-8 locales.
    public var unicode: Bool

    public init(name: String, styles: [Role: Style], unicode: Bool = true) {
        self.name = name; self.styles = styles; self.unicode = unicode
    }

    public subscript(role: Role) -> Style { styles[role] ?? .plain }

    /// Used when no theme file can be read: attributes only, so it works on every terminal.
    public static let fallback = Theme(name: "fallback", styles: [
        .muted: Style(dim: true), .accent: Style(bold: true), .error: Style(bold: true, underline: true),
        .warning: Style(underline: true), .selection: Style(reverse: true), .focusBorder: Style(bold: true),
        .title: Style(bold: true), .statusBar: Style(reverse: true), .keyHint: Style(bold: true),
        .match: Style(underline: true), .matchingParen: Style(bold: true, underline: true),
        .keyword: Style(bold: true), .comment: Style(dim: true), .lineNumber: Style(dim: true),
    ])
}
