import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 13 item 2 by keys: the findings list per unit and across units; edit, delete with the
/// rule about items that hang on a finding; an item relinked to another finding and retyped.
@Suite struct FindingsTests {
    static func open(_ w: Workstation, _ query: String) {
        w.press(.character("/"))
        w.type(query)
        w.press(.enter, .enter)
    }

    @Test func findingsOfTheUnitAreReadEditedAndDeleted() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "yueyangxian")
        let id = try #require(w.state.dossier?.id)
        let before = try s.store.dossier(id: id)
        w.press(.character("P"))
        let page = try #require(w.state.overlay as? FindingsPage)
        #expect(page.rows(w.state).map(\.findingID) == before.findings.sorted { $0.seq < $1.seq }.map(\.id))
        // Edit the first: description and severity.
        let first = before.findings.sorted { $0.seq < $1.seq }[0]
        w.press(.enter)
        let form = try #require(w.state.overlay as? FormState)
        #expect(form.title.contains("编辑问题 \(first.seq)"))
        w.press(.tab, .ctrl("u"), .ctrl("u"))
        w.type("未办理政府采购手续（已核实）")
        w.press(.tab, .character(" "), .ctrl("s"))
        #expect(w.state.overlay is FindingsPage, "\(w.state.message ?? "")")
        let edited = try #require(try s.store.dossier(id: id).findings.first { $0.id == first.id })
        #expect(edited.description.hasSuffix("未办理政府采购手续（已核实）"))
        #expect(edited.severity != first.severity)
        #expect(try s.store.journal(dossierID: id, entity: "finding", entityID: first.id, field: "description").count == 1)
        // A finding with items cannot be deleted (F-003); nothing changes.
        #expect(before.items.contains { $0.findingID == first.id })
        w.press(.character("d"))
        #expect(w.state.messageIsError)
        #expect(w.state.message?.contains("F-003") == true)
        #expect(try s.store.dossier(id: id).findings.count == before.findings.count)
    }

    @Test func aFindingWithoutItemsIsDeletedAndUndone() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "heshan")
        let id = try #require(w.state.dossier?.id)
        w.press(.character("f"), .tab, .ctrl("u"))
        w.type("超编1人")
        w.press(.ctrl("s"))
        let added = try #require(try s.store.dossier(id: id).findings.first { $0.description == "超编1人" })
        w.press(.character("P"), .character("G"))
        #expect((w.state.overlay as? FindingsPage)?.selectedFinding(w.state)?.id == added.id)
        w.press(.character("d"))
        #expect(try s.store.dossier(id: id).findings.contains { $0.id == added.id } == false)
        #expect(w.state.message?.contains("已删除问题") == true)
        w.press(.escape, .character("u"))
        #expect(try s.store.dossier(id: id).findings.contains { $0.id == added.id })
    }

    @Test func everyUnitsFindingsAndOpeningOneOfThem() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "heshan")
        w.press(.character("P"), .character("a"))
        let page = try #require(w.state.overlay as? FindingsPage)
        #expect(page.scope == .all)
        let total = try s.store.dossierIDs().reduce(0) { $0 + (try s.store.dossier(id: $1).findings.count) }
        #expect(page.rows(w.state).count == total)
        #expect(w.screenText.contains("问题清单 · 全部单位（\(total)）"))
        // Sort by 事项 (open items first), then Enter on one of 黄土矿's findings opens that unit on it.
        let target = try #require(page.rows(w.state).first { $0.unitName.contains("黄土矿") && $0.seq == 2 })
        w.press(.character("g"))
        for _ in 0..<total where (w.state.overlay as? FindingsPage)?.selectedDigest(w.state) != target { w.press(.character("j")) }
        w.press(.enter)
        #expect(w.state.dossier?.id == target.dossierID)
        let now = try #require(w.state.overlay as? FindingsPage)
        #expect(now.scope == .unit)
        #expect(now.selectedFinding(w.state)?.id == target.findingID)
    }

    @Test func itemRelinkedToAnotherFindingAndRetyped() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "yueyangxian")
        let id = try #require(w.state.dossier?.id)
        let before = try s.store.dossier(id: id)
        let findings = before.findings.sorted { $0.seq < $1.seq }
        #expect(findings.count >= 2)
        w.press(.tab)
        let item = try #require(w.state.selectedItem)
        let other = try #require(findings.first { $0.id != item.findingID })
        w.press(.enter)
        // 整改措施, then 所属问题 and 整改类型.
        w.press(.tab)
        for _ in 0..<findings.count where (w.state.overlay as? FormState)?.value("finding").hasPrefix("\(other.seq).") == false {
            w.press(.right)
        }
        w.press(.tab, .right)
        w.press(.ctrl("s"))
        #expect(w.state.overlay == nil, "\(w.state.message ?? "")")
        let after = try #require(try s.store.dossier(id: id).items.first { $0.id == item.id })
        #expect(after.findingID == other.id)
        #expect(after.rectType != item.rectType)
        #expect(try s.store.journal(dossierID: id, entity: "item", entityID: item.id, field: "findingID").count == 1)
    }

    @Test func aClosedItemKeepsItsType() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "huangtukuang")
        w.press(.tab)
        let closed = try #require(w.state.items.firstIndex { $0.status == .closed })
        for _ in 0..<closed { w.press(.character("j")) }
        w.press(.enter)
        // 整改措施, 所属问题, then 整改类型.
        w.press(.tab, .tab)
        #expect((w.state.overlay as? FormState).map { $0.fields[$0.focus].key } == "type")
        w.press(.right, .ctrl("s"))
        let form = try #require(w.state.overlay as? FormState)
        #expect(form.error?.contains("K-006") == true)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func screens(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        Self.open(w, "huangtukuang")
        w.press(.character("P"))
        assertSnapshot(w.screenText, named: "findings-unit-\(width)x\(height)")
        w.press(.character("a"))
        assertSnapshot(w.screenText, named: "findings-all-\(width)x\(height)")
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
    }
}
