import Foundation
import FuheCore

/// Tables copied from a page one cell per line (001's 三公 table): a run of short lines where
/// k header labels are followed by rows of one label and k−1 numbers. Checks each row's
/// difference and ratio columns against its budget and actual columns.
enum ColumnTables {
    static func isCell(_ t: String) -> Bool {
        var n = 0
        for u in t.unicodeScalars {
            n += 1
            if n > 28 || u == "。" || u == "," || u == ";" || u == "|" { return false }
        }
        return true
    }

    static func number(_ t: String) -> (Decimal, String)? {
        guard let first = t.unicodeScalars.first(where: { $0 != " " }), ("0"..."9").contains(first) || first == "-" else { return nil }
        var text = t.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") { text.removeLast() }
        guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), let d = Decimal(string: text) else { return nil }
        return (d, text)
    }

    static func read(_ c: ReportContext) -> TableReading {
        var reading = TableReading()
        let lines = c.textLines
        var i = 0
        while i < lines.count {
            // Short label lines, then a row label followed by numbers: the header is the `width`
            // labels before that row label, where width = 1 + how many numbers follow it.
            var k = i
            while k < lines.count, lines[k].marker == nil, isCell(lines[k].text), number(lines[k].text) == nil { k += 1 }
            var n = 0
            while k + n < lines.count, number(lines[k + n].text) != nil { n += 1 }
            let width = n + 1
            guard n >= 2, k - i >= width + 1 else { i = max(k + n, i + 1); continue }
            let header = Array(lines[(k - 1 - width)..<(k - 1)])
            let k0 = k - 1
            var rows: [[TextLine]] = []
            var r = k0
            while r + width - 1 < lines.count {
                let group = Array(lines[r..<(r + width)])
                guard number(group[0].text) == nil, isCell(group[0].text), group[0].marker == nil,
                      group.dropFirst().allSatisfy({ number($0.text) != nil }) else { break }
                rows.append(group)
                r += width
            }
            guard rows.count >= 2 else { i = max(k + n, i + 1); continue }
            let unitLine = (max(0, k0 - width - 2)..<(k0 - width)).map { lines[$0].text }.joined()
            let unit = unitLine.contains("万元") ? "万元" : (unitLine.contains("元") ? "元" : "")
            let columns = header.dropFirst().map(\.text)
            for row in rows {
                let label = Labels.clean(row[0].text.replacingOccurrences(of: "其中:", with: ""))
                for (col, cell) in row.dropFirst().enumerated() {
                    guard let (value, text) = number(cell.text) else { continue }
                    let ratio = cell.text.hasSuffix("%") || columns[col].contains("率") || columns[col].contains("比例")
                    reading.cells.append(TableCell(row: label, column: columns[col], text: text, number: value,
                                                   start: cell.start, end: cell.start + text.unicodeScalars.count, unit: ratio ? "%" : unit))
                }
                if let check = rowChecks(c, label: label, columns: columns, row: row, unit: unit) { reading.checks += check }
            }
            for line in lines[(k0 - width)..<r] { reading.lines.insert(line.index) }
            reading.unit = unit
            i = r
        }
        return reading
    }

    /// Difference = budget − actual and ratio = difference / budget, where the columns say so.
    /// `row[0]` is the row label, then one cell per column.
    static func rowChecks(_ c: ReportContext, label: String, columns: [String], row: [TextLine], unit: String) -> [DraftCheck]? {
        TableRowChecks.checks(c, label: label, columns: columns, cells: row.dropFirst().map { ($0.text, $0.start, $0.end) }, unit: unit)
    }
}

/// The arithmetic of one table row whose columns are a budget, an actual, their difference and
/// its ratio (as printed tables of 三公经费 have them).
enum TableRowChecks {
    static func checks(_ c: ReportContext, label: String, columns: [String], cells: [(String, Int, Int)], unit: String) -> [DraftCheck]? {
        guard cells.count == columns.count else { return nil }
        func col(_ words: [String]) -> Int? { columns.firstIndex { h in words.contains { h.contains($0) } } }
        guard let b = col(["预算"]), let a = col(["决算", "执行", "实际"]), b != a,
              let (budget, bt) = ColumnTables.number(cells[b].0), let (actual, at) = ColumnTables.number(cells[a].0) else { return nil }
        let place = { (i: Int) in [c.span(cells[i].1, max(cells[i].2, cells[i].1 + 1))] }
        var out: [DraftCheck] = []
        let difference = budget - actual
        if let d = col(["差异", "差额", "节约额"]), let (stated, st) = ColumnTables.number(cells[d].0) {
            let computed = stated < 0 ? actual - budget : difference
            let level = ArithmeticRule.compare(stated: stated, computed: computed, statedPlaces: ArithmeticRule.places(of: st), kind: .amount)
            out.append(DraftCheck(id: "", kind: .tableRow, level: level, label: "\(label)·\(columns[d])", stated: st,
                                  computed: ExactDecimal.plain(computed), unit: unit,
                                  operands: [.init(label: columns[b], value: bt, spans: place(b)), .init(label: columns[a], value: at, spans: place(a))],
                                  message: level == .ok ? "“\(label)”\(columns[d])\(st)=\(bt)−\(at)，一致"
                                      : "“\(label)”\(columns[d])应为\(bt)−\(at)=\(ExactDecimal.plain(computed))，表中为\(st)",
                                  spans: place(d) + place(b) + place(a)))
        }
        if let r = col(["比率", "比例", "节约率", "率"]), r != b, r != a, let (stated, st) = ColumnTables.number(cells[r].0), budget != 0 {
            out.append(CheckMaker.share(kind: .tableRow, label: "\(label)·\(columns[r])", stated: (st, stated, place(r)),
                                        numerator: ("\(columns[b])−\(columns[a])", "\(bt)−\(at)", difference, place(a)),
                                        denominator: (columns[b], bt, budget, place(b)),
                                        expressionNote: "(\(bt)−\(at))/\(bt)"))
        }
        return out
    }
}
