/// Defaults following docs/tui-conventions.md: globals are Ctrl/F keys, text editing is readline
/// style, and Ctrl-A / Ctrl-B (screen and tmux prefixes) are never bound.
extension Keymap {
    public static let standard = Keymap(bindings: [
        KeyBinding(.f(1), "global.help", "help"),
        KeyBinding(.ctrl("p"), "global.palette", "command palette"),
        KeyBinding(.ctrl("l"), "global.redraw", "redraw screen"),
        KeyBinding(.ctrl("q"), "global.quit", "quit"),
        KeyBinding(.f(6), "global.nextPane", "next pane"),
        KeyBinding(Key(.function(6), .shift), "global.previousPane", "previous pane"),

        KeyBinding(.char("?"), "pane.help", "help"),
        KeyBinding(.char("q"), "pane.quit", "quit"),
        KeyBinding(.tab, "pane.nextPane", "next pane"),
        KeyBinding(.backTab, "pane.previousPane", "previous pane"),

        KeyBinding(.up, "list.up", "move up"), KeyBinding(.char("k"), "list.up", "move up"),
        KeyBinding(.down, "list.down", "move down"), KeyBinding(.char("j"), "list.down", "move down"),
        KeyBinding(.pageUp, "list.pageUp", "page up"), KeyBinding(.pageDown, "list.pageDown", "page down"),
        KeyBinding(.home, "list.top", "top"), KeyBinding(.char("g"), "list.top", "top"),
        KeyBinding(.end, "list.bottom", "bottom"), KeyBinding(.char("G"), "list.bottom", "bottom"),
        KeyBinding(.enter, "list.open", "open"),
        KeyBinding(.char("/"), "list.filter", "filter"),
        KeyBinding(.escape, "list.clearFilter", "clear filter"),

        KeyBinding(.left, "text.left", "cursor left"), KeyBinding(.right, "text.right", "cursor right"),
        KeyBinding(Key(.left, .ctrl), "text.wordLeft", "word left"), KeyBinding(Key(.right, .ctrl), "text.wordRight", "word right"),
        KeyBinding(.home, "text.start", "line start"), KeyBinding(.end, "text.end", "line end"),
        KeyBinding(.ctrl("e"), "text.end", "line end"),
        KeyBinding(.backspace, "text.deleteBack", "delete back"), KeyBinding(.delete, "text.deleteForward", "delete"),
        KeyBinding(.ctrl("d"), "text.deleteForward", "delete"),
        KeyBinding(.ctrl("k"), "text.killToEnd", "kill to end"),
        KeyBinding(.ctrl("u"), "text.killToStart", "kill to start"),
        KeyBinding(.ctrl("w"), "text.killWordBack", "kill word"),
        KeyBinding(.ctrl("y"), "text.yank", "yank"),
        KeyBinding(.up, "text.historyPrevious", "previous entry"), KeyBinding(.down, "text.historyNext", "next entry"),
        KeyBinding(.enter, "text.submit", "submit"),
        KeyBinding(.ctrl("j"), "text.newline", "newline"),

        KeyBinding(.ctrl("z"), "editor.undo", "undo"), KeyBinding(.ctrl("y"), "editor.redo", "redo"),
        KeyBinding(.ctrl("x"), "editor.cut", "cut"), KeyBinding(.ctrl("c"), "editor.copy", "copy"),
        KeyBinding(.ctrl("v"), "editor.paste", "paste"),
        KeyBinding(.ctrl("f"), "editor.find", "find"), KeyBinding(.ctrl("g"), "editor.goToLine", "go to line"),
        KeyBinding(.tab, "editor.indent", "indent"), KeyBinding(.backTab, "editor.outdent", "outdent"),
        KeyBinding(.f(8), "editor.nextDiagnostic", "next diagnostic"),
        KeyBinding(.f(9), "editor.toggleFold", "fold / unfold block"),
    ])
}
