/// How many colours the terminal can show; colours are mapped down to the tier, never required.
public enum ColorTier: Int, Comparable, Sendable {
    case monochrome = 0, eight = 8, sixteen = 16, palette256 = 256

    public static func < (a: ColorTier, b: ColorTier) -> Bool { a.rawValue < b.rawValue }

    /// Picks the tier from the environment and what terminfo reports. `NO_COLOR` (non-empty) always
    /// means monochrome; `PLANSMITH_COLOR=none|16|256|truecolor` overrides detection.
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorTier {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        switch environment["PLANSMITH_COLOR"]?.lowercased() {
        case "none", "mono", "0": return .monochrome
        case "8": return .eight
        case "16": return .sixteen
        case "256", "truecolor", "24bit": return .palette256
        default: break
        }
        if terminalColors >= 256 { return .palette256 }
        if terminalColors >= 16 { return .sixteen }
        if terminalColors >= 8 { return .eight }
        return .monochrome
    }

    /// The palette index to use for `color` in this tier; nil means "no colour" (terminal default).
    public func map(_ color: Color) -> Int? {
        guard case .indexed(let index) = color else { return nil }
        switch self {
        case .monochrome: return nil
        case .palette256: return Int(index)
        case .sixteen: return index < 16 ? Int(index) : ColorTier.nearestBasic(index, count: 16)
        case .eight: return index < 16 ? Int(index % 8) : ColorTier.nearestBasic(index, count: 8)
        }
    }

    /// Nearest of the first `count` xterm colours to palette entry `index` (by RGB distance).
    static func nearestBasic(_ index: UInt8, count: Int) -> Int {
        let target = rgb(index)
        var best = 0, bestDistance = Int.max
        for candidate in 0..<count {
            let c = rgb(UInt8(candidate))
            let d = (c.0 - target.0) * (c.0 - target.0) + (c.1 - target.1) * (c.1 - target.1) + (c.2 - target.2) * (c.2 - target.2)
            if d < bestDistance { best = candidate; bestDistance = d }
        }
        return best
    }

    /// The xterm default RGB of a palette entry.
    static func rgb(_ index: UInt8) -> (Int, Int, Int) {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        let i = Int(index)
        if i < 16 { return basic[i] }
        if i < 232 {
            let levels = [0, 95, 135, 175, 215, 255]
            let n = i - 16
            return (levels[n / 36], levels[(n / 6) % 6], levels[n % 6])
        }
        let grey = 8 + (i - 232) * 10
        return (grey, grey, grey)
    }
}
