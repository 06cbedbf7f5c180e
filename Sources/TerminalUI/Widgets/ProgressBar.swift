/// A labelled bar with the percentage in digits (the number, not the colour, carries the value).
public struct ProgressBar: Sendable {
    public var fraction: Double
    public var label: String
    public var theme: Theme
    public init(fraction: Double, label: String = "", theme: Theme = .fallback) {
        self.fraction = min(1, max(0, fraction)); self.label = label; self.theme = theme
    }

    public func draw(in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height > 0, area.width > 0 else { return }
        let percent = " \(Int((fraction * 100).rounded(.down)))%"
        let prefix = label.isEmpty ? "" : label + " "
        var x = buffer.put(TextWrap.truncate(prefix, width: max(0, area.width - percent.count - 3)), x: area.x, y: area.y,
                           style: theme[.text], maxX: area.maxX)
        let barWidth = area.maxX - x - percent.count - (theme.unicode ? 0 : 2)
        if barWidth > 0 {
            let filled = Int((Double(barWidth) * fraction).rounded(.down))
            if !theme.unicode { x = buffer.put("[", x: x, y: area.y) }
            x = buffer.put(String(repeating: theme.unicode ? "█" : "#", count: filled), x: x, y: area.y, style: theme[.accent])
            x = buffer.put(String(repeating: theme.unicode ? "░" : "-", count: barWidth - filled), x: x, y: area.y, style: theme[.muted])
            if !theme.unicode { x = buffer.put("]", x: x, y: area.y) }
        }
        buffer.put(percent, x: x, y: area.y, style: theme[.text], maxX: area.maxX)
    }
}

/// An activity indicator that changes at most 4 times a second; with reduce-motion it is static text.
public struct Spinner: Sendable {
    public static let framesPerSecond = 4.0
    static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    static let asciiFrames = ["|", "/", "-", "\\"]

    public var label: String
    public var reduceMotion: Bool
    public var theme: Theme
    public init(label: String, reduceMotion: Bool = false, theme: Theme = .fallback) {
        self.label = label; self.reduceMotion = reduceMotion; self.theme = theme
    }

    /// The glyph shown `elapsed` seconds after start (nil with reduce-motion).
    public func frame(elapsed: Double) -> String? {
        guard !reduceMotion else { return nil }
        let frames = theme.unicode ? Spinner.frames : Spinner.asciiFrames
        return frames[Int(max(0, elapsed) * Spinner.framesPerSecond) % frames.count]
    }

    public func draw(elapsed: Double, in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height > 0 else { return }
        let text = frame(elapsed: elapsed).map { "\($0) \(label)" } ?? "[running] \(label)"
        buffer.put(text, x: area.x, y: area.y, style: theme[.accent], maxX: area.maxX)
    }
}
