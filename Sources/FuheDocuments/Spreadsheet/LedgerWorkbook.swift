import Foundation
import FuheFiles
import FuheCore

/// 整改台账 as a workbook: the ledger sheet (the columns of `LedgerRow`, dates as dates, counts as
/// numbers, overdue rows filled) and a summary sheet by unit and status.
public enum LedgerWorkbook {
    /// Column widths: long texts wrap at 40 cells, the rest fit their content.
    private static let wide: Set<String> = ["问题描述", "整改措施", "最新整改进度", "整改完成情况"]

    /// Writes the workbook into `url` (an empty file made by `OutputFile`, or none).
    public static func write(_ rows: [LedgerRow], today: CalendarDay, to url: URL) throws {
        try workbook(rows, today: today).write(to: url, title: "整改台账")
    }

    static func workbook(_ rows: [LedgerRow], today: CalendarDay) -> Workbook {
        var book = Workbook()
        let columns: [SheetWriter.Column] = LedgerRow.columns.map {
            .init(title: $0, maxWidth: wide.contains($0) ? 40 : ($0 == "被评价单位" || $0 == "整改责任单位" ? 30 : 24))
        }
        // Two passes over the rows, making each row's cells as needed: widths first, then the sheet.
        var ledger = SheetWriter(name: "整改台账", columns: columns, widths: SheetWriter.fittedWidths(columns, rows.lazy.map(cells)),
                                 strings: book.strings, expectedRows: rows.count)
        for row in rows { ledger.addRow(cells(row), marked: row.isOverdue) }
        book.sheets.append((ledger, true))
        book.sheets.append((summary(rows, strings: book.strings, today: today), false))
        return book
    }

    static func cells(_ r: LedgerRow) -> [SheetCell] {
        [.integer(r.seq), .text(r.unitName), r.yearIsDemo ? .text(r.yearText) : .integer(r.fiscalYear),
         .text(r.findingDescription), .text(r.category?.label ?? ""), .text(r.indicator), .text(r.measure),
         .text(r.rectType.label), .text(r.respUnit), .text(r.respPerson), .date(r.deadline), .text(r.dueText),
         r.nextCheck.map(SheetCell.date) ?? .empty, .text(r.nextCheckText),
         .text(r.latestProgressText), .text(r.completionDesc), .integer(r.evidenceCount), .text(r.status.label),
         .text(r.reportLabel), .text(r.closedBy), r.closedOn.map(SheetCell.date) ?? .empty]
    }

    /// Items of one unit counted by status, overdue and closed.
    private struct Counts {
        var byStatus = [Int](repeating: 0, count: RectStatus.allCases.count)
        var total = 0, overdue = 0

        mutating func add(_ row: LedgerRow) {
            total += 1
            if row.isOverdue { overdue += 1 }
            if let i = RectStatus.allCases.firstIndex(of: row.status) { byStatus[i] += 1 }
        }

        func cells() -> [SheetCell] {
            let closed = RectStatus.allCases.firstIndex(of: .closed).map { byStatus[$0] } ?? 0
            let withdrawn = RectStatus.allCases.firstIndex(of: .withdrawn).map { byStatus[$0] } ?? 0
            let counted = total - withdrawn
            return [.integer(total)] + byStatus.map { .integer($0) }
                + [.integer(overdue), counted > 0 ? .percent(ExactDecimal.round(Decimal(closed) / Decimal(counted), places: 4)) : .empty]
        }
    }

    /// One row per unit (in ledger order) with its items per status, overdue items and closure
    /// rate, and a total row.
    static func summary(_ rows: [LedgerRow], strings: SharedStrings, today: CalendarDay) -> SheetWriter {
        let columns: [SheetWriter.Column] = [.init(title: "被评价单位", maxWidth: 36), .init(title: "年度", maxWidth: 12)]
            + [.init(title: "事项数", maxWidth: 10)] + RectStatus.allCases.map { .init(title: $0.label, maxWidth: 10) }
            + [.init(title: "逾期", maxWidth: 10), .init(title: "整改完成率", maxWidth: 12)]
        var order: [(first: Int, counts: Counts)] = []
        var position: [String: Int] = [:]
        var all = Counts()
        for (i, r) in rows.enumerated() {
            all.add(r)
            if let p = position[r.dossierID] {
                order[p].counts.add(r)
            } else {
                position[r.dossierID] = order.count
                var c = Counts()
                c.add(r)
                order.append((i, c))
            }
        }
        var table: [(cells: [SheetCell], marked: Bool)] = order.map { entry in
            let first = rows[entry.first]
            return ([.text(first.unitName), first.yearIsDemo ? .text(first.yearText) : .integer(first.fiscalYear)] + entry.counts.cells(),
                    entry.counts.overdue > 0)
        }
        table.append(([.text("合计（\(order.count)个单位，统计日期 \(today)）"), .empty] + all.cells(), false))
        var sheet = SheetWriter(name: "按单位汇总", columns: columns, widths: SheetWriter.fittedWidths(columns, table.map(\.cells)),
                                strings: strings)
        for row in table { sheet.addRow(row.cells, marked: row.marked) }
        return sheet
    }
}
