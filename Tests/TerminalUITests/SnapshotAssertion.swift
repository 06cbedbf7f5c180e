import Foundation
import PlansmithTestSupport
import Testing
import TerminalUI

/// Compares a whole buffer, written as lines framed by `|` (so trailing spaces show), with
/// `Snapshots/<name>.txt` (see `TextSnapshot`: RECORD_SNAPSHOTS=1 rewrites the file and fails, so
/// a recording run can never pass silently; read the diff before committing).
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, styles: Bool = false,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    var actual = TextSnapshot.framed(buffer.lines())
    if styles { actual += "-- styles --\n" + TextSnapshot.framed(buffer.styleLines()) }
    if let failure = TextSnapshot.check(actual, named: name, in: snapshotDirectory) {
        Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
}

let snapshotDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

/// Renders `draw` into a fresh buffer of the given size.
func render(_ width: Int, _ height: Int, _ draw: (inout ScreenBuffer, Rect) -> Void) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: width, height: height)
    draw(&buffer, buffer.area)
    return buffer
}
