/// Helpers for popups drawn over other content.
enum Overlay {
    /// A centred box of at most `width`×`height`, leaving a margin when the screen allows.
    static func box(in area: Rect, width: Int, height: Int) -> Rect {
        area.centered(width: min(width, max(area.width - 2, min(width, area.width))),
                      height: min(height, max(area.height - 2, min(height, area.height))))
    }
}
