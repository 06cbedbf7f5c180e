import TerminalUI

extension DomainScreen {
    /// Where each pane goes. At 80×24 and up all four show (sidebar left, chat and editor side by
    /// side, checks along the bottom); below that only the focused pane shows, under a row naming
    /// the panes. Every rectangle lies inside the screen's area.
    struct DomainLayout {
        static let fullSize = Size(width: 80, height: 24)

        var isSingle: Bool
        /// The pane names row (single-pane mode only).
        var paneBar: Rect?
        private var rects: [DomainScreen.Pane: Rect] = [:]

        init(_ area: Rect, focus: DomainScreen.Pane) {
            isSingle = area.width < Self.fullSize.width || area.height < Self.fullSize.height
            if isSingle {
                let bar = area.height >= 3 ? area.row(0) : nil
                paneBar = bar
                let top = bar == nil ? 0 : 1
                rects[focus] = Rect(x: area.x, y: area.y + top, width: area.width, height: area.height - top)
                return
            }
            let sidebarWidth = min(26, max(16, area.width / 6))
            let checksHeight = max(7, area.height / 4)
            let right = Rect(x: area.x + sidebarWidth, y: area.y, width: area.width - sidebarWidth, height: area.height)
            let topHeight = right.height - checksHeight
            let chatWidth = right.width * 2 / 5
            rects[.sidebar] = Rect(x: area.x, y: area.y, width: sidebarWidth, height: area.height)
            rects[.chat] = Rect(x: right.x, y: right.y, width: chatWidth, height: topHeight)
            rects[.editor] = Rect(x: right.x + chatWidth, y: right.y, width: right.width - chatWidth, height: topHeight)
            rects[.validation] = Rect(x: right.x, y: right.y + topHeight, width: right.width, height: checksHeight)
        }

        /// The pane's rectangle, nil when it is hidden.
        subscript(pane: DomainScreen.Pane) -> Rect? { rects[pane] }
    }
}
