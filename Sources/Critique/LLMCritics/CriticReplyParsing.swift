import Foundation
import Planner

/// Why an LLM critic produced nothing usable. Recorded in the round, never fatal to the session.
public enum LLMCriticError: Error, Sendable, CustomStringConvertible, Equatable {
    case unusableReply(String)
    case timedOut(seconds: Double)

    public var description: String {
        switch self {
        case .unusableReply(let why): "unusable reply: \(why)"
        case .timedOut(let seconds): "no reply within \(seconds) s"
        }
    }
}

/// Reading critic replies. Models wrap JSON in prose and code fences and get fields subtly wrong,
/// so extraction is forgiving (the first `{` … last `}`), but anything the loop acts on is checked:
/// a reply without the expected array is a failure, a malformed entry is dropped.
enum CriticReplyParsing {
    /// Most items taken from one reply: each costs every critic a vote.
    static let maxItems = 5

    static func jsonObject(in text: String) -> [String: Any]? {
        func parse(_ s: Substring) -> [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(s.utf8))) as? [String: Any]
        }
        if let whole = parse(Substring(text)) { return whole }
        guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close else { return nil }
        return parse(text[open...close])
    }

    /// Feedback items from a review reply (`{"items": [...]}`); step numbers in the reply are 1-based.
    /// Each entry must pass `dropReason`; the others are dropped, and when none is left the
    /// reply is a failure that lists why each was dropped.
    static func items(from text: String, author: CriticName, plan: [PlanStep]) throws -> [FeedbackItem] {
        guard let object = jsonObject(in: text) else { throw LLMCriticError.unusableReply("no JSON object in \(preview(text))") }
        guard let entries = object["items"] as? [Any] else { throw LLMCriticError.unusableReply("no \"items\" array in \(preview(text))") }
        let vocabulary = planVocabulary(plan)
        var items: [FeedbackItem] = []
        var dropped: [String] = []
        for entry in entries {
            guard let entry = entry as? [String: Any] else { dropped.append("an item that is not an object"); continue }
            let steps = integers(entry["steps"]).map { $0 - 1 }.filter { (0..<plan.count).contains($0) }
            let edit = (entry["edit"] as? [String: Any]).flatMap(edit(from:))
            if let reason = dropReason(entry, steps: steps, edit: edit, vocabulary: vocabulary) { dropped.append(reason); continue }
            items.append(FeedbackItem(id: "", author: author, severity: Severity(rawValue: (entry["severity"] as! String).lowercased())!,
                                      message: String((entry["message"] as! String).prefix(500)), steps: steps, edit: edit))
            if items.count == maxItems { break }
        }
        if items.isEmpty && !entries.isEmpty {
            throw LLMCriticError.unusableReply("none of the \(entries.count) item(s) is usable: \(dropped.prefix(10).joined(separator: "; "))")
        }
        return items
    }

    /// Why an item is not worth a vote, or nil. An item needs a known severity and a message that
    /// is text (a string with at least two letters, not a template placeholder such as
    /// `{{message}}`), and it must be about this plan: step numbers, an edit, or a message naming
    /// a step ("step 3") or one of the plan's actions or objects. "The plan is valid." marked
    /// critical has none of these; neither has `"]["`.
    static func dropReason(_ entry: [String: Any], steps: [Int], edit: PlanEdit?, vocabulary: Set<String>) -> String? {
        guard let severityText = entry["severity"] as? String else { return "an item without a severity" }
        guard Severity(rawValue: severityText.lowercased()) != nil else { return "unknown severity \"\(severityText.prefix(20))\"" }
        guard let message = entry["message"] as? String else { return "an item whose message is not text" }
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.unicodeScalars.filter(\.properties.isAlphabetic).count >= 2 else {
            return "message \"\(trimmed.prefix(20))\" has no words"
        }
        let placeholders = ["message", "string", "text", "todo", "tbd", "n/a", "none", "..."]
        if trimmed.contains("{{") || trimmed.contains("}}") || (trimmed.hasPrefix("<") && trimmed.hasSuffix(">"))
            || placeholders.contains(trimmed.lowercased()) {
            return "message \"\(trimmed.prefix(20))\" is a placeholder"
        }
        if steps.isEmpty && edit == nil && !mentionsPlan(trimmed, vocabulary: vocabulary) {
            return "message \"\(trimmed.prefix(30))\" names no step, action or object of the plan and has no edit"
        }
        return nil
    }

    /// Lowercased action and object names of the plan's steps.
    static func planVocabulary(_ plan: [PlanStep]) -> Set<String> {
        Set(plan.flatMap { [$0.action] + $0.arguments }.map { $0.lowercased() })
    }

    /// Whether the message says "step N" or names an action or object of the plan as a word.
    static func mentionsPlan(_ message: String, vocabulary: Set<String>) -> Bool {
        let lowered = message.lowercased()
        if lowered.range(of: #"\bsteps?\s+\d"#, options: .regularExpression) != nil { return true }
        let words = lowered.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        return words.contains { vocabulary.contains(String($0)) }
    }

    /// A machine-applicable edit written with 1-based step numbers (`end` of a segment inclusive).
    static func edit(from object: [String: Any]) -> PlanEdit? {
        switch (object["kind"] as? String)?.lowercased() {
        case "delete-steps", "delete_steps", "delete":
            let steps = integers(object["steps"])
            return steps.isEmpty ? nil : .deleteSteps(steps.map { $0 - 1 })
        case "reorder":
            let order = integers(object["order"])
            return order.isEmpty ? nil : .reorder(order.map { $0 - 1 })
        case "replace-segment", "replace_segment", "replace":
            guard let start = integer(object["start"]), let end = integer(object["end"]),
                  let steps = (object["replacement"] ?? object["steps"]) as? [String] else { return nil }
            return .replaceSegment(start: start - 1, end: end, steps: steps)
        case "replan-from", "replan_from", "replan":
            guard let step = integer(object["step"]) else { return nil }
            return .replanFrom(step: step - 1, costBound: integer(object["cost_bound"]))
        default:
            return nil
        }
    }

    /// Votes from a vote reply: `{"votes": [{"id": …, "vote": 1.0 | 0.5 | 0.0 | "agree" | …}]}` (or an
    /// object id → vote). Returns the votes on `ids` and the ids it had no usable vote for.
    static func votes(from text: String, ids: [String]) throws -> (votes: [String: Vote], missing: [String]) {
        guard let object = jsonObject(in: text) else { throw LLMCriticError.unusableReply("no JSON object in \(preview(text))") }
        var raw: [String: Any] = [:]
        if let list = object["votes"] as? [Any] {
            for case let entry as [String: Any] in list {
                if let id = entry["id"] as? String, let vote = entry["vote"] { raw[id] = vote }
            }
        } else if let map = object["votes"] as? [String: Any] {
            raw = map
        } else {
            throw LLMCriticError.unusableReply("no \"votes\" in \(preview(text))")
        }
        var votes: [String: Vote] = [:]
        for id in ids { if let vote = raw[id].flatMap(vote(from:)) { votes[id] = vote } }
        if votes.isEmpty && !ids.isEmpty { throw LLMCriticError.unusableReply("no usable vote on any of the \(ids.count) item(s)") }
        return (votes, ids.filter { votes[$0] == nil })
    }

    static func vote(from value: Any) -> Vote? {
        if let text = value as? String {
            switch text.lowercased() {
            case "agree", "1", "1.0": return .agree
            case "neutral", "0.5": return .neutral
            case "disagree", "0", "0.0": return .disagree
            default: return nil
            }
        }
        guard let number = (value as? NSNumber)?.doubleValue else { return nil }
        return Vote.allCases.first { abs($0.rawValue - number) < 1e-9 }
    }

    static func integer(_ value: Any?) -> Int? {
        // `Int(exactly:)`: a step number of 1e300 or 1.5 from a model is no step, and must not trap.
        // JSON `true` is no step either; but `is Bool` cannot tell (on Linux any NSNumber of 0 or 1
        // casts to Bool): a decoded boolean is the one NSNumber whose type code is "c".
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return Int(exactly: number.doubleValue)
    }

    static func integers(_ value: Any?) -> [Int] { (value as? [Any])?.compactMap(integer) ?? [] }

    static func preview(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.isEmpty ? "an empty reply" : "\"" + flat.prefix(80) + (flat.count > 80 ? "…\"" : "\"")
    }
}
