/// A short message in the bottom-right corner. The kind is a word too (`error:`), never colour
/// alone; the screen keeps it ≥ 5 s and also writes it to its activity log.
public struct Toast: Equatable, Sendable {
    public enum Kind: String, Sendable { case info, ok, warning, error }
    public var kind: Kind
    public var message: String
    public var theme: Theme

    public init(_ kind: Kind, _ message: String, theme: Theme = .fallback) {
        self.kind = kind; self.message = message; self.theme = theme
    }

    /// Shortest time on screen, in seconds.
    public static let minimumDuration: Double = 5

    public func draw(in area: Rect, into buffer: inout ScreenBuffer) {
        let role: Theme.Role = switch kind {
        case .info: .accent
        case .ok: .ok
        case .warning: .warning
        case .error: .error
        }
        let text = "\(kind.rawValue): \(message)"
        let width = min(area.width, min(50, DisplayWidth.of(text) + 4))
        guard width >= 5 else { return }
        let lines = TextWrap.wrap(text, width: width - 4)
        let height = min(area.height, lines.count + 2)
        let box = Rect(x: area.maxX - width, y: area.maxY - height, width: width, height: height)
        let inner = Block(theme: theme).draw(in: box, into: &buffer)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.put(line, x: inner.x + 1, y: inner.y + i, style: i == 0 ? theme[role] : theme[.text], maxX: inner.maxX)
        }
    }
}
