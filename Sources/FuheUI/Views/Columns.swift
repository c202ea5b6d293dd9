import TermCore

/// A table column for a pane: a title, a width, an alignment, and a priority deciding which
/// columns survive in a narrow pane (lower number = kept longer). One flexible column takes the
/// remaining width.
struct Column {
    var title: String
    var width: Int
    var align: TextAlignment = .left
    var priority: Int
    var flexible = false
    var minWidth = 0

    /// Picks the columns that fit `total` cells (one space between columns) and widens the flexible one.
    /// Drops, while they do not fit, the fixed column with the highest priority number (the
    /// first of equals).
    static func fit(_ columns: [Column], total: Int) -> [Int] {
        var chosen = Array(columns.indices)
        var used = columns.reduce(0) { $0 + ($1.flexible ? $1.minWidth : $1.width) } + max(0, columns.count - 1)
        while used > total {
            var drop: Int?
            for (n, i) in chosen.enumerated() where !columns[i].flexible {
                if let d = drop, columns[chosen[d]].priority >= columns[i].priority { continue }
                drop = n
            }
            guard let drop else { break }
            let column = columns[chosen.remove(at: drop)]
            used -= column.width + (chosen.isEmpty ? 0 : 1)
        }
        return chosen
    }

    /// The widths of the chosen columns, the flexible one taking what remains.
    static func widths(_ columns: [Column], chosen: [Int], total: Int) -> [Int] {
        let fixed = chosen.filter { !columns[$0].flexible }.reduce(0) { $0 + columns[$1].width } + max(0, chosen.count - 1)
        return chosen.map { columns[$0].flexible ? max(columns[$0].minWidth, total - fixed) : columns[$0].width }
    }

    /// Draws one table line of `cells` (aligned to the chosen columns) at (x, y).
    static func draw(_ cells: [String], columns: [Column], chosen: [Int], widths: [Int], x: Int, y: Int,
                     style: Style, into buffer: inout ScreenBuffer, clip: Rect, cellStyles: [Int: Style] = [:]) {
        var col = x
        for (n, index) in chosen.enumerated() {
            let w = widths[n]
            let text = index < cells.count ? cells[index] : ""
            let cellStyle = cellStyles[index].map { merge(style, $0) } ?? style
            // As `put(text.padded(toWidth: w, alignment:), maxWidth: w)`, without making that string.
            buffer.put(text, x: col, y: y, style: cellStyle, paddedTo: w, alignment: columns[index].align, clip: clip)
            col += w
            if n + 1 < chosen.count {
                buffer.put(" ", x: col, y: y, style: style, clip: clip)
                col += 1
            }
        }
    }

    static func merge(_ base: Style, _ extra: Style) -> Style {
        var s = base
        s.bold = s.bold || extra.bold
        s.dim = s.dim || extra.dim
        s.underline = s.underline || extra.underline
        s.foreground = extra.foreground ?? s.foreground
        return s
    }
}
