import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// A reviewer's work driven by keys only, checked in the store.
@Suite struct ReviewWorkflowTests {
    /// Opens the unit whose name matches `query` via search and moves focus to its scoresheet.
    static func open(_ w: Workstation, _ query: String) {
        w.press(.character("/"))
        w.type(query)
        w.press(.enter, .enter)
    }

    static func select(_ w: Workstation, indicator name: String) {
        w.press(.character("/"))
        w.type(name)
        w.press(.enter)
    }

    @Test func heshanStaffingRateIsRescoredFromVerifiedActual() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "heshan")
        #expect(w.state.dossier?.unit.name == "益阳市赫山区政务服务中心")
        Self.select(w, indicator: "在职人员控制率")
        let node = try #require(w.state.selectedRow?.node)
        #expect(node.name == "在职人员控制率")
        #expect(w.state.scored?.rows[node.id]?.suggestion == Score("5"))
        w.press(.character("v"), .ctrl("u"))
        w.type("11/10")
        w.press(.enter)
        #expect(w.state.overlay == nil)
        #expect(w.state.scored?.rows[node.id]?.suggestion == .zero)
        w.press(.character("a"))
        let stored = try s.store.dossier(id: w.state.dossier!.id).results[node.id]
        #expect(stored?.reviewScore == .zero)
        #expect(stored?.status == .reviewed)
        #expect(stored?.reviewedBy == "王某")
        #expect(stored?.deductionReason?.contains("110") == true)
        #expect(w.state.saveState == .saved)
        // Undo and redo walk the journal.
        w.press(.character("u"))
        #expect(try s.store.dossier(id: w.state.dossier!.id).results[node.id]?.reviewScore == nil)
        w.press(.ctrl("r"))
        #expect(try s.store.dossier(id: w.state.dossier!.id).results[node.id]?.reviewScore == .zero)
    }

    @Test func scoreBelowMaximumNeedsAChineseReason() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "heshan")
        Self.select(w, indicator: "在职人员控制率")
        let node = try #require(w.state.selectedRow?.node)
        w.press(.enter, .ctrl("u"))
        w.type("2.5")
        w.press(.ctrl("s"))
        guard let form = w.state.overlay as? FormState else { Issue.record("the form closed without a reason"); return }
        #expect(form.error?.contains("R-003") == true)
        #expect(form.fields[form.focus].key == "reason")
        w.type("实有在编在岗11人，编制10人，超编1人")
        w.press(.enter)
        w.type("按每超1个百分点扣0.5分计算应扣5分，酌情扣2.5分")
        w.press(.ctrl("s"))
        #expect(w.state.overlay == nil)
        let row = try s.store.dossier(id: w.state.dossier!.id).results[node.id]
        #expect(row?.reviewScore == Score("2.5"))
        #expect(row?.deductionReason == "实有在编在岗11人，编制10人，超编1人\n按每超1个百分点扣0.5分计算应扣5分，酌情扣2.5分")
        let journal = try s.store.journal(dossierID: w.state.dossier!.id, entity: "result", entityID: node.id, field: "deductionReason")
        #expect(journal.first?.record.actor == "王某")
    }

    @Test func findingAndRectificationItemFollowedToClosure() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "yueyangxian")
        let id = try #require(w.state.dossier?.id)
        let before = try s.store.dossier(id: id)
        w.press(.character("f"))
        w.press(.tab)
        w.press(.ctrl("u"))
        w.type("环保局原食堂改造新添置设施设备未办理政府采购手续")
        w.press(.ctrl("s"))
        let afterFinding = try s.store.dossier(id: id)
        #expect(afterFinding.findings.count == before.findings.count + 1)
        w.press(.tab)
        #expect(w.state.focus == .items)
        w.press(.character("c"))
        guard let form = w.state.overlay as? FormState else { Issue.record("no item form"); return }
        #expect(form.fields[form.index("finding") == 0 ? 0 : 0].key == "finding")
        w.press(.tab)
        w.type("补办政府采购手续，完善内部采购审批流程")
        w.press(.tab, .tab, .tab)
        w.type("张某")
        w.press(.ctrl("s"))
        #expect(w.state.overlay == nil, "\(w.state.message ?? "")")
        var d = try s.store.dossier(id: id)
        let item = try #require(d.items.first { $0.measure == "补办政府采购手续，完善内部采购审批流程" })
        #expect(item.status == .pending)
        #expect(item.deadline == SampleStore.today.adding(days: 30))
        #expect(w.state.selectedItem?.id == item.id)
        w.press(.character("p"))
        w.type("已向县政府采购管理办公室报送补办材料")
        w.press(.ctrl("s"))
        w.press(.character("s"))
        w.type("已补办采购手续并完善审批流程")
        w.press(.tab, .tab)
        w.type("政府采购补办审批表")
        w.press(.ctrl("s"))
        d = try s.store.dossier(id: id)
        #expect(d.items.first { $0.id == item.id }?.status == .submitted)
        w.press(.character("C"), .ctrl("s"))
        d = try s.store.dossier(id: id)
        let closed = try #require(d.items.first { $0.id == item.id })
        #expect(closed.status == .closed)
        #expect(closed.closedBy == "王某")
        #expect(closed.evidenceIDs.count == 1)
        #expect(d.evidence.contains { $0.title == "政府采购补办审批表" })
    }

    @Test func responsiblePersonCannotCloseTheirOwnItem() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let d = try s.store.dossier(id: try s.store.dossierIDs().first { try s.store.dossier(id: $0).items.contains { $0.status == .submitted } }!)
        let item = d.items.first { $0.status == .submitted }!
        let w = s.workstation(actor: Actor(name: item.respPerson, role: .member))
        w.press(.character("/"))
        w.type(d.id)
        w.press(.enter, .enter, .tab)
        let index = try #require(w.state.items.firstIndex { $0.id == item.id })
        for _ in 0..<index { w.press(.character("j")) }
        // Refused before the form opens, with the reason (RectLifecycle.refusal).
        w.press(.character("C"))
        #expect(w.state.overlay == nil, "the 销号 form opened for the responsible person")
        #expect(w.state.messageIsError && w.state.message?.contains("K-003") == true, "\(w.state.message ?? "")")
        #expect(try s.store.dossier(id: d.id).items.first { $0.id == item.id }?.status == .submitted)
    }

    @Test func submitIsBlockedUntilEveryRowIsReviewed() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "heshan")
        w.press(.character("S"))
        #expect(w.state.messageIsError)
        #expect(w.state.message?.contains("R-006") == true)
        #expect(try s.store.dossier(id: w.state.dossier!.id).review?.status != .submitted)
    }

    @Test func finalizedReviewIsReadOnlyUntilReopenedWithAReason() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "yizhang")
        #expect(w.state.isReadOnly)
        w.press(.enter)
        #expect(w.state.overlay == nil)
        #expect(w.state.message?.contains("已定稿") == true)
        w.press(.character("R"))
        w.press(.ctrl("s"))
        guard let form = w.state.overlay as? FormState else { Issue.record("reopen without a reason was accepted"); return }
        #expect(form.error != nil)
        w.type("单位补充提交了会议纪要，需调整2.1分")
        w.press(.ctrl("s"))
        #expect(!w.state.isReadOnly)
        #expect(w.state.dossier?.review?.status == .draft)
    }

    @Test func searchMatchesPinyinInitialsAndTraditionalForms() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        for (query, expected) in [("hs", "赫山"), ("黃土礦", "黄土矿"), ("jianghua", "江华"), ("岳阳县", "岳阳县")] {
            w.press(.character("/"))
            w.type(query)
            w.press(.enter)
            #expect(w.state.selectedUnit?.unitName.contains(expected) == true, "\(query) → \(w.state.selectedUnit?.unitName ?? "nil")")
            w.press(.character("g"))
        }
    }

    @Test func filtersAndResize() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        let all = w.state.units.count
        w.press(.character("o"))
        #expect(w.state.units.allSatisfy { $0.overdueItems > 0 })
        w.press(.character("c"), .character("t"))
        #expect(w.state.units.allSatisfy { $0.evalType == .project })
        w.press(.character("c"))
        #expect(w.state.units.count == all)
        w.handle(.resize(width: 120, height: 40))
        #expect(Renderer.render(w.state).width == 120)
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
    }

    @Test func registryHasOneCommandPerKeyInEachPane() {
        for scope in CommandScope.allCases {
            var seen: [KeyEvent: CommandID] = [:]
            for spec in CommandRegistry.all where spec.scope == scope {
                for key in spec.keys {
                    #expect(seen[key] == nil, "\(key) bound twice in \(scope): \(seen[key]!.rawValue) and \(spec.name)")
                    seen[key] = spec.id
                }
            }
        }
        for id in CommandID.allCases { #expect(CommandRegistry.all.contains { $0.id == id }, "\(id.rawValue) not registered") }
    }
}

/// While the cursor moves the detail area keeps its content; it catches up when keys pause.
@Test func detailAreaCatchesUpWhenKeysPause() throws {
    let s = try SampleStore()
    defer { s.remove() }
    let w = s.workstation()
    w.press(.enter)
    let first = try #require(w.state.selectedRow?.node)
    #expect(w.screenText.contains("详情 \(first.code) \(first.name)"))
    w.press(.character("j"), .character("j"))
    let now = try #require(w.state.selectedRow?.node)
    #expect(now.id != first.id)
    #expect(w.screenText.contains("详情 \(first.code) \(first.name)"))
    #expect(w.settle())
    #expect(w.screenText.contains("详情 \(now.code) \(now.name)"))
    #expect(!w.settle())
}

/// Lists scroll by half a page when the cursor leaves the view, and jumps far away land in view.
@Test func listsScrollByHalfAPage() {
    var p = ListPosition()
    for _ in 0..<10 { p.move(by: 1, count: 100); p.scroll(height: 10, count: 100) }
    #expect(p.cursor == 10 && p.top == 5)
    for _ in 0..<4 { p.move(by: 1, count: 100); p.scroll(height: 10, count: 100) }
    #expect(p.top == 5)
    p.move(by: 1, count: 100); p.scroll(height: 10, count: 100)
    #expect(p.cursor == 15 && p.top == 10)
    p.set(99, count: 100); p.scroll(height: 10, count: 100)
    #expect(p.top == 90)
    p.set(0, count: 100); p.scroll(height: 10, count: 100)
    #expect(p.top == 0)
    p.set(50, count: 100); p.scroll(height: 10, count: 100)
    #expect(p.cursor >= p.top && p.cursor < p.top + 10)
    p.move(by: -1, count: 100); p.scroll(height: 10, count: 100)
    #expect(p.cursor >= p.top && p.cursor < p.top + 10)
}
