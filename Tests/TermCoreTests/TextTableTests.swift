import Testing
import TermCore

@Suite("TextTable")
struct TextTableTests {
    /// The cells of a line as a terminal lays them out: a wide character fills two cells.
    private func cells(_ line: String) -> [String] {
        line.flatMap { character -> [String] in
            switch character.displayWidth {
            case 0: return []
            case 2: return [String(character), ""]
            default: return [String(character)]
            }
        }
    }

    private func scoresheet() -> TextTable {
        var table = TextTable(columns: [.init("指标", align: .left, maxWidth: 24), .init("分值", align: .right)])
        table.addRow(["产出数量", "9.50"])
        table.addRow(["满意度调查（服务对象满意度）不低于百分之九十五", "10.00"])
        table.addRow(["成本 cost", "8"])
        return table
    }

    @Test func rendersChineseHeadersAlignedByDisplayWidth() {
        let expected = """
            指标                       分值
            ────────────────────────  ─────
            产出数量                   9.50
            满意度调查（服务对象满 …  10.00
            成本 cost                     8
            """
        let lines = scoresheet().renderLines()
        #expect(lines == expected.split(separator: "\n").map(String.init))
        #expect(scoresheet().render() == expected)
    }

    @Test func columnBoundariesLineUp() {
        let table = scoresheet()
        #expect(table.columnWidths() == [24, 5])
        for line in table.renderLines() {
            let row = cells(line)
            #expect(row.count == 24 + 2 + 5, "\(line)")
            #expect(row[24] == " " && row[25] == " ", "gap misplaced in \(line)")
            #expect(row[23] != "" , "a wide character straddles the column edge in \(line)")
        }
    }

    @Test func trailingSpacesAreTrimmedAndMissingCellsAreEmpty() {
        var table = TextTable(columns: [.init("单位"), .init("状态"), .init("备注")])
        table.addRow(["绥宁县财政局", "已整改"])
        table.addRow(["黄土矿镇", "整改中", "逾期\n3天", "extra"])
        let expected = """
            单位          状态    备注
            ────────────  ──────  ────────
            绥宁县财政局  已整改
            黄土矿镇      整改中  逾期 3天
            """
        #expect(table.render() == expected)
        for line in table.renderLines() { #expect(!line.hasSuffix(" ")) }
        #expect(table.rows[1] == ["黄土矿镇", "整改中", "逾期 3天"])
    }

    @Test func headerOnlyTable() {
        let table = TextTable(columns: [.init("序号", align: .right), .init("名称")])
        #expect(table.renderLines() == ["序号  名称", "────  ────"])
    }

    @Test func centredAndNarrowCappedColumns() {
        var table = TextTable(columns: [.init("等级", align: .center), .init("说明", maxWidth: 5)])
        table.addRow(["优", "绩效目标全部完成"])
        table.addRow(["良好", "ok"])
        #expect(table.renderLines() == [
            "等级  说明",
            "────  ─────",
            " 优   绩效…",
            "良好  ok",
        ])
    }
}
