import FuheCore
import TermCore

/// A string compared and hashed by its UTF-8 bytes (String's own hashing normalises Unicode,
/// which is slow for Chinese text and not needed here).
struct ByteKey: Hashable {
    let text: String

    static func == (a: ByteKey, b: ByteKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// The text of a workbook, each distinct string once (`xl/sharedStrings.xml`).
final class SharedStrings {
    private var ids: [ByteKey: Int] = [:]
    private var ordered: [String] = []
    private(set) var references = 0

    func id(_ text: String) -> Int {
        references += 1
        let key = ByteKey(text: text)
        if let id = ids[key] { return id }
        let id = ordered.count
        ids[key] = id
        ordered.append(text)
        return id
    }

    var xml: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(ordered.reduce(256) { $0 + $1.utf8.count + 32 })
        out += Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\(references)" uniqueCount="\(ordered.count)">
        """.utf8)
        for text in ordered {
            out += Array("<si><t xml:space=\"preserve\">".utf8)
            XMLText.appendText(text, to: &out)
            out += Array("</t></si>".utf8)
        }
        out += Array("</sst>".utf8)
        return out
    }
}

/// One worksheet written row by row into its XML (`<sheetData>`). Column widths are fixed up
/// front from the content (`fittedWidths`: display width, a Chinese character counts two, capped
/// per column), so each row's height can be set for its wrapped lines as it is written — office
/// programs do not reliably grow rows on opening.
struct SheetWriter {
    struct Column {
        var title: String
        /// Upper bound of the width in character cells; longer text wraps.
        var maxWidth: Int
    }

    let name: String
    let columns: [Column]
    private let strings: SharedStrings
    private var rows = ByteChunks()
    private(set) var rowCount = 0
    private let widths: [Int]
    private let letters: [[UInt8]]

    /// `widths`: from `fittedWidths` over the rows to come.
    init(name: String, columns: [Column], widths: [Int], strings: SharedStrings, expectedRows: Int = 64) {
        self.name = name
        self.columns = columns
        self.strings = strings
        self.widths = widths
        letters = columns.indices.map { Array(Self.columnName($0).utf8) }
        addRow(columns.map { .text($0.title) }, style: SheetStyles.header)
    }

    /// "A", "B", … "Z", "AA" …
    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    var lastCell: String { "\(Self.columnName(columns.count - 1))\(rowCount)" }

    /// Adds a row; `marked` fills it (overdue); `style` forces one style for every cell (header).
    mutating func addRow(_ cells: [SheetCell], marked: Bool = false, style: Int? = nil) {
        rowCount += 1
        let r = Array(String(rowCount).utf8)
        var lines = 1
        for (i, cell) in cells.enumerated() where i < widths.count {
            // A text's display width is at most its UTF-8 length: short texts need no measuring.
            if case .text(let text) = cell, text.utf8.count > Self.usable(widths[i]) || text.utf8.contains(0x0A) {
                lines = max(lines, Self.lineCount(text, width: widths[i]))
            }
        }
        rows.append(contentsOf: "<row r=\"".utf8)
        rows += r
        rows.append(contentsOf: lines > 1 ? "\" ht=\"\(lines * 15 + 2)\" customHeight=\"1\">".utf8 : "\">".utf8)
        for (i, cell) in cells.enumerated() where i < columns.count {
            func open(_ s: Int, type: String?, empty: Bool = false) {
                rows.append(contentsOf: "<c r=\"".utf8)
                rows += letters[i]
                rows += r
                rows.append(contentsOf: "\" s=\"\(s)\"".utf8)
                if let type { rows.append(contentsOf: " t=\"\(type)\"".utf8) }
                rows.append(contentsOf: empty ? "/>".utf8 : ">".utf8)
            }
            switch cell {
            case .text(let raw):
                let text = raw.utf8.count > SheetCell.maxTextLength && raw.count > SheetCell.maxTextLength
                    ? String(raw.prefix(SheetCell.maxTextLength - 8)) + "…（已截断）" : raw
                let kind: SheetStyles.Kind = SheetCell.looksLikeFormula(text) ? .textQuoted : .text
                open(style ?? SheetStyles.index(kind, marked: marked), type: "s")
                rows.append(contentsOf: "<v>\(strings.id(XMLText.displayable(text)))</v></c>".utf8)
            case .integer(let n):
                open(style ?? SheetStyles.index(.integer, marked: marked), type: nil)
                rows.append(contentsOf: "<v>\(n)</v></c>".utf8)
            case .percent(let value):
                open(style ?? SheetStyles.index(.percent, marked: marked), type: nil)
                rows.append(contentsOf: "<v>\(ExactDecimal.plain(value))</v></c>".utf8)
            case .date(let day):
                open(style ?? SheetStyles.index(.date, marked: marked), type: nil)
                rows.append(contentsOf: "<v>\(SheetCell.serial(day))</v></c>".utf8)
            case .empty:
                open(style ?? SheetStyles.index(.text, marked: marked), type: nil, empty: true)
            }
        }
        rows.append(contentsOf: "</row>".utf8)
    }

    /// Column widths in character cells for these rows: each column's widest line plus a margin,
    /// at least its title's, at most its `maxWidth`.
    static func fittedWidths<Rows: Sequence>(_ columns: [Column], _ rows: Rows) -> [Int] where Rows.Element == [SheetCell] {
        var widths = columns.map { DisplayWidth.of($0.title) + 4 }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count && widths[i] < columns[i].maxWidth {
                let w: Int
                switch cell {
                case .text(let text): w = text.split(whereSeparator: \.isNewline).map { DisplayWidth.of($0) }.max() ?? 0
                case .integer(let n): w = String(n).count
                case .percent: w = 8
                case .date: w = 10
                case .empty: w = 0
                }
                widths[i] = min(max(widths[i], w + 2), columns[i].maxWidth)
            }
        }
        return widths
    }

    /// Cells of a column of `width` that text can fill (one of padding; a Chinese character is a
    /// little wider than two digits).
    static func usable(_ width: Int) -> Int { max(2, (width - 1) * 10 / 11) }

    /// Lines a text takes in a column of `width` cells.
    static func lineCount(_ text: String, width: Int) -> Int {
        let usable = usable(width)
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += max(1, (DisplayWidth.of(line) + usable - 1) / usable)
        }
        return max(1, lines)
    }

    /// The worksheet part: frozen header row, column widths, the rows, an autofilter over the
    /// table, A4 landscape printing one page wide.
    func xml(freezeHeader: Bool = true, autoFilter: Bool = true, selected: Bool = false) -> [[UInt8]] {
        var out: [UInt8] = []
        let ref = "A1:\(lastCell)"
        out += Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="\(ref)"/>\
        <sheetViews><sheetView workbookViewId="0"\(selected ? " tabSelected=\"1\"" : "")>
        """.utf8)
        if freezeHeader {
            out += Array("""
            <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A2" sqref="A2"/>
            """.utf8)
        }
        out += Array("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>".utf8)
        for (i, w) in widths.enumerated() {
            out += Array("<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>".utf8)
        }
        out += Array("</cols><sheetData>".utf8)
        var tail = Array("</sheetData>".utf8)
        if autoFilter { tail += Array("<autoFilter ref=\"\(ref)\"/>".utf8) }
        tail += Array("""
        <pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>\
        <pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>
        """.utf8)
        return [out] + rows.all + [tail]
    }
}
