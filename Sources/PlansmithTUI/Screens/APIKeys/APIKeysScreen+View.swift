import TerminalUI

extension APIKeysScreen {
    public static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        guard !area.isEmpty else { return }
        let theme = look.theme
        buffer.fill(area, style: theme[.text])
        var listArea = area
        if let banner = state.error ?? state.busy.map({ $0 + "…" }) {
            let style = state.error != nil ? theme[.error] : theme[.muted]
            buffer.put((state.error != nil ? (theme.unicode ? "✗ " : "[X] ") : "") + banner, x: area.x, y: area.y, style: style, maxX: area.maxX)
            listArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        }
        drawList(state, in: listArea, into: &buffer, theme)
        if let form = state.form { drawForm(form, in: area, into: &buffer, theme) }
        if let c = state.confirmation {
            let (title, message) = c.kind == .revoke
                ? ("Revoke key", "Revoke '\(c.key.name)' (\(c.key.prefix)…)? It stops working at once.")
                : ("Rotate key", "Replace '\(c.key.name)' (\(c.key.prefix)…) with a new key? The old one stops working at once.")
            Dialog.confirmation(title, message, theme: theme).draw(in: area, into: &buffer)
        }
        if let secret = state.secret { drawSecret(secret, in: area, into: &buffer, theme) }
    }

    static func drawList(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ theme: Theme) {
        let focused = state.form == nil && state.confirmation == nil && state.secret == nil
        let inner = Block(title: "API keys (\(state.keys.count))", focused: focused, theme: theme).draw(in: area, into: &buffer)
        guard !inner.isEmpty else { return }
        let showFilter = (state.filtering || !state.filter.text.isEmpty) && inner.height > 1
        let tableArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - (showFilter ? 1 : 0))
        if state.loading && state.keys.isEmpty {
            buffer.put("Loading keys…", x: inner.x, y: inner.y, style: theme[.muted], maxX: inner.maxX)
        } else if state.keys.isEmpty {
            buffer.put("No API keys yet. Press n to create one.", x: inner.x, y: inner.y, style: theme[.muted], maxX: inner.maxX)
        } else if state.visibleKeys.isEmpty {
            buffer.put("No key matches the filter.", x: inner.x, y: inner.y, style: theme[.muted], maxX: inner.maxX)
        } else {
            Table(columns: columns(width: inner.width), theme: theme).draw(state.table, in: tableArea, into: &buffer)
        }
        if showFilter {
            TextInput(prompt: "/", focused: state.filtering, theme: theme)
                .draw(state.filter, in: inner.row(inner.height - 1), into: &buffer)
        }
    }

    /// Narrow terminals keep name, prefix, status and traffic (the same column indices, hidden ones
    /// 0 wide): expiry goes first, then last use, then the limit and the traffic.
    static func columns(width: Int) -> [TableColumn] {
        var all = [TableColumn("name"), TableColumn("prefix", width: .fixed(10)), TableColumn("status", width: .fixed(11)),
                   TableColumn("24h requests", width: .fixed(13), alignment: .right),
                   TableColumn("last used", width: .fixed(16)), TableColumn("expires", width: .fixed(16)),
                   TableColumn("limit", width: .fixed(10), alignment: .right)]
        if width < 100 { all[5].width = .fixed(0) }
        if width < 80 { all[4].width = .fixed(0) }
        if width < 60 { all[6].width = .fixed(0) }
        if width < 45 { all[3].width = .fixed(0) }
        return all
    }

    /// Where the form box and each field's input row are, shared by `view` and `cursor`.
    static func formLayout(in area: Rect) -> (box: Rect, fields: [Rect]) {
        let box = area.centered(width: min(area.width, 64), height: min(area.height, 11))
        let inner = box.inset(by: 1)
        let labelWidth = inner.width >= 40 ? 19 : 0
        let fields = KeyForm.Field.allCases.map { field -> Rect in
            let y = inner.y + (labelWidth == 0 ? field.rawValue * 2 + 1 : field.rawValue)
            return Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: y < inner.maxY ? 1 : 0)
        }
        return (box, fields)
    }

    static func drawForm(_ form: KeyForm, in area: Rect, into buffer: inout ScreenBuffer, _ theme: Theme) {
        let (box, fields) = formLayout(in: area)
        let inner = Block(title: "New API key", focused: true, theme: theme).draw(in: box, into: &buffer)
        guard !inner.isEmpty else { return }
        for field in KeyForm.Field.allCases {
            let rect = fields[field.rawValue]
            guard !rect.isEmpty else { continue }
            let labelRow = rect.x > inner.x ? rect.y : rect.y - 1
            if labelRow >= inner.y {
                buffer.put(field.label, x: inner.x, y: labelRow, style: form.focus == field ? theme[.accent] : theme[.muted], maxX: inner.maxX)
            }
            TextInput(prompt: form.focus == field ? "> " : "  ", placeholder: field.placeholder, focused: form.focus == field, theme: theme)
                .draw(form.inputs[field.rawValue], in: rect, into: &buffer)
        }
        var y = (fields.last?.y ?? inner.y) + 2
        for field in KeyForm.Field.allCases {
            guard let error = form.errors[field] else { continue }
            for line in TextWrap.wrap((theme.unicode ? "✗ " : "[X] ") + error, width: inner.width) where y < inner.maxY - 1 {
                buffer.put(line, x: inner.x, y: y, style: theme[.error], maxX: inner.maxX)
                y += 1
            }
        }
        if inner.height > 1 {
            buffer.put("enter create · tab next field · esc cancel", x: inner.x, y: inner.maxY - 1, style: theme[.keyHint], maxX: inner.maxX)
        }
    }

    /// The one place a secret is ever drawn. It wraps rather than being cut, so it can be copied whole.
    static func drawSecret(_ secret: ShownSecret, in area: Rect, into buffer: inout ScreenBuffer, _ theme: Theme) {
        let width = min(area.width, 66)
        let textWidth = max(1, width - 4)
        let heading = secret.replaces.map { "New key for '\(secret.name)' (replaces \($0)…, now revoked):" }
            ?? "New key '\(secret.name)':"
        var lines: [(String, Style)] = TextWrap.wrap(heading, width: textWidth).map { ($0, theme[.text]) }
        lines.append(("", theme[.text]))
        lines += TextWrap.wrap(secret.plaintext, width: textWidth).map { ($0, theme[.code].bolded()) }
        lines.append(("", theme[.text]))
        let warning = "Copy it now: it is shown only this once (only its hash is stored). "
            + "c copies it to the clipboard; or select it with the mouse (hold Shift if the app captures the mouse)."
        lines += TextWrap.wrap(warning, width: textWidth).map { ($0, theme[.warning]) }
        lines.append(("c  copy   enter / esc  close", theme[.keyHint]))
        let box = area.centered(width: width, height: min(area.height, lines.count + 2))
        let inner = Block(title: "API key created", focused: true, theme: theme).draw(in: box, into: &buffer)
        guard !inner.isEmpty else {
            // Too small for a box: still show the secret, it is the only chance to see it.
            buffer.put(secret.plaintext, x: area.x, y: area.y, style: theme[.code], maxX: area.maxX)
            return
        }
        if lines.count > inner.height {
            // Not enough room: the secret itself comes first, it is the only chance to see it.
            lines = TextWrap.wrap(secret.plaintext, width: max(1, inner.width - 1)).map { ($0, theme[.code].bolded()) }
                + [("enter/esc close", theme[.keyHint])]
        }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.put(line.0, x: inner.x + 1, y: inner.y + i, style: line.1, maxX: inner.maxX)
        }
    }

    public static func draw(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) -> Point? {
        view(state, in: area, into: &buffer, look)
        return cursor(for: state, in: area)
    }

    /// The cursor of the form's focused field, or of the filter line.
    public static func cursor(for state: State, in area: Rect) -> Point? {
        guard state.secret == nil, state.confirmation == nil else { return nil }
        if let form = state.form {
            let rect = formLayout(in: area).fields[form.focus.rawValue]
            guard !rect.isEmpty else { return nil }
            var scratch = ScreenBuffer(width: area.maxX, height: area.maxY)
            return TextInput(prompt: "> ", placeholder: form.focus.placeholder, focused: true).draw(form.inputs[form.focus.rawValue], in: rect, into: &scratch)
        }
        guard state.filtering else { return nil }
        // The filter line is the list box's last inner row (below the banner, when one shows).
        let banner = state.error != nil || state.busy != nil ? 1 : 0
        let inner = Rect(x: area.x, y: area.y + banner, width: area.width, height: area.height - banner).inset(by: 1)
        guard inner.height > 1 else { return nil }
        var scratch = ScreenBuffer(width: area.maxX, height: area.maxY)
        return TextInput(prompt: "/", focused: true).draw(state.filter, in: inner.row(inner.height - 1), into: &scratch)
    }
}
