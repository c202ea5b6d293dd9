/// Rows of cells rendered as aligned plain-text lines for command-line output.
///
/// `var t = TextTable(columns: [.init("指标"), .init("分值", align: .right)]); t.addRow(["产出", "9.50"])`
///
/// Layout: a header line, a separator of "─" under each column, then one line per row.
/// Columns are as wide (in display cells) as their widest cell or header, capped by
/// `maxWidth` (longer cells are truncated with "…"), and separated by two spaces. Newlines
/// and tabs inside cells become spaces and every other control or bidi character is escaped
/// (``TerminalText``), so a cell can neither break the layout nor act on the terminal;
/// trailing spaces are trimmed from every line.
public struct TextTable: Sendable {
    /// One column: its header, alignment and optional width cap.
    ///
    /// `TextTable.Column("分值", align: .right)`
    public struct Column: Sendable, Hashable {
        public var title: String
        public var alignment: TextAlignment
        public var maxWidth: Int?

        public init(_ title: String, align: TextAlignment = .left, maxWidth: Int? = nil) {
            self.title = title
            self.alignment = align
            self.maxWidth = maxWidth
        }
    }

    /// Spaces between two columns.
    public static let gap = "  "

    public private(set) var columns: [Column]
    public private(set) var rows: [[String]] = []

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Appends a row; missing cells are empty and cells beyond the last column are dropped.
    public mutating func addRow(_ cells: [String]) {
        rows.append((0..<columns.count).map { $0 < cells.count ? Self.clean(cells[$0]) : "" })
    }

    /// Display width of each column as rendered.
    public func columnWidths() -> [Int] {
        columns.enumerated().map { index, column in
            let widest = rows.reduce(Self.clean(column.title).displayWidth) { Swift.max($0, $1[index].displayWidth) }
            return Swift.max(0, Swift.min(widest, column.maxWidth ?? widest))
        }
    }

    /// The rendered lines: header, separator, then one per row.
    public func renderLines() -> [String] {
        let widths = columnWidths()
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { index, cell in
                cell.padded(toWidth: widths[index], alignment: columns[index].alignment)
            }
            return Self.trimmingTrailingSpaces(padded.joined(separator: Self.gap))
        }
        var lines = [line(columns.map { Self.clean($0.title) })]
        let rules = widths.map { String(repeating: "─", count: $0) }
        lines.append(Self.trimmingTrailingSpaces(rules.joined(separator: Self.gap)))
        lines += rows.map(line)
        return lines
    }

    /// The rendered table, lines joined by "\n" (no trailing newline).
    public func render() -> String {
        renderLines().joined(separator: "\n")
    }

    private static func clean(_ cell: String) -> String {
        guard cell.contains(where: { $0.isNewline || $0 == "\t" }) else { return TerminalText.escaped(cell) }
        return TerminalText.escaped(String(cell.map { $0.isNewline || $0 == "\t" ? " " : $0 }))
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
        return String(line[..<end])
    }
}
