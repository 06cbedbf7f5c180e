import Foundation
import TerminalUI

/// The "new API key" form: name, optional expiry in days, rate limit. Input stays as typed until
/// it is valid, so a mistake is shown next to what the user wrote instead of being lost.
public struct KeyForm: Sendable, Equatable {
    public enum Field: Int, CaseIterable, Sendable {
        case name, expiryDays, rateLimit

        var label: String {
            switch self {
            case .name: "Name"
            case .expiryDays: "Expires in (days)"
            case .rateLimit: "Rate limit (/min)"
            }
        }

        var placeholder: String {
            switch self {
            case .name: "e.g. ci-server"
            case .expiryDays: "empty = never"
            case .rateLimit: ""
            }
        }
    }

    /// What a valid form asks the store for.
    public struct Request: Sendable, Equatable {
        public var name: String
        public var expiryDays: Int?
        public var rateLimit: Int
    }

    public var inputs: [TextInputState]
    public var focus: Field = .name
    /// Per field, why its text is not accepted (shown under the form).
    public var errors: [Field: String] = [:]

    public init(defaultRateLimit: Int) {
        inputs = [TextInputState(), TextInputState(), TextInputState(text: String(defaultRateLimit))]
    }

    public func text(_ field: Field) -> String { inputs[field.rawValue].text }

    mutating func moveFocus(forward: Bool) {
        let all = Field.allCases
        focus = all[(focus.rawValue + (forward ? 1 : all.count - 1)) % all.count]
    }

    /// Edits the focused field; returns true when Enter was pressed (submit).
    mutating func handle(_ event: InputEvent) -> Bool {
        switch inputs[focus.rawValue].handle(event) {
        case .submitted(let text):
            // TextInputState clears itself on submit; the form keeps what was typed.
            inputs[focus.rawValue].setText(text)
            return true
        case .handled, .ignored:
            errors[focus] = nil
            return false
        }
    }

    /// The request, or nil with `errors` filled in.
    mutating func validated() -> Request? {
        errors = [:]
        let name = text(.name).trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors[.name] = "name must not be empty" }
        if name.count > 100 { errors[.name] = "name is longer than 100 characters" }
        let expiryText = text(.expiryDays).trimmingCharacters(in: .whitespaces)
        var expiry: Int?
        if !expiryText.isEmpty {
            if let days = Int(expiryText), (1...3_650).contains(days) { expiry = days }
            else { errors[.expiryDays] = "expiry must be a whole number of days from 1 to 3650, or empty for never" }
        }
        let rateText = text(.rateLimit).trimmingCharacters(in: .whitespaces)
        let rate = Int(rateText) ?? 0
        if !(1...1_000_000).contains(rate) { errors[.rateLimit] = "rate limit must be a whole number of requests per minute, at least 1" }
        guard errors.isEmpty else {
            if let first = Field.allCases.first(where: { errors[$0] != nil }) { focus = first }
            return nil
        }
        return Request(name: name, expiryDays: expiry, rateLimit: rate)
    }
}
