import Foundation
import PlansmithTUI
import PlansmithTestSupport
import TerminalUI
import Testing

/// Compares a drawn screen (its characters, framed by `|` so trailing spaces show) with
/// `Tests/PlansmithTUITests/Snapshots/<name>.txt` (see `TextSnapshot`: RECORD_SNAPSHOTS=1 rewrites
/// the file and fails; read the new file before committing it).
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let failure = TextSnapshot.check(TextSnapshot.framed(buffer.lines()), named: name, in: screenSnapshotDirectory) {
        Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
}

let screenSnapshotDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
