import TerminalUI

/// One line of the Settings list: a heading, read-only information, or something to change.
public enum SettingsRow: Equatable, Sendable {
    case heading(String)
    case info(String)
    case field(SettingsField)
    case theme
    case reduceMotion
    case mouse
    case preferredProvider
    /// A keymap action (shown with its keys; Enter edits them).
    case action(id: String, summary: String)

    var isSelectable: Bool {
        switch self {
        case .heading, .info: false
        default: true
        }
    }

    /// The rows in display order. `providerLines` and `configLines` were worked out when the screen opened.
    static func all(providerLines: [String], configLines: [String], draft: SettingsDraft) -> [SettingsRow] {
        var rows: [SettingsRow] = [.heading("Providers and models")]
        rows += providerLines.map(SettingsRow.info)
        rows.append(.preferredProvider)
        rows.append(.heading("Budget and configuration"))
        rows += configLines.map(SettingsRow.info)
        rows.append(.heading("Critique (new runs)"))
        rows += draft.weightNames.map { .field(.weight($0)) }
        rows += [.field(.threshold), .field(.maxIterations)]
        rows.append(.heading("Display"))
        rows += [.theme, .reduceMotion, .mouse]
        rows.append(.heading("Keymap (enter on an action to change its keys)"))
        var seen = Set<String>()
        for group in Keymap.standard.listing() {
            for binding in group.bindings where seen.insert(binding.action.id).inserted {
                rows.append(.action(id: binding.action.id, summary: binding.summary))
            }
        }
        return rows
    }
}
