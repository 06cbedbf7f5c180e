import PDDL

extension Diagnostic {
    /// The JSON form used by `--format json`.
    var jsonObject: [String: Any] {
        var object: [String: Any] = [
            "code": code.rawValue,
            "severity": severity.rawValue,
            "message": message,
            "file": file,
            "line": Int(range.start.line),
            "column": Int(range.start.column),
            "offset": Int(range.start.offset),
            "end_line": Int(range.end.line),
            "end_column": Int(range.end.column),
            "end_offset": Int(range.end.offset),
        ]
        if !notes.isEmpty { object["notes"] = notes }
        if let suggestion { object["suggestion"] = suggestion }
        return object
    }
}
