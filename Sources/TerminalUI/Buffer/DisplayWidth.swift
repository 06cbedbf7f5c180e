/// Terminal column widths of graphemes, following wcwidth conventions: combining marks and
/// zero-width joiners take 0 columns, East Asian wide/fullwidth characters and emoji with emoji
/// presentation take 2, everything else 1.
public enum DisplayWidth {
    /// Width of one grapheme cluster (a Swift `Character`).
    public static func of(_ character: Character) -> Int {
        // Fast path: printable ASCII is by far the most common case in every frame.
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        var iterator = character.unicodeScalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        if isZeroWidth(first) {
            // A cluster made only of marks (e.g. a lone combining accent) has no width of its own.
            return character.unicodeScalars.allSatisfy(isZeroWidth) ? 0 : 1
        }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        if isWide(first) { return 2 }
        // Text-presentation symbols followed by VS16 (e.g. "☺️") are shown as emoji, 2 columns.
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }), first.properties.isEmoji { return 2 }
        return 1
    }

    /// Sum of the widths of every grapheme in `text`.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for ch in text { total += of(ch) }
        return total
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: break
        }
        let v = s.value
        return v == 0x200B || (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v)
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x1100 { return false }
        if s.properties.isEmojiPresentation { return true }
        for range in wideRanges where range.contains(v) { return true }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
