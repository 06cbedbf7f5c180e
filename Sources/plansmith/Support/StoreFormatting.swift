import Foundation

/// Dates and tables as the store commands print them. Dates are UTC so output is the same on
/// every machine and in tests.
enum StoreFormatting {
    /// ISO 8601 with seconds, for JSON (`2026-11-25T18:03:12Z`); `NSNull` for nil.
    static func json(_ date: Date?) -> Any {
        guard let date else { return NSNull() }
        return date.formatted(Date.ISO8601FormatStyle())
    }

    /// `2026-11-25 18:03` for tables; `never` (or the given word) for nil.
    static func text(_ date: Date?, none: String = "never") -> String {
        guard let date else { return none }
        let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
            .year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon)
        let iso = date.formatted(style)  // 2026-11-25T18:03:12
        return String(iso.replacingOccurrences(of: "T", with: " ").prefix(16))
    }

    /// Left-aligned columns separated by two spaces; the header row is upper-cased.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header.map { $0.uppercased() }] + rows
        var widths = Array(repeating: 0, count: header.count)
        for row in all { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return all.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
