import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 13 item 3 by keys: rows and items selected by key, filter, flag and search; one change
/// on all of them, previewed with every refusal listed, stored as one journal batch and undone
/// with one key.
@Suite struct BatchTests {
    static func open(_ w: Workstation, _ query: String) {
        w.press(.character("/"))
        w.type(query)
        w.press(.enter, .enter)
    }

    @Test func twentyRoutineRowsScoredInOneBatchWithOneReasonAndUndoneInOneKey() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "heshan")
        let id = try #require(w.state.dossier?.id)
        // Select every unreviewed row by the filter, then the batch score form.
        w.press(.character("x"), .character("*"))
        let selected = w.state[ScoresheetPane.self].selection
        #expect(selected.count >= 20)
        #expect(w.state.message?.contains("已选 \(selected.count) 行") == true)
        w.press(.character("M"))
        #expect(w.state.overlay is BatchMenu)
        w.press(.character("e"))
        let form = try #require(w.state.overlay as? FormState)
        #expect(form.title.contains("\(selected.count) 行"))
        w.type("满分")
        w.press(.tab)
        w.type("经核对佐证材料，各项指标完成情况与自评一致")
        w.press(.ctrl("s"))
        let preview = try #require(w.state.overlay as? BatchPreview)
        let before = try s.store.dossier(id: id)
        // Nothing is stored before Enter; every row is either a change or listed as refused.
        #expect(try s.store.dossier(id: id) == before)
        #expect(preview.changeCount + preview.refusedCount == selected.count)
        #expect(preview.changeCount >= 20)
        let refused = preview.lines.filter { $0.kind == .refused }
        for line in refused { #expect(line.text.contains("R-0"), "\(line.text)") }
        let lastBatch = try s.store.journal(limit: 1).first?.batch ?? 0
        w.press(.enter)
        #expect(w.state.overlay == nil)
        let after = try s.store.dossier(id: id)
        let scoredRows = selected.filter { after.result(for: $0).status == .reviewed }
        #expect(scoredRows.count == preview.changeCount)
        for nodeID in scoredRows {
            let node = try #require(after.template.node(id: nodeID))
            #expect(after.result(for: nodeID).reviewScore == node.maxScore)
            #expect(after.result(for: nodeID).deductionReason == "经核对佐证材料，各项指标完成情况与自评一致")
        }
        // One journal batch for all of it.
        let entries = try s.store.journal(dossierID: id, limit: 1000).filter { $0.batch > lastBatch }
        #expect(Set(entries.map(\.batch)).count == 1)
        #expect(Set(entries.filter { $0.record.entity == "result" }.map(\.record.entityID)) == Set(scoredRows))
        #expect(w.state.message?.contains("一次撤销") == true)
        // One key undoes every row; redo brings them back.
        w.press(.character("u"))
        let undone = try s.store.dossier(id: id)
        #expect(selected.allSatisfy { undone.result(for: $0) == before.result(for: $0) })
        w.press(.ctrl("r"))
        #expect(try s.store.dossier(id: id).results == after.results)
    }

    @Test func acceptEverySuggestionListsTheRowsARuleRefuses() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "huangtukuang")
        let id = try #require(w.state.dossier?.id)
        let d = try s.store.dossier(id: id)
        let queried = d.template.scorableLeaves.filter { d.result(for: $0.id).status == .queried }.map(\.id)
        #expect(!queried.isEmpty)
        w.press(.character("x"), .character("*"), .character("M"), .character("a"))
        let preview = try #require(w.state.overlay as? BatchPreview)
        // Every queried row is refused with R-008, and refusals come first.
        let refused = preview.lines.prefix { $0.kind == .refused }
        #expect(refused.count == preview.refusedCount)
        #expect(refused.filter { $0.text.contains("R-008") }.count == queried.count)
        w.press(.enter)
        let after = try s.store.dossier(id: id)
        for nodeID in queried { #expect(after.result(for: nodeID) == d.result(for: nodeID)) }
        #expect(w.state.message?.contains("被规则拒绝") == true)
    }

    @Test func selectByKeyFlagAndSearch() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "heshan")
        let d = try #require(w.state.dossier)
        let scored = try #require(w.state.scored)
        // By key: t selects the row and moves down; t on a heading selects every row under it.
        w.press(.character("g"), .character("t"))
        let output = try #require(d.template.nodes.first { $0.name == "产出及效率" })
        #expect(w.state[ScoresheetPane.self].selection == Set(ScoresheetPaneTests.leaves(under: "1", in: d, scored: scored)))
        w.press(.character("U"))
        #expect(w.state[ScoresheetPane.self].selection.isEmpty)
        // By search: the rows under 产出及效率.
        w.press(.character("/"))
        w.type("产出及效率")
        w.press(.enter, .character("|"))
        #expect(w.state[ScoresheetPane.self].selection == Set(ScoresheetPaneTests.leaves(under: output.code, in: d, scored: scored)))
        w.press(.character("U"))
        // By flag: the rows sharing the S-005 flag.
        let flagged = d.template.scorableLeaves.filter { RowWork.flagCodes($0.id, scored: scored) == ["S-005"] }
        #expect(flagged.count > 3)
        w.press(.character("/"))
        w.type(flagged[0].code)
        w.press(.enter, .character(","))
        #expect(w.state[ScoresheetPane.self].selection == Set(d.template.scorableLeaves.filter { RowWork.flagCodes($0.id, scored: scored).contains("S-005") }.map(\.id)))
        #expect(w.screenText.contains("已选 "))
    }

    @Test func manyItemsExtendedInOneStepWithRefusalsListed() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "huangtukuang")
        let id = try #require(w.state.dossier?.id)
        let before = try s.store.dossier(id: id)
        w.press(.tab)
        #expect(w.state.focus == .items)
        w.press(.character("*"), .character("M"))
        #expect((w.state.overlay as? BatchMenu)?.target == .items)
        w.press(.character("d"))
        let form = try #require(w.state.overlay as? FormState)
        #expect(form.title.contains("\(before.items.count) 项"))
        w.press(.ctrl("u"))
        w.type("2027-06-30")
        w.press(.tab)
        w.type("汛期影响施工，统一延期")
        w.press(.ctrl("s"))
        let preview = try #require(w.state.overlay as? BatchPreview)
        let open = before.items.filter { [.pending, .inProgress, .submitted, .longTerm].contains($0.status) && $0.deadline < CalendarDay("2027-06-30")! }
        #expect(preview.changeCount == open.count)
        #expect(preview.refusedCount == before.items.count - open.count)
        w.press(.enter)
        let after = try s.store.dossier(id: id)
        for item in open {
            let now = try #require(after.items.first { $0.id == item.id })
            #expect(now.deadline == CalendarDay("2027-06-30"))
            #expect(now.deadlineHistory.last?.reason == "汛期影响施工，统一延期")
        }
        w.press(.character("u"))
        #expect(try s.store.dossier(id: id).items == before.items)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func screens(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        Self.open(w, "huangtukuang")
        w.press(.character("x"), .character("*"))
        assertSnapshot(w.screenText, named: "batch-selected-\(width)x\(height)")
        w.press(.character("M"))
        assertSnapshot(w.screenText, named: "batch-menu-\(width)x\(height)")
        w.press(.character("a"))
        assertSnapshot(w.screenText, named: "batch-preview-\(width)x\(height)")
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
    }
}

enum ScoresheetPaneTests {
    /// Scorable leaves under the node with `code`.
    static func leaves(under code: String, in d: Dossier, scored: ScoredDossier) -> [String] {
        d.template.scorableLeaves.filter { $0.code.hasPrefix(code + ".") || $0.code == code }.map(\.id)
    }
}
