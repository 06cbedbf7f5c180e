import Foundation

/// Dates for display and file names, formatted with the C library (`localtime_r`/`gmtime_r` +
/// `strftime`) instead of `DateFormatter`, whose first use pages over 4 MB of ICU data into the
/// app just to show "2026-11-25 20:50".
public enum DisplayDate {
    /// `format` is a `strftime` pattern; local time unless `utc`.
    public static func string(_ date: Date, _ format: String = "%Y-%m-%d %H:%M", utc: Bool = false) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        if utc { gmtime_r(&seconds, &parts) } else { localtime_r(&seconds, &parts) }
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, format, &parts)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
