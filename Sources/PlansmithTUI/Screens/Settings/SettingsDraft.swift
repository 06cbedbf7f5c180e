import Critique
import Foundation
import TerminalUI

/// A field of the Settings form that takes typed text (and so can be invalid).
public enum SettingsField: Hashable, Sendable {
    case weight(String)
    case threshold
    case maxIterations
    /// A keymap action's keys ("ctrl-k, f9").
    case binding(String)
}

/// Settings being edited: numbers stay as typed text until saved, so an invalid entry is shown
/// with its error instead of being thrown away. `validated()` turns it back into `Preferences`.
public struct SettingsDraft: Sendable, Equatable {
    public static let maxIterationsRange = 1...50

    /// Fields not edited here (epsilon, proposer rounds …) come from this.
    public var base: Preferences
    public var weightNames: [String]
    public var weights: [String: String]
    public var threshold: String
    public var maxIterations: String
    public var themeName: String
    public var reduceMotion: Bool
    public var mouse: Bool
    public var keyOverrides: [String: String]
    public var preferredProvider: String?

    public init(_ p: Preferences) {
        base = p
        // The three built-in critics first, in their usual order, then any others.
        let known = ["completeness", "efficiency", "safety"]
        weightNames = known + p.critique.weights.keys.filter { !known.contains($0) }.sorted()
        weights = Dictionary(uniqueKeysWithValues: weightNames.map { ($0, Self.text(p.critique.weights[$0] ?? 0)) })
        threshold = Self.text(p.critique.threshold)
        maxIterations = String(p.critique.maxIterations)
        themeName = p.themeName
        reduceMotion = p.reduceMotion
        mouse = p.mouse
        keyOverrides = p.keyOverrides
        preferredProvider = p.preferredProvider
    }

    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(format: "%.1f", value) : String(value)
    }

    public func text(of field: SettingsField) -> String {
        switch field {
        case .weight(let name): weights[name] ?? ""
        case .threshold: threshold
        case .maxIterations: maxIterations
        case .binding(let action): keyOverrides[action] ?? Self.defaultKeys(for: action)
        }
    }

    public mutating func set(_ field: SettingsField, to text: String) {
        switch field {
        case .weight(let name): weights[name] = text
        case .threshold: threshold = text
        case .maxIterations: maxIterations = text
        case .binding(let action):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            keyOverrides[action] = trimmed == Self.defaultKeys(for: action) ? nil : trimmed
        }
    }

    static func defaultKeys(for action: String) -> String {
        Keymap.standard.keys(for: KeyAction(action)).map(\.description).joined(separator: ", ")
    }

    /// Why `field`'s text is not accepted, or nil.
    public func problem(with field: SettingsField) -> String? {
        let raw = text(of: field).trimmingCharacters(in: .whitespaces)
        switch field {
        case .weight:
            guard let v = Double(raw), v.isFinite else { return "weight must be a number (e.g. 0.3)" }
            return v < 0 ? "weight must be 0 or more" : nil
        case .threshold:
            guard let v = Double(raw), v.isFinite else { return "threshold must be a number from 0 to 1" }
            return (0...1).contains(v) ? nil : "threshold must be from 0 to 1"
        case .maxIterations:
            guard let v = Int(raw) else { return "max iterations must be a whole number from 1 to 50" }
            return Self.maxIterationsRange.contains(v) ? nil : "max iterations must be from 1 to 50"
        case .binding(let action):
            guard keyOverrides[action] != nil else { return nil }
            var keymap = Keymap.standard
            do { try keymap.remap([action: raw]); return raw.isEmpty ? "give at least one key (e.g. ctrl-k)" : nil }
            catch { return error.description }
        }
    }

    public var fields: [SettingsField] {
        weightNames.map { .weight($0) } + [.threshold, .maxIterations] + keyOverrides.keys.sorted().map { .binding($0) }
    }

    /// Every problem, or the preferences these settings describe.
    public func validated() -> Result<Preferences, FieldProblems> {
        var problems: [SettingsField: String] = [:]
        for field in fields { if let p = problem(with: field) { problems[field] = p } }
        var keymap = Keymap.standard
        if problems.isEmpty {
            do { try keymap.remap(keyOverrides) } catch { problems[.binding(keyOverrides.keys.sorted().first ?? "")] = error.description }
        }
        guard problems.isEmpty else { return .failure(FieldProblems(problems: problems)) }
        var p = base
        p.critique.weights = Dictionary(uniqueKeysWithValues: weightNames.map { ($0, Double(weights[$0]!.trimmingCharacters(in: .whitespaces))!) })
        p.critique.threshold = Double(threshold.trimmingCharacters(in: .whitespaces))!
        p.critique.maxIterations = Int(maxIterations.trimmingCharacters(in: .whitespaces))!
        p.themeName = themeName
        p.reduceMotion = reduceMotion
        p.mouse = mouse
        p.keyOverrides = keyOverrides
        p.preferredProvider = preferredProvider
        return .success(p)
    }

    public struct FieldProblems: Error, Sendable, Equatable {
        public var problems: [SettingsField: String]
    }
}
