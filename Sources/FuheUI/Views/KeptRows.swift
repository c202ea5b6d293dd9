import TermCore

/// The characters of a list pane's table rows as last drawn, kept per list index, so that a row
/// drawn again with the same texts in the same columns is copied and restyled instead of laid
/// out cell by cell again (a cursor move redraws two rows that were on the screen already; a
/// page back shows rows drawn a moment ago).
///
/// Never stale by construction: a kept row is used only when the texts of the row now being
/// drawn (every column's string, as the view made them for this frame) and the column layout
/// (which columns, their widths and alignments) equal those it was drawn from; an edit, a sort,
/// a filter, a resize or another dossier makes other texts or another layout, and the row is
/// drawn anew and kept in place of the old one. Styles are not part of it: they are applied to
/// the kept characters per column on every use (a cursor bar, a colour), exactly as drawing
/// gives every cell of a column that column's style.
///
/// Only rows whose every cell text fills its column's cells are kept
/// (``ScreenBuffer/fillsEveryCell(_:)``: no control or zero-width characters).
/// Bounded: at most `capacity` rows, all dropped when full.
final class KeptRows: Sendable {
    /// The column layout a row was drawn in: chosen columns, widths, alignments, body width.
    struct Layout: Equatable, Sendable {
        var chosen: [Int]
        var widths: [Int]
        var alignments: [TextAlignment]
        var width: Int
    }

    /// What a row was drawn from: the layout (compared first: cheaper) and its texts.
    private struct Drawn: Equatable, Sendable {
        var layout: Layout
        var texts: [String]
    }

    private let rows: KeptByIndex<Drawn, [Cell]>

    /// Set (for a task) to draw every row anew, as without memos: tests compare frames with it.
    @TaskLocal static var bypassed = false

    init(capacity: Int = 256) { rows = KeptByIndex(capacity: capacity) }

    /// The characters kept for row `index` when it was drawn from `texts` in `layout`.
    func glyphs(_ index: Int, texts: [String], layout: Layout) -> [Cell]? {
        rows.value(index, key: Drawn(layout: layout, texts: texts))
    }

    /// Keeps the characters row `index` was drawn with from `texts` in `layout`.
    func keep(_ index: Int, texts: [String], layout: Layout, glyphs: [Cell]) {
        rows.keep(index, key: Drawn(layout: layout, texts: texts), value: glyphs)
    }

    /// How many rows are kept (for tests).
    var count: Int { rows.count }
}
