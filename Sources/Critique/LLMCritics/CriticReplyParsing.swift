import Foundation

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
    static func items(from text: String, author: CriticName, planLength: Int) throws -> [FeedbackItem] {
        guard let object = jsonObject(in: text) else { throw LLMCriticError.unusableReply("no JSON object in \(preview(text))") }
        guard let entries = object["items"] as? [Any] else { throw LLMCriticError.unusableReply("no \"items\" array in \(preview(text))") }
        var items: [FeedbackItem] = []
        for case let entry as [String: Any] in entries {
            guard let severityText = entry["severity"] as? String, let severity = Severity(rawValue: severityText.lowercased()),
                  let message = entry["message"] as? String, !message.isEmpty else { continue }
            let steps = integers(entry["steps"]).map { $0 - 1 }.filter { (0..<planLength).contains($0) }
            let edit = (entry["edit"] as? [String: Any]).flatMap(edit(from:))
            items.append(FeedbackItem(id: "", author: author, severity: severity, message: String(message.prefix(500)),
                                      steps: steps, edit: edit))
            if items.count == maxItems { break }
        }
        if items.isEmpty && !entries.isEmpty { throw LLMCriticError.unusableReply("none of the \(entries.count) item(s) has a severity and a message") }
        return items
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
