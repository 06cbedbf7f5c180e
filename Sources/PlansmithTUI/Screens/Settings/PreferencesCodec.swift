import Critique
import Foundation

/// The JSON form of `Preferences` kept in the user's row (`users.preferences`). The shell decodes
/// it on sign-in; Settings encodes it on save.
public enum PreferencesCodec {
    /// Bad or empty JSON gives the defaults; a stored value outside the ranges Settings accepts
    /// (say, a hand-edited database) is replaced by its default rather than reaching a critique run.
    public static func decode(_ json: String) -> Preferences {
        guard let data = json.data(using: .utf8),
              var prefs = try? JSONDecoder().decode(Preferences.self, from: data) else { return Preferences() }
        let defaults = CritiqueConfiguration.default
        if prefs.critique.weights.values.contains(where: { !$0.isFinite || $0 < 0 }) || prefs.critique.weights.isEmpty {
            prefs.critique.weights = defaults.weights
        }
        if !prefs.critique.threshold.isFinite || !(0...1).contains(prefs.critique.threshold) {
            prefs.critique.threshold = defaults.threshold
        }
        if !SettingsDraft.maxIterationsRange.contains(prefs.critique.maxIterations) {
            prefs.critique.maxIterations = defaults.maxIterations
        }
        if prefs.themeName.trimmingCharacters(in: .whitespaces).isEmpty { prefs.themeName = Preferences().themeName }
        return prefs
    }

    /// Sorted keys, so the same preferences always give the same text.
    public static func encode(_ p: Preferences) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(p) else { return "{}" }  // only fails on non-finite numbers, which validation rejects
        return String(decoding: data, as: UTF8.self)
    }
}
