import Foundation

/// Text snapshots shared by every test target: compares a rendered text with `<directory>/<name>.txt`.
/// It knows neither the terminal toolkit nor the test framework (the fuzz executable links this
/// target), so callers turn the lines into text and the returned message into a test issue.
public enum TextSnapshot {
    /// The environment variable that makes `check` (re)write snapshots instead of comparing.
    public static let recordVariable = "RECORD_SNAPSHOTS"

    /// Screen lines as snapshot text: each framed by `|` so trailing spaces show, one per line.
    public static func framed(_ lines: [String]) -> String {
        lines.map { "|\($0)|\n" }.joined()
    }

    /// nil when `actual` matches the stored snapshot; otherwise why not, with the actual text.
    /// Recording writes the file and still fails, so a recording run can never pass silently; a
    /// missing snapshot fails with the text it would have held.
    public static func check(_ actual: String, named name: String, in directory: URL,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let url = directory.appendingPathComponent("\(name).txt")
        if environment[recordVariable] == "1" {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                return "could not record snapshot \(url.path): \(error)"
            }
            return "recorded snapshot \(name); unset \(recordVariable) and re-run"
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "missing snapshot \(url.path); run with \(recordVariable)=1\n\(actual)"
        }
        if expected != actual {
            return "snapshot \(name) differs\n--- expected\n\(expected)--- actual\n\(actual)"
        }
        return nil
    }
}
