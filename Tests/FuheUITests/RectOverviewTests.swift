import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 13 item 5 by keys: every unit's items with views, filters, ageing and escalation
/// candidates; acting on an item from the page; 约谈/通报/问责 recorded and journaled.
@Suite struct RectOverviewTests {
    /// Every item of the store with its dossier, from whole dossiers (an independent count).
    static func allItems(_ s: SampleStore) throws -> [(Dossier, RectificationItem)] {
        try s.store.dossierIDs().flatMap { id -> [(Dossier, RectificationItem)] in
            let d = try s.store.dossier(id: id)
            return d.items.map { (d, $0) }
        }
    }

    /// Beside the deadline only days counted to it: a 持续整改 item shows the days to its next
    /// check named as such, as the items pane does (`Deadlines.due`), and its detail line both.
    @Test func aLongTermItemShowsTheDaysToItsCheckNamedAsSuch() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let (d, item) = try #require(try Self.allItems(s).first { $0.1.status == .longTerm && $0.1.nextCheckOn != nil })
        let row = RectRow(ItemDigest(item, in: d), today: SampleStore.today)
        let due = Deadlines.due(item, today: SampleStore.today)
        let cells = RectOverviewPage.cells(row)
        #expect(cells[6] == item.deadline.description)
        #expect(cells[7] == "检查" + (due.nextCheckText ?? "?"), "\(cells)")
        #expect(row.due == due)
        let open = try #require(try Self.allItems(s).first { $0.1.status == .inProgress })
        #expect(RectOverviewPage.cells(RectRow(ItemDigest(open.1, in: open.0), today: SampleStore.today))[7]
                == Deadlines.due(open.1, today: SampleStore.today).deadlineText)
    }

    @Test func everyOverdueItemInTheProvinceWithItsAgeing() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        w.press(.character("O"))
        let page = try #require(w.state.overlay as? RectOverviewPage)
        let all = try Self.allItems(s)
        #expect(page.rows.count == all.count)
        let overdue = all.filter { Deadlines.state(of: $0.1, today: SampleStore.today).isOverdue }
        #expect(overdue.count == w.state.units.reduce(0) { $0 + $1.overdueItems })
        #expect(overdue.count >= 5)
        w.press(.character("2"))
        let shown = try #require(w.state.overlay as? RectOverviewPage)
        #expect(Set(shown.shown.map { shown.rows[$0].item.itemID + "@" + shown.rows[$0].item.dossierID }) == Set(overdue.map { $0.1.id + "@" + $0.0.id }))
        #expect(w.screenText.contains("整改总览 · 逾期（\(overdue.count)/\(all.count)）"))
        // Ageing buckets partition the overdue items.
        var inBuckets = 0
        for bucket in AgeingBucket.allCases {
            w.press(.character("A"))
            let p = try #require(w.state.overlay as? RectOverviewPage)
            #expect(p.filter.bucket == bucket)
            #expect(p.shown.allSatisfy { AgeingBucket.of(daysOverdue: p.rows[$0].state.daysOverdue) == bucket })
            inBuckets += p.shown.count
        }
        #expect(inBuckets == overdue.count)
        // Sorted by days overdue, most overdue first.
        w.press(.character("A"))
        for _ in 0..<8 where (w.state.overlay as? RectOverviewPage)?.sort?.column != "逾期" { w.press(.character(">")) }
        let sorted = try #require(w.state.overlay as? RectOverviewPage)
        let days = sorted.shown.map { sorted.rows[$0].state.daysOverdue }
        #expect(days == days.sorted(by: >))
    }

    @Test func filtersByStatusTypeAndResponsibleUnit() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        w.press(.character("O"), .character("S"))
        var p = try #require(w.state.overlay as? RectOverviewPage)
        #expect(p.shown.allSatisfy { p.rows[$0].item.status.isOpen })
        w.press(.character("S"))
        p = try #require(w.state.overlay as? RectOverviewPage)
        #expect(p.shown.allSatisfy { p.rows[$0].item.status == .pending })
        w.press(.character("c"), .character("Y"))
        p = try #require(w.state.overlay as? RectOverviewPage)
        #expect(p.shown.allSatisfy { p.rows[$0].item.rectType == .immediate })
        w.press(.character("c"), .character("j"), .character("j"), .character("R"))
        p = try #require(w.state.overlay as? RectOverviewPage)
        let unit = try #require(p.filter.respUnit)
        #expect(p.shown.allSatisfy { p.rows[$0].item.respUnit == unit })
        #expect(!p.shown.isEmpty)
        // The choice is remembered for the next run.
        #expect(w.preferences.pages?["overview"]?.filters["resp_unit"] == unit)
    }

    @Test func escalationCandidatesAnInterviewAndProgressFromThePage() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        w.press(.character("O"), .character("4"))
        // Lower the bar: overdue beyond 0 days, returned once, 10 days without progress.
        w.press(.character("N"), .ctrl("u"))
        w.type("0")
        w.press(.tab, .ctrl("u"))
        w.type("1")
        w.press(.tab, .ctrl("u"))
        w.type("10")
        w.press(.ctrl("s"))
        let p = try #require(w.state.overlay as? RectOverviewPage)
        #expect(p.thresholds == EscalationThresholds(overdueDays: 0, stalledDays: 10, returns: 1))
        #expect(!p.shown.isEmpty)
        #expect(p.shown.allSatisfy { !p.rows[$0].reasons.isEmpty })
        let target = try #require(p.selectedRow?.item)
        // 约谈 on it: its unit opens behind the page, the form asks kind, reason, whom.
        w.press(.character("E"))
        let form = try #require(w.state.overlay as? FormState)
        #expect(form.title.contains("约谈/通报/问责 · 事项 \(target.seq)"))
        #expect(w.state.dossier?.id == target.dossierID)
        w.press(.tab, .tab)
        w.type("经督促仍未提交整改材料")
        w.press(.ctrl("s"))
        #expect(w.state.overlay is RectOverviewPage, "\(w.state.message ?? "")")
        let stored = try #require(try s.store.dossier(id: target.dossierID).items.first { $0.id == target.itemID })
        #expect(stored.escalationRecords.count == 1)
        #expect(stored.escalationRecords.first?.kind == .interview)
        #expect(stored.escalationRecords.first?.reason == "逾期未整改：经督促仍未提交整改材料")
        #expect(stored.escalationRecords.first?.by == "王某")
        let journal = try s.store.journal(dossierID: target.dossierID, entity: "item", entityID: target.itemID, field: "escalations")
        #expect(journal.count == 1)
        // The page read its list again: the row says so.
        let after = try #require(w.state.overlay as? RectOverviewPage)
        #expect(after.selectedRow?.item.lastEscalation == .interview)
        #expect(after.selectedRow.map { RectOverviewPage.cells($0).last?.hasPrefix("已约谈") == true } == true)
        // Progress from the page, then undo of the interview is one key away (after Esc).
        w.press(.character("p"))
        w.type("已约谈责任人，承诺月底前完成")
        w.press(.ctrl("s"))
        let progressed = try #require(try s.store.dossier(id: target.dossierID).items.first { $0.id == target.itemID })
        #expect(progressed.progress.last?.text == "已约谈责任人，承诺月底前完成")
    }

    @Test func aWithdrawnItemIsNotEscalated() throws {
        let item = RectificationItem(id: "RI-1", findingID: "F-1", seq: 1, measure: "m", respUnit: "u", respPerson: "p",
                                     createdOn: CalendarDay("2026-01-01")!, deadline: CalendarDay("2026-02-01")!, status: .withdrawn)
        #expect(throws: RuleViolation.self) { try EscalationRules.record(.notice, reason: "逾期未整改", target: nil, on: item, by: Actor(name: "王某"), on: SampleStore.today) }
        var open = item
        open.status = .inProgress
        #expect(throws: RuleViolation.self) { try EscalationRules.record(.notice, reason: "  ", target: nil, on: open, by: Actor(name: "王某"), on: SampleStore.today) }
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func screens(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        w.press(.character("O"), .character("2"))
        assertSnapshot(w.screenText, named: "overview-overdue-\(width)x\(height)")
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
    }
}
