/// A one-field line editor: grapheme-aware cursor, readline kill/yank, and history.
///
/// Text is kept as an array of grapheme clusters so the cursor never lands inside a character;
/// a combining mark typed on its own merges into the character before it.
public struct TextInputState: Equatable, Sendable {
    public private(set) var graphemes: [Character] = []
    /// Cursor position in graphemes (0…count).
    public private(set) var cursor = 0
    public private(set) var history: [String] = []
    /// Last killed text, inserted by yank.
    public private(set) var killBuffer = ""
    private var historyIndex: Int?
    private var draft = ""

    public enum Outcome: Equatable, Sendable { case handled, submitted(String), ignored }

    public init(text: String = "") { setText(text) }

    public var text: String { String(graphemes) }

    public mutating func setText(_ text: String) {
        graphemes = Array(text)
        cursor = graphemes.count
    }

    /// Adds an entry to history (skipping blanks and immediate repeats).
    public mutating func remember(_ entry: String) {
        guard !entry.isEmpty, history.last != entry else { return }
        history.append(entry)
    }

    /// Inserts text at the cursor (typing or a paste; a paste never submits).
    public mutating func insert(_ text: String) {
        let head = String(graphemes[..<cursor]) + text
        let tail = String(graphemes[cursor...])
        graphemes = Array(head + tail)
        // Grapheme count of the head after merging (a lone combining mark joins the character before it).
        cursor = min(head.count, graphemes.count)
    }

    public mutating func handle(_ event: InputEvent, keymap: Keymap = .standard) -> Outcome {
        switch event {
        case .paste(let text): insert(text); return .handled
        case .key(let key):
            if let action = keymap.action(for: key, in: "text"), action.context == "text" {
                return perform(action)
            }
            if let c = key.typedCharacter { insert(String(c)); return .handled }
            return .ignored
        default: return .ignored
        }
    }

    mutating func perform(_ action: KeyAction) -> Outcome {
        switch action.id {
        case "text.left": cursor = max(0, cursor - 1)
        case "text.right": cursor = min(graphemes.count, cursor + 1)
        case "text.wordLeft": cursor = wordStart(before: cursor)
        case "text.wordRight": cursor = wordEnd(after: cursor)
        case "text.start": cursor = 0
        case "text.end": cursor = graphemes.count
        case "text.deleteBack":
            guard cursor > 0 else { return .handled }
            graphemes.remove(at: cursor - 1); cursor -= 1
        case "text.deleteForward":
            guard cursor < graphemes.count else { return .handled }
            graphemes.remove(at: cursor)
        case "text.killToEnd": kill(cursor..<graphemes.count)
        case "text.killToStart": kill(0..<cursor); cursor = 0
        case "text.killWordBack":
            let start = wordStart(before: cursor)
            kill(start..<cursor); cursor = start
        case "text.yank": insert(killBuffer)
        case "text.historyPrevious": recall(-1)
        case "text.historyNext": recall(1)
        case "text.newline": insert("\n")
        case "text.submit":
            let submitted = text
            remember(submitted)
            historyIndex = nil
            setText("")
            return .submitted(submitted)
        default: return .ignored
        }
        return .handled
    }

    private mutating func kill(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        killBuffer = String(graphemes[range])
        graphemes.removeSubrange(range)
    }

    private mutating func recall(_ step: Int) {
        guard !history.isEmpty else { return }
        if historyIndex == nil {
            guard step < 0 else { return }
            draft = text
            historyIndex = history.count
        }
        let next = historyIndex! + step
        if next >= history.count { historyIndex = nil; setText(draft); return }
        historyIndex = max(0, next)
        setText(history[historyIndex!])
    }

    private func wordStart(before i: Int) -> Int {
        var j = i
        while j > 0, graphemes[j - 1].isWhitespace { j -= 1 }
        while j > 0, !graphemes[j - 1].isWhitespace { j -= 1 }
        return j
    }

    private func wordEnd(after i: Int) -> Int {
        var j = i
        while j < graphemes.count, graphemes[j].isWhitespace { j += 1 }
        while j < graphemes.count, !graphemes[j].isWhitespace { j += 1 }
        return j
    }
}
