import Foundation
import GRDB

/// Dates as the database stores them: "yyyy-MM-dd HH:mm:ss.SSS" in UTC, GRDB's own format, so
/// rows written before and after this type existed compare correctly as text. Formatted here
/// with integer arithmetic because GRDB formats with a `DateFormatter`, and the first use of one
/// pages over 4 MB of ICU data into the process: every app start that wrote a date paid it.
/// Milliseconds are rounded to the nearest, as GRDB's formatter does (a test compares the two).
/// Reading is unchanged (GRDB parses this format without ICU).
///
/// Written dates are clamped to years 0001…9999, so the text is always 23 characters with a
/// four-digit year: then comparing the text in SQL (`expires_at <= ?`) orders exactly as the
/// dates do. (A year-10240 expiry once stored "10240-…", which sorts before "2026-…".)
enum StoreDate {
    /// 0001-01-01 00:00:00.000 and 9999-12-31 23:59:59.999 UTC, in milliseconds since 1970.
    static let earliestMilliseconds: Int64 = -62_135_596_800_000
    static let latestMilliseconds: Int64 = 253_402_300_799_999

    static func text(_ date: Date) -> String {
        let exact = date.timeIntervalSince1970 * 1000
        // Compare as Double before converting: Int64(_:) traps on 1e300, infinity and NaN.
        let totalMilliseconds = exact.isNaN ? 0
            : exact <= Double(earliestMilliseconds) ? earliestMilliseconds
            : exact >= Double(latestMilliseconds) ? latestMilliseconds
            : Int64(exact.rounded())
        let (days, dayMilliseconds) = floorDivision(totalMilliseconds, 86_400_000)
        let (year, month, day) = civil(fromDaysSinceEpoch: days)
        let hour = dayMilliseconds / 3_600_000, minute = dayMilliseconds / 60_000 % 60
        let second = dayMilliseconds / 1000 % 60, millisecond = dayMilliseconds % 1000
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + " "
            + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) + "." + pad(millisecond, 3)
    }

    /// Reads what `text` writes, and the shorter forms SQLite and GRDB also use ("yyyy-MM-dd",
    /// "yyyy-MM-dd HH:mm", a `T` separator, up to 3 fraction digits, a trailing `Z`), or a number
    /// of seconds since 1970. GRDB reads dates through `Calendar`, which loads ICU too.
    static func date(from value: DatabaseValue) -> Date? {
        switch value.storage {
        case .int64(let seconds): return Date(timeIntervalSince1970: TimeInterval(seconds))
        case .double(let seconds): return Date(timeIntervalSince1970: seconds)
        case .string(let text): return date(fromText: text)
        default: return nil
        }
    }

    static func date(fromText text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int64? {
            guard index + digits <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[index..<index + digits] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            index += digits
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        // Years of more than four digits are read too: older versions could store "10240-…",
        // and such a row must not make every later read of its table fail.
        var yearDigits = 0
        while index + yearDigits < bytes.count, yearDigits < 9, bytes[index + yearDigits] >= 48, bytes[index + yearDigits] <= 57 {
            yearDigits += 1
        }
        guard yearDigits >= 4, let year = number(yearDigits), skip(45), let month = number(2), skip(45), let day = number(2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0, milliseconds: Int64 = 0
        if skip(32) || skip(84) {
            guard let h = number(2), skip(58), let m = number(2), h < 24, m < 60 else { return nil }
            (hour, minute) = (h, m)
            if skip(58) {
                guard let s = number(2), s < 60 else { return nil }
                second = s
                if skip(46) {
                    var scale: Int64 = 100, digits = 0
                    while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                        if digits < 3 { milliseconds += Int64(bytes[index] - 48) * scale; scale /= 10 }
                        digits += 1
                        index += 1
                    }
                    guard digits > 0 else { return nil }
                }
            }
        }
        _ = skip(90)
        guard index == bytes.count else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let total = ((days * 24 + hour) * 60 + minute) * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(total) + TimeInterval(milliseconds) / 1000)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
    private static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Quotient and non-negative remainder (dates before 1970 too).
    private static func floorDivision(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).
    private static func civil(fromDaysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Records whose dates are written with `StoreDate` (every record of the Store).
public protocol StoreDatedRecord: EncodableRecord {}

extension StoreDatedRecord {
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { StoreDate.text($0) }
    }
}

extension StoreDatedRecord where Self: FetchableRecord {
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom { StoreDate.date(from: $0) }
    }
}
