import Foundation
import Store

/// Writes an exported report (a plan session, a chat transcript) into the export directory.
public enum ReportExport {
    /// Writes `text` as `name` inside `directory` (created when missing) and returns the path.
    /// The name is made one safe file-name component (it may carry a domain's name), and the
    /// write is atomic and never follows a link planted at a temporary name.
    public static func write(_ text: String, named name: String, into directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent(SafeFileName.component(name, fallback: "export"))
        try AtomicFileWriter.write(text, to: path)
        return path
    }
}
