import Foundation
import Testing
import TerminalUI

/// Compares a whole buffer, written as lines framed by `|` (so trailing spaces show), with
/// `Snapshots/<name>.txt`. With RECORD_SNAPSHOTS=1 the file is (re)written and the test fails, so a
/// recording run can never pass silently; read the diff before committing.
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, styles: Bool = false,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    var lines = buffer.lines().map { "|\($0)|" }
    if styles {
        lines.append("-- styles --")
        lines += buffer.styleLines().map { "|\($0)|" }
    }
    let actual = lines.joined(separator: "\n") + "\n"
    let url = snapshotDirectory.appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: snapshotDirectory, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); unset RECORD_SNAPSHOTS and re-run", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing snapshot \(url.path); run with RECORD_SNAPSHOTS=1\n\(actual)", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record("snapshot \(name) differs\n--- expected\n\(expected)--- actual\n\(actual)", sourceLocation: sourceLocation)
    }
}

let snapshotDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

/// Renders `draw` into a fresh buffer of the given size.
func render(_ width: Int, _ height: Int, _ draw: (inout ScreenBuffer, Rect) -> Void) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: width, height: height)
    draw(&buffer, buffer.area)
    return buffer
}
