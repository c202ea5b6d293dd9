import Foundation
import FuheCore

/// A value in a printed table, by row and column.
struct TableCell {
    var row: String
    var column: String
    var text: String
    var number: Decimal?
    var start: Int
    var end: Int
    /// 万元 / 元 when the table says so, "%" for ratio columns, else "".
    var unit: String
}

/// What a table gives the draft: its cells (as figures) and the checks its structure implies.
struct TableReading {
    var cells: [TableCell] = []
    var unit: String = ""
    var checks: [DraftCheck] = []
    /// label → value for "label | value" pairs of a form (人员编制 | 72).
    var pairs: [(label: String, value: String, start: Int, end: Int)] = []
    /// Working line indices the tables cover.
    var lines: Set<Int> = []
}

/// Forms dumped as cells ending in " |" (one cell per line, rows separated by filler lines
/// "|||||", as 002), or one row per line ("a | b | c |", from HTML and DOCX tables). A table is a
/// header row starting 机构名称/项目/…, header rows below it (where "其中:" opens the next header
/// row under the cell before it), and data rows; "label | value" rows outside tables are pairs.
enum PipeTables {
    struct Row {
        var cells: [(text: String, start: Int, end: Int)]
        var lines: [Int]
    }

    static let rowHeads: Set<String> = ["机构名称", "项目", "项 目", "单位名称", "科目", "名称", "指标", "类别", "内容"]

    static func rows(_ c: ReportContext) -> [Row] {
        var out: [Row] = []
        var current: Row?
        func flush() {
            if let r = current, !r.cells.isEmpty { out.append(r) }
            current = nil
        }
        for line in c.lines {
            switch line.kind {
            case .filler: flush(); continue
            case .blank, .furniture: continue
            case .text: break
            }
            guard c.w.scalars[line.end - 1] == "|" || Words.find([" ", "|", " "], in: c.w.scalars, line.start, line.end) != nil else { flush(); continue }
            let pieces = split(c, line)
            if pieces.count >= 2 {
                flush()
                out.append(Row(cells: pieces, lines: [line.index]))
            } else {
                if current == nil { current = Row(cells: [], lines: []) }
                current!.cells += pieces.isEmpty ? [("", line.start, line.start)] : pieces
                current!.lines.append(line.index)
            }
        }
        flush()
        return out
    }

    /// The cells of one line ("a | b |" → a, b).
    static func split(_ c: ReportContext, _ line: TextLine) -> [(text: String, start: Int, end: Int)] {
        var out: [(String, Int, Int)] = []
        var a = line.start
        let s = c.w.scalars
        for i in line.start...line.end where i == line.end || s[i] == "|" {
            var x = a, y = i
            while x < y, s[x] == " " { x += 1 }
            while y > x, s[y - 1] == " " { y -= 1 }
            if i < line.end || x < y { out.append((c.text(x, y), x, y)) }
            a = i + 1
        }
        return out
    }

    static func isNumber(_ t: String) -> Bool { !t.isEmpty && Decimal(string: t) != nil && t.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" } }

    static func read(_ c: ReportContext) -> TableReading {
        var reading = TableReading()
        let rows = rows(c)
        var lastUnit = ""
        var i = 0
        while i < rows.count {
            let row = rows[i]
            guard let head = row.cells.first?.text, rowHeads.contains(head), row.cells.count >= 2 else {
                pairs(row, into: &reading)
                i += 1
                continue
            }
            let title = i > 0 && rows[i - 1].cells.count == 1 ? rows[i - 1].cells[0].text : ""
            var headers = [Array(row.cells.dropFirst()).map(\.text)]
            var k = i + 1
            while k < rows.count, !rows[k].cells.isEmpty, rows[k].cells.allSatisfy({ !$0.text.isEmpty && !isNumber($0.text) }),
                  !rowHeads.contains(rows[k].cells[0].text), headers.count < 4 {
                headers.append(rows[k].cells.map(\.text))
                k += 1
            }
            let tree = HeaderTree(headers)
            // The unit: the title row, the headers, or a "金额单位:万元" line just above the table.
            let firstLine = row.lines.first ?? 0
            let above = c.lines.filter { $0.kind == .text && $0.index < firstLine && $0.index >= firstLine - 3 }.map(\.text).joined()
            let unitText = title + headers.flatMap { $0 }.joined() + (above.contains("单位") ? above : "")
            var unit = unitText.contains("万元") ? "万元" : (unitText.contains("元") ? "元" : "")
            if unit.isEmpty, title.isEmpty { unit = lastUnit }
            lastUnit = unit
            reading.unit = reading.unit.isEmpty ? unit : reading.unit
            while k < rows.count, rows[k].cells.count == tree.columns.count + 1,
                  let label = rows[k].cells.first?.text, !label.isEmpty, !isNumber(label), !rowHeads.contains(label) {
                let data = rows[k]
                var values: [Decimal?] = []
                let rowLabel = Labels.clean(label.replacingOccurrences(of: "其中:", with: ""))
                for (col, cell) in data.cells.dropFirst().enumerated() {
                    let parsed = ColumnTables.number(cell.text)
                    values.append(cell.text.hasSuffix("%") ? nil : parsed?.0)
                    guard let (number, text) = parsed else { continue }
                    let ratio = cell.text.hasSuffix("%") || tree.columns[col].contains("率") || tree.columns[col].contains("比例")
                    reading.cells.append(TableCell(row: rowLabel, column: tree.columns[col], text: text, number: number,
                                                   start: cell.start, end: cell.start + text.unicodeScalars.count, unit: ratio ? "%" : unit))
                }
                reading.checks += tree.sumChecks(values: values, texts: data.cells.dropFirst().map(\.text),
                                                 places: data.cells.dropFirst().map { c.span($0.start, max($0.end, $0.start + 1)) },
                                                 rowLabel: rowLabel, unit: unit)
                reading.checks += TableRowChecks.checks(c, label: rowLabel, columns: tree.columns,
                                                        cells: data.cells.dropFirst().map { ($0.text, $0.start, $0.end) }, unit: unit) ?? []
                reading.lines.formUnion(data.lines)
                k += 1
            }
            for r in rows[i..<k] { reading.lines.formUnion(r.lines) }
            i = max(k, i + 1)
        }
        return reading
    }

    /// "人员编制 | 72 | 实有人数 | 72" → two pairs; "评价等次 | (blank)" → a pair with an empty value.
    static func pairs(_ row: Row, into reading: inout TableReading) {
        let cells = row.cells
        guard cells.count >= 2, cells.count % 2 == 0 else { return }
        var found: [(String, String, Int, Int)] = []
        for k in stride(from: 0, to: cells.count, by: 2) {
            let label = cells[k].text, value = cells[k + 1].text
            guard !label.isEmpty, !isNumber(label), label.count <= 20, value.count <= 40 else { return }
            found.append((label, value, cells[k + 1].start, cells[k + 1].end))
        }
        reading.pairs += found.map { (label: $0.0, value: $0.1, start: $0.2, end: $0.3) }
        reading.lines.formUnion(row.lines)
    }
}

/// Column headers over several rows, where "其中:" opens the next header row under the cell
/// before it: the columns in order (depth first) and which columns are parts of which.
struct HeaderTree {
    /// Leaf-order column labels.
    var columns: [String] = []
    /// For each column, the columns that are its parts.
    var parts: [Int: [Int]] = [:]

    init(_ rows: [[String]]) {
        var next = 1
        func expand(_ row: [String]) -> [Int] {
            var mine: [Int] = []
            var k = 0
            while k < row.count {
                let cell = row[k]
                if cell.hasPrefix("其中") { k += 1; continue }
                columns.append(cell.replacingOccurrences(of: " ", with: ""))
                let index = columns.count - 1
                mine.append(index)
                if k + 1 < row.count, row[k + 1].hasPrefix("其中"), next < rows.count {
                    let childRow = rows[next]
                    next += 1
                    parts[index] = expand(childRow)
                }
                k += 1
            }
            return mine
        }
        _ = expand(rows.first ?? [])
    }

    /// A sum check for every column with parts, where the column and at least two parts have
    /// values (a part without a value counts through its own parts).
    func sumChecks(values: [Decimal?], texts: [String], places: [SourceSpan], rowLabel: String, unit: String) -> [DraftCheck] {
        var out: [DraftCheck] = []
        func leaves(_ col: Int) -> [Int] {
            if values.indices.contains(col), values[col] != nil { return [col] }
            return (parts[col] ?? []).flatMap(leaves)
        }
        for (col, children) in parts.sorted(by: { $0.key < $1.key }) {
            guard values.indices.contains(col), let total = values[col] else { continue }
            let used = children.flatMap(leaves)
            guard used.count >= 2 else { continue }
            let label = rowLabel.contains("汇总") || rowLabel.contains("合计") ? columns[col] : "\(rowLabel)·\(columns[col])"
            out.append(CheckMaker.sum(label: label, stated: (texts[col], total, [places[col]]),
                                      parts: used.map { (columns[$0], texts[$0], values[$0] ?? 0, [places[$0]]) }, unit: unit))
        }
        return out
    }
}
