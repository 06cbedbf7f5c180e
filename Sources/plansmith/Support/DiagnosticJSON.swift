import PDDL
import PlansmithCore

extension Diagnostic {
    /// The JSON form used by `--format json` (built by `JSONForms`, shared with the server).
    var jsonObject: [String: Any] { JSONForms.diagnostic(self) }
}
