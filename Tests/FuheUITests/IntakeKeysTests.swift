import Foundation
import Testing
import FuheCore
import FuheStore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// The intake queue and a draft confirmed by keys, in process against a real store: every key
/// stores what it says (one journalled decision each), and every refusal comes from the draft's
/// rule in FuheCore with the store unchanged.
@Suite(.serialized) struct IntakeKeysTests {
    @Test func queueListsTheDraftsWithTypeTemplateAndReadiness() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation()
        #expect(w.state.message?.contains("待确认报告 7 篇") == true, "start says drafts wait")
        w.press(.character("i"))
        let page = try #require(w.state.overlay as? IntakeQueuePage)
        #expect(page.entries.count == 7 && page.entries.allSatisfy { !$0.ready })
        let jianghua = page.entries[IntakeFixture.jianghua]
        #expect(jianghua.unitName == "县政务服务中心" && jianghua.year == "20xx" && jianghua.evalType == .deptOverall)
        let cells = IntakeQueuePage.cells(jianghua)
        #expect(cells.contains("T4（0.97）") && cells.contains("0/28") && cells.contains("待确认 28 项"))
        #expect(w.screenText.contains("待确认报告 7 篇"))
        w.press(.escape)
        #expect(w.state.overlay == nil)
    }

    @Test func acceptStoresTheDecisionAndMovesOn() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation()
        let page = try f.open(IntakeFixture.jianghua, in: w)
        #expect(page.selected?.id == "unit", "the page opens on the first value in the way")
        let journal = try f.store.journalCount()
        w.press(.character("a"))
        #expect(try f.stored(IntakeFixture.jianghua).unit.decision == .accepted)
        #expect(try f.store.journalCount() == journal + 1)
        #expect(w.draftPage?.selected?.id == "year")
        #expect(w.draftPage?.rows.first?.decision == .accepted)
        #expect(w.state.message?.contains("已确认：单位") == true)
        // Accepting a value the reader did not find is refused by the draft's rule.
        w.press(.character("a"))
        #expect(try f.stored(IntakeFixture.jianghua).year.decision == .pending)
        #expect(w.state.messageIsError && w.state.message?.contains("原文中未找到此项") == true)
        #expect(try f.store.journalCount() == journal + 1)
    }

    @Test func correctionIsPrefilledAndABadNumberIsRefused() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation()
        _ = try f.open(IntakeFixture.jianghua, in: w)
        w.selectValue("year")
        w.press(.enter)
        var box = try #require(w.state.overlay as? IntakeCorrection)
        #expect(box.editor.text.isEmpty, "20xx is not a value to keep")
        w.type("20xx")
        w.press(.enter)
        box = try #require(w.state.overlay as? IntakeCorrection, "a refused correction keeps the box open")
        #expect(box.error?.contains("不是年度") == true)
        #expect(try f.stored(IntakeFixture.jianghua).year.decision == .pending)
        w.press(.ctrl("u"))
        w.type("2021")
        w.press(.enter)
        #expect(w.state.overlay is DraftPage)
        #expect(try f.stored(IntakeFixture.jianghua).year.decision == .corrected("2021"))
        #expect(w.draftPage?.selected?.id == "eval_type", "a correction moves on too")
        // A score: prefilled with the printed score, a non-score refused.
        w.selectValue("indicator.2")
        w.press(.enter)
        box = try #require(w.state.overlay as? IntakeCorrection)
        #expect(box.editor.text == "10")
        w.press(.ctrl("u"))
        w.type("1O")
        w.press(.enter)
        #expect((w.state.overlay as? IntakeCorrection)?.error?.contains("不是分数") == true)
        w.press(.escape)
        #expect(try f.stored(IntakeFixture.jianghua).indicators[1].decision == .pending)
        #expect(w.screenText.contains("已取消") || w.state.message?.contains("已取消") == true)
    }

    @Test func absentMarksAValueNotInTheReport() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation()
        _ = try f.open(IntakeFixture.jianghua, in: w)
        w.selectValue("figure.4")
        w.press(.character("x"))
        #expect(try f.stored(IntakeFixture.jianghua).figures[3].decision == .absent)
        #expect(w.draftPage?.rows.first { $0.id == "figure.4" }.map(DraftRows.decisionText) == "原文未载")
        // The unit marked absent stands in the way: a dossier needs a unit.
        w.selectValue("unit")
        w.press(.character("x"))
        #expect(w.draftPage?.readiness?.blockers.contains { $0.valueID == "unit" && $0.message.contains("已标记原文未载") } == true)
    }

    @Test func remappingIsAChoiceCheckedByTheRule() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation()
        _ = try f.open(IntakeFixture.jianghua, in: w)
        w.selectValue("indicator.4")
        w.press(.character("m"))
        let choice = try #require(w.state.overlay as? IntakeChoice)
        let t4 = try #require(try f.store.templates().first { $0.id == "T4" })
        #expect(choice.options.count == t4.nodes.count + 1)
        #expect(choice.options[choice.position.cursor].value == "1.1.2", "the cursor starts on the node it maps to")
        // 1.1.1 is taken by 在职人员控制率: refused with the reason, nothing stored.
        w.press(.character("k"))
        #expect((w.state.overlay as? IntakeChoice)?.options[(w.state.overlay as? IntakeChoice)?.position.cursor ?? 0].value == "1.1.1")
        w.press(.enter)
        #expect((w.state.overlay as? IntakeChoice)?.error?.contains("已对应") == true)
        #expect(try f.stored(IntakeFixture.jianghua).indicators[3].node == "1.1.2")
        // None: the score then stands in the way until mapped or marked absent.
        w.press(.character("G"), .enter)
        #expect(w.state.overlay is DraftPage)
        #expect(try f.stored(IntakeFixture.jianghua).indicators[3].node == nil)
        w.press(.character("a"))
        #expect(w.draftPage?.readiness?.blockers.contains { $0.valueID == "indicator.4" && $0.message.contains("未对应模板指标") } == true)
        // Back to 1.1.2, chosen from the list.
        w.selectValue("indicator.4")
        w.press(.character("m"))
        let again = try #require(w.state.overlay as? IntakeChoice)
        let target = try #require(again.options.firstIndex { $0.value == "1.1.2" })
        w.press(.character("g"))
        for _ in 0..<target { w.press(.character("j")) }
        w.press(.enter)
        let stored = try f.stored(IntakeFixture.jianghua).indicators[3]
        #expect(stored.node == "1.1.2" && stored.match == .chosen)
        // Only a score maps to a node, and only once a template stands.
        w.selectValue("unit")
        w.press(.character("m"))
        #expect(w.state.message?.contains("只有指标得分") == true)
        w.selectValue("template")
        w.press(.character("x"))
        w.selectValue("indicator.2")
        w.press(.character("m"))
        #expect(w.state.overlay is DraftPage && w.state.message?.contains("请先确定模板") == true)
    }

    @Test func acceptAllListsHowManyAndAsks() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation()
        _ = try f.open(IntakeFixture.jianghua, in: w)
        w.press(.character("A"))
        let confirm = try #require(w.state.overlay as? IntakeConfirm)
        #expect(confirm.lines[0].contains("将确认 51 项"))
        #expect(confirm.lines[1].contains("得分 23") && confirm.lines[1].contains("数字 18"))
        #expect(confirm.lines[2].contains("仍须处理 1 项") && confirm.lines[2].contains("年度"))
        w.press(.escape)
        #expect(try f.stored(IntakeFixture.jianghua).unit.decision == .pending, "cancelled: nothing stored")
        w.press(.character("A"), .enter)
        let d = try f.stored(IntakeFixture.jianghua)
        #expect(d.unit.decision == .accepted && d.indicators.filter { $0.score != nil }.allSatisfy { $0.decision == .accepted })
        #expect(d.year.decision == .pending)
        #expect(w.state.message?.contains("还差 1 项") == true)
    }

    @Test func convertIsRefusedUntilReadyThenOpensTheDossier() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation()
        _ = try f.open(IntakeFixture.jianghua, in: w)
        w.press(.character("A"), .enter)
        w.press(.character("g"), .character("C"))
        #expect(w.state.messageIsError && w.state.message?.contains("还不能生成卷宗：还差 1 项。年度") == true)
        #expect(w.draftPage?.selected?.id == "year", "the key jumps to what is missing")
        #expect(try f.store.dossierIDs().isEmpty)
        w.press(.enter)
        w.type("2021")
        w.press(.enter, .character("C"))
        let confirm = try #require(w.state.overlay as? IntakeConfirm)
        #expect(confirm.lines[0].contains("县政务服务中心 · 2021 年度"))
        w.press(.enter)
        let id = try #require(try f.store.dossierIDs().first)
        #expect(w.state.overlays.isEmpty && w.state.dossier?.id == id && w.state.focus == .sheet)
        #expect(w.state.dossier?.results["T4-2.1"]?.selfScore == Score("20"))
        #expect(w.state.message?.contains("已生成卷宗 \(id)") == true)
        #expect(w.state.units.contains { $0.dossierID == id })
        // The queue no longer lists it; with closed drafts it says where it went and opens it.
        w.press(.tab, .tab, .character("i"))
        let queue = try #require(w.state.overlay as? IntakeQueuePage)
        #expect(queue.entries.count == 6)
        w.press(.character("c"))
        let all = try #require(w.state.overlay as? IntakeQueuePage)
        #expect(all.entries.first { $0.id == f.drafts[IntakeFixture.jianghua].id }?.dossierID == id)
    }

    @Test func templateIsChosenFromTheListAndCheckedAgainstTheType() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation()
        _ = try f.open(IntakeFixture.suining, in: w)
        w.selectValue("template")
        w.press(.enter)
        let choice = try #require(w.state.overlay as? IntakeChoice)
        #expect(choice.options.first?.note.contains("吻合度") == true, "the reader's candidates come first")
        // A project template for a 部门整体支出 report is refused.
        let t1 = try #require(choice.options.firstIndex { $0.value == "T1" })
        w.press(.character("g"))
        for _ in 0..<t1 { w.press(.character("j")) }
        w.press(.enter)
        #expect((w.state.overlay as? IntakeChoice)?.error?.contains("不符") == true)
        let t3 = try #require(choice.options.firstIndex { $0.value == "T3" })
        w.press(.character("g"))
        for _ in 0..<t3 { w.press(.character("j")) }
        w.press(.enter)
        #expect(try f.stored(IntakeFixture.suining).template.decision == .corrected("T3"))
        #expect(w.draftPage?.rows.first { $0.id == "template" }?.corrected?.hasPrefix("T3") == true)
    }

    @Test func discardSetsADraftAsideAfterAsking() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation()
        w.press(.character("i"), .character("D"))
        #expect(w.state.overlay is IntakeConfirm)
        w.press(.character("y"))
        #expect((w.state.overlay as? IntakeQueuePage)?.entries.count == 6)
        #expect(try f.store.intakeQueue(includeClosed: true).first?.status == .discarded)
    }

    @Test func aSandboxWithoutAQueueSaysSo() throws {
        let w = Workstation(runner: nil, actor: Actor(name: "王某"), storeLabel: StoreLabel(name: "x", kind: "main"),
                            clock: FixedClock(day: SampleStore.today), width: 80, height: 24)
        w.press(.character("i"))
        guard case .intake(.queue(false, false))? = w.pending.first else { Issue.record("\(w.pending)"); return }
        w.receive(.intakeDone(.queue(includeClosed: false), .queue([])))
        #expect(w.screenText.contains("队列中没有草稿"))
    }
}
