import TerminalUI

extension SettingsScreen {
    static let labelWidth = 26

    /// Wide: the list on the left, the theme preview on the right. Narrow: the list alone, with the
    /// preview at the bottom while the theme row is selected. The last row is the status line.
    public static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        guard !area.isEmpty else { return }
        let theme = look.theme
        buffer.fill(area, style: theme[.text])
        let status = area.height >= 3 ? area.row(area.height - 1) : Rect(x: area.x, y: area.y, width: 0, height: 0)
        let main = Rect(x: area.x, y: area.y, width: area.width, height: area.height - status.height)
        var listArea = main, previewArea: Rect?
        if main.width >= 90 && main.height >= 12 {
            let parts = Layout.split(main, .horizontal, [.min(50), .fixed(34)])
            listArea = parts[0]; previewArea = parts[1]
        } else if state.selectedRow == .theme && main.height >= 14 {
            let parts = Layout.split(main, .vertical, [.min(6), .fixed(8)])
            listArea = parts[0]; previewArea = parts[1]
        }
        drawList(state, in: listArea, into: &buffer, theme)
        if let previewArea { drawPreview(state, in: previewArea, into: &buffer, fallback: theme) }
        drawStatus(state, in: status, into: &buffer, theme)
        if state.leavePrompt {
            Dialog(title: "Unsaved settings", message: "Your changes are not saved yet.",
                   choices: [.init(.char("s"), "save and go back"), .init(.char("d"), "discard"), .init(.char("n"), "stay")], theme: theme)
                .draw(in: area, into: &buffer)
        }
    }

    static func drawList(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ theme: Theme) {
        let title = "Settings" + (state.hasUnsavedChanges ? " (unsaved changes)" : "")
        let inner = Block(title: title, focused: !state.leavePrompt, theme: theme).draw(in: area, into: &buffer)
        guard !inner.isEmpty else { return }
        // Keep the selection in view, a little above the middle once the list scrolls.
        let offset = max(0, min(state.selected - inner.height / 3, state.rows.count - inner.height))
        for r in 0..<inner.height {
            let i = offset + r
            guard state.rows.indices.contains(i) else { break }
            drawRow(state, i, in: inner.row(r), into: &buffer, theme)
        }
    }

    static func drawRow(_ state: State, _ index: Int, in line: Rect, into buffer: inout ScreenBuffer, _ theme: Theme) {
        let row = state.rows[index]
        let isSelected = index == state.selected
        let base = isSelected ? theme[.selection] : theme[.text]
        if isSelected { buffer.fill(line, style: base) }
        let marker = isSelected ? "> " : "  "
        let valueX = line.x + min(labelWidth, max(0, line.width / 2))
        func label(_ text: String) {
            buffer.put(marker + text, x: line.x, y: line.y, style: base, maxX: valueX - 1)
        }
        func value(_ text: String, style: Style? = nil) -> Int {
            buffer.put(text, x: valueX, y: line.y, style: style ?? base, maxX: line.maxX)
        }
        let bad = theme.unicode ? "✗" : "[X]"
        switch row {
        case .field(let field):
            label(fieldLabel(field))
            var x = valueX
            if let editing = state.editing, editing.field == field {
                TextInput(prompt: "", focused: true, theme: theme).draw(editing.input, in: Rect(x: valueX, y: line.y, width: line.maxX - valueX, height: 1), into: &buffer)
                return
            }
            x = value(state.draft.text(of: field))
            if let problem = state.problems[field] {
                buffer.put("  \(bad) \(problem)", x: x, y: line.y, style: isSelected ? base : theme[.error], maxX: line.maxX)
            }
        case .action(let id, let summary):
            let field = SettingsField.binding(id)
            label(summary)
            if let editing = state.editing, editing.field == field {
                TextInput(prompt: "", focused: true, theme: theme).draw(editing.input, in: Rect(x: valueX, y: line.y, width: line.maxX - valueX, height: 1), into: &buffer)
                return
            }
            let changed = state.draft.keyOverrides[id] != nil
            var x = value(state.draft.text(of: field) + (changed ? " (changed)" : ""))
            x = buffer.put("  \(id)", x: x, y: line.y, style: isSelected ? base : theme[.muted], maxX: line.maxX)
            if let problem = state.problems[field] {
                buffer.put("  \(bad) \(problem)", x: x, y: line.y, style: isSelected ? base : theme[.error], maxX: line.maxX)
            }
        case .theme:
            label("theme")
            let previewing = state.draft.themeName != state.saved.themeName
            let arrows = theme.unicode ? ("◀ ", " ▶") : ("< ", " >")
            _ = value(arrows.0 + state.draft.themeName + arrows.1 + (previewing ? "  previewing; s applies" : ""))
        case .reduceMotion:
            label("reduce motion")
            _ = value(state.draft.reduceMotion ? "[x] on (no spinners)" : "[ ] off")
        case .mouse:
            label("mouse")
            _ = value(state.draft.mouse ? "[x] on (click, wheel)" : "[ ] off (terminal selects text)")
        case .preferredProvider:
            label("preferred provider")
            _ = value(state.draft.preferredProvider ?? "(configured order)")
        case .heading(let text):
            buffer.put(text, x: line.x, y: line.y, style: theme[.title].underlined(), maxX: line.maxX)
        case .info(let text):
            buffer.put("  " + text, x: line.x, y: line.y, style: theme[.muted], maxX: line.maxX)
        }
    }

    static func fieldLabel(_ field: SettingsField) -> String {
        switch field {
        case .weight(let name): "weight: \(name)"
        case .threshold: "accept threshold (0-1)"
        case .maxIterations: "max iterations (1-50)"
        case .binding(let id): id
        }
    }

    /// Sample text drawn in the theme being previewed (not the one in use).
    static func drawPreview(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, fallback: Theme) {
        let name = state.draft.themeName
        let preview = state.catalog.themes[name] ?? fallback
        let inner = Block(title: "Preview: \(name)", focused: false, theme: preview).draw(in: area, into: &buffer)
        guard !inner.isEmpty else { return }
        let u = preview.unicode
        let lines: [StyledLine] = [
            [Span("Body text ", preview[.text]), Span("muted", preview[.muted])],
            [Span(u ? "✓ valid" : "[ok] valid", preview[.ok]), Span("  "), Span(u ? "✗ invalid" : "[X] invalid", preview[.error])],
            [Span("! warning", preview[.warning]), Span("  "), Span("accent", preview[.accent])],
            [Span("> selected row       ", preview[.selection])],
            [Span("(:action ", preview[.punctuation]), Span("move", preview[.keyword]), Span(" ?x", preview[.variable]), Span(")", preview[.punctuation])],
            [Span("[s]", preview[.keyHint]), Span(" save  ", preview[.text]), Span("link", preview[.link])],
        ]
        var y = inner.y
        for line in lines where y < inner.maxY {
            buffer.put(line, x: inner.x + 1, y: y, maxX: inner.maxX)
            y += 1
        }
        if state.catalog.themes[name] == nil, y < inner.maxY {
            buffer.put("theme file not found: plain styles", x: inner.x + 1, y: y, style: fallback[.muted], maxX: inner.maxX)
        }
    }

    /// The last save's outcome, else the selected field's problem, else what is unsaved.
    static func drawStatus(_ state: State, in line: Rect, into buffer: inout ScreenBuffer, _ theme: Theme) {
        guard !line.isEmpty else { return }
        let selectedProblem: String? = {
            switch state.selectedRow {
            case .field(let f)?: return state.problems[f]
            case .action(let id, _)?: return state.problems[.binding(id)]
            default: return nil
            }
        }()
        let mark = theme.unicode ? "✗ " : "[X] "
        if let problem = selectedProblem {
            buffer.put(mark + problem, x: line.x, y: line.y, style: theme[.error], maxX: line.maxX)
        } else if let notice = state.notice {
            buffer.put((state.noticeIsError ? mark : "") + notice, x: line.x, y: line.y,
                       style: state.noticeIsError ? theme[.error] : theme[.ok], maxX: line.maxX)
        } else if state.loading {
            buffer.put("Loading settings…", x: line.x, y: line.y, style: theme[.muted], maxX: line.maxX)
        } else if state.hasUnsavedChanges {
            buffer.put("Unsaved changes: s saves, u undoes them.", x: line.x, y: line.y, style: theme[.warning], maxX: line.maxX)
        }
    }

    public static func draw(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) -> Point? {
        view(state, in: area, into: &buffer, look)
        return cursor(for: state, in: area)
    }

    /// Where the cursor of the value being edited is (the edited row's value column).
    static func cursor(for state: State, in area: Rect) -> Point? {
        guard let editing = state.editing, !state.leavePrompt else { return nil }
        var scratch = ScreenBuffer(width: area.maxX, height: area.maxY)
        // The cursor sits after the typed text in the edited row's value column.
        let status = area.height >= 3 ? 1 : 0
        let main = Rect(x: area.x, y: area.y, width: area.width, height: area.height - status)
        let listArea = main.width >= 90 && main.height >= 12 ? Layout.split(main, .horizontal, [.min(50), .fixed(34)])[0] : main
        let inner = listArea.inset(by: 1)
        guard !inner.isEmpty else { return nil }
        let offset = max(0, min(state.selected - inner.height / 3, state.rows.count - inner.height))
        let r = state.selected - offset
        guard r >= 0, r < inner.height else { return nil }
        let valueX = inner.x + min(labelWidth, max(0, inner.width / 2))
        return TextInput(prompt: "", focused: true).draw(editing.input, in: Rect(x: valueX, y: inner.y + r, width: inner.maxX - valueX, height: 1), into: &scratch)
    }
}
