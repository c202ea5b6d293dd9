import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 13 item 1, by keys on the sample store: the next row needing work, the submit blockers
/// listed with their codes, the scoresheet filters, 待单位补充 with a question, 未开始 units.
@Suite struct WhatsLeftTests {
    static func open(_ w: Workstation, _ query: String) {
        w.press(.character("/"))
        w.type(query)
        w.press(.enter, .enter)
    }

    @Test func nextRowNeedingWorkVisitsEveryRowLeftInOrder() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "yueyangxian")
        let d = try #require(w.state.dossier)
        let scored = try #require(w.state.scored)
        let leaves = d.template.scorableLeaves
        // 岳阳县 has 3 of 9 rows reviewed: the other six are left, and no reviewed row is.
        let left = leaves.filter { !RowWork.left(on: $0, in: d, scored: scored).isEmpty }
        #expect(left.count >= 6)
        #expect(left.allSatisfy { d.result(for: $0.id).status != .reviewed || !RowWork.left(on: $0, in: d, scored: scored).isEmpty })
        w.press(.character("g"))
        var visited: [String] = []
        for _ in 0..<left.count {
            w.press(.character("w"))
            let node = try #require(w.state.selectedRow?.node)
            visited.append(node.id)
            #expect(w.state.message?.contains("共 \(left.count) 行待办") == true, "\(w.state.message ?? "")")
        }
        // In template order, each row once; one more w wraps round to the first.
        #expect(Set(visited).count == left.count)
        #expect(Set(visited) == Set(left.map(\.id)))
        w.press(.character("w"))
        #expect(w.state.selectedRow?.node.id == visited.first)
        w.press(.character("W"))
        #expect(w.state.selectedRow?.node.id == visited.last)
    }

    @Test func scoringTheRowsLeftEmptiesTheList() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "nanxian")
        for _ in 0..<60 {
            w.press(.character("w"))
            guard w.state.message?.hasPrefix("待办") == true, let row = w.state.selectedRow,
                  let d = w.state.dossier, let scored = w.state.scored else { break }
            let left = RowWork.left(on: row.node, in: d, scored: scored)
            let eval = scored.rows[row.node.id]
            if left.contains(.unreviewed) || left.contains(.queried) {
                if eval?.suggestion != nil {
                    w.press(.character("a"))
                } else {
                    w.press(.enter, .ctrl("u"))
                    w.type((eval?.allowedRange?.upperBound ?? row.node.maxScore).description)
                    w.press(.tab, .ctrl("u"))
                    w.type("经核对佐证材料，按所选档次上限计")
                    w.press(.ctrl("s"))
                }
            } else if left.contains(where: { if case .reasonMissing = $0 { true } else { false } }) {
                w.press(.character("r"))
                w.type("经核对佐证材料确定")
                w.press(.ctrl("s"))
            } else {
                w.press(.character("m"))
                w.type("已核对：报告未列目标值，按实际完成情况评分")
                w.press(.ctrl("s"))
            }
            #expect(w.state.overlay == nil, "\(row.node.code): \(w.state.message ?? "")")
        }
        w.press(.character("w"))
        #expect(w.state.message?.contains("所有指标都已处理") == true, "\(w.state.message ?? "")")
        let d = try s.store.dossier(id: try #require(w.state.dossier?.id))
        #expect(ReviewLifecycle.submitBlockers(dossier: d).isEmpty)
    }

    @Test func bangListsEverySubmitBlockerWithItsCodeAndJumps() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "yueyangxian")
        let blockers = ReviewLifecycle.submitBlockers(dossier: try #require(w.state.dossier))
        #expect(!blockers.isEmpty)
        w.press(.character("!"))
        let entries = MessagesOverlay.entries(w.state)
        #expect(entries.filter(\.blocksSubmit).map(\.message) == blockers)
        let text = w.screenText
        #expect(text.contains("提交前须完成 \(blockers.count) 项"))
        #expect(text.contains("R-006 阻止提交"))
        // The third blocker: Enter puts the scoresheet cursor on its row.
        w.press(.character("j"), .character("j"), .enter)
        #expect(w.state.overlay == nil)
        #expect(w.state.selectedRow?.node.id == blockers[2].nodeID)
        #expect(w.state.focus == .sheet)
    }

    @Test func sheetFiltersShowOnlyTheirRows() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "huangtukuang")
        let d = try #require(w.state.dossier)
        let scored = try #require(w.state.scored)
        let leaves = d.template.scorableLeaves
        w.press(.character("x"))
        #expect(w.state[ScoresheetPane.self].filter == .unreviewed)
        let unreviewed = leaves.filter { d.result(for: $0.id).status != .reviewed || d.result(for: $0.id).reviewScore == nil }
        #expect(w.state.sheetRows.map(\.node.id) == unreviewed.map(\.id))
        w.press(.character("x"))
        #expect(w.state.sheetRows.map(\.node.id) == leaves.filter { !RowWork.flagCodes($0.id, scored: scored).isEmpty }.map(\.id))
        #expect(!w.state.sheetRows.isEmpty)
        w.press(.character("x"))
        #expect(w.state.sheetRows.allSatisfy { (scored.rowDiff($0.node.id)?.hundredths ?? 0) != 0 })
        w.press(.character("x"))
        let queried = leaves.filter { d.result(for: $0.id).status == .queried }
        #expect(!queried.isEmpty)
        #expect(w.state.sheetRows.map(\.node.id) == queried.map(\.id))
        #expect(w.screenText.contains("待补"))
        w.press(.character("c"))
        #expect(w.state[ScoresheetPane.self].filter == nil)
        #expect(w.state.sheetRows.count == d.template.nodes.count)
    }

    @Test func rowQueriedWithAQuestionAndCleared() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "heshan")
        w.press(.character("/"))
        w.type("三公")
        w.press(.enter)
        let node = try #require(w.state.selectedRow?.node)
        #expect(node.code == "1.1.2")
        // A blank question is refused (R-008) and the form stays.
        w.press(.character("Q"), .ctrl("s"))
        let form = try #require(w.state.overlay as? FormState)
        #expect(form.error?.contains("R-008") == true)
        w.type("请补充2021年度“三公”经费决算明细表")
        w.press(.ctrl("s"))
        #expect(w.state.overlay == nil)
        let id = try #require(w.state.dossier?.id)
        var row = try s.store.dossier(id: id).result(for: node.id)
        #expect(row.status == .queried)
        #expect(row.question == "请补充2021年度“三公”经费决算明细表")
        #expect(row.queriedBy == "王某")
        let journal = try s.store.journal(dossierID: id, entity: "result", entityID: node.id, field: "question")
        #expect(journal.count == 1)
        #expect(ScoresheetPane.detail(w.state).paragraphs.contains { $0.hasPrefix("待单位补充：请补充2021年度“三公”经费决算明细表（王某") })
        // Filter 待补充 shows it; clearing the question clears the hold.
        w.press(.character("x"), .character("x"), .character("x"), .character("x"))
        #expect(w.state.sheetRows.map(\.node.id) == [node.id])
        w.press(.character("Q"), .ctrl("u"), .ctrl("s"))
        row = try s.store.dossier(id: id).result(for: node.id)
        #expect(row.status == .unreviewed)
        #expect(row.question == "请补充2021年度“三公”经费决算明细表")
        #expect(w.state.sheetRows.isEmpty)
        // Undo brings the hold back.
        w.press(.character("u"))
        #expect(try s.store.dossier(id: id).result(for: node.id).status == .queried)
    }

    @Test func unitListFiltersNotStarted() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        let all = w.state.units
        w.press(.character("s"))
        #expect(w.state[UnitsPane.self].filter.notStartedOnly)
        #expect(w.state.units.map(\.dossierID) == all.filter { $0.reviewStatus == nil }.map(\.dossierID))
        #expect(w.state.units.count == 4)
        #expect(w.state.message?.contains("未开始：4 个单位") == true, "\(w.state.message ?? "")")
        w.press(.character("s"))
        #expect(!w.state[UnitsPane.self].filter.notStartedOnly)
        #expect(w.state.units.allSatisfy { $0.reviewStatus == .draft })
        w.press(.character("c"))
        #expect(w.state.units.count == all.count)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func screens(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        Self.open(w, "yueyangxian")
        w.press(.character("x"))
        assertSnapshot(w.screenText, named: "sheet-filter-unreviewed-\(width)x\(height)")
        w.press(.character("!"))
        assertSnapshot(w.screenText, named: "blockers-\(width)x\(height)")
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
    }
}
