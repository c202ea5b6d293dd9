import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 9 §5 on screen, at 80×24 and 160×48: each due figure beside its own date, one look for
/// an incomplete total, whose grade it is, which unit the status line describes, the filter in
/// force, sample dossiers marked, choice fields showing their selection, long messages whole.
@Suite(.serialized) struct TruthOnScreenTests {
    static func lines(_ w: Workstation) -> [String] {
        let buffer = Renderer.render(w.state)
        return (0..<buffer.height).map { buffer.line($0) }
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func aLongTermItemShowsItsDeadlineAndItsNextCheckEachWithItsOwnDays(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        ReviewWorkflowTests.open(w, "heshan")
        w.press(.tab)
        let item = try #require(w.state.items.first { $0.status == .longTerm })
        let due = Deadlines.due(item, today: w.state.today)
        let next = try #require(due.nextCheck)
        let nextText = try #require(due.nextCheckText)
        #expect(due.deadlineText != nextText, "the sample should tell the two apart")
        let row = try #require(Self.lines(w).first { $0.contains(item.deadline.description) })
        // The deadline's own figure right after it; the next check's after its date.
        #expect(row.contains("\(item.deadline) \(due.deadlineText)"), "\(row)")
        #expect(row.contains("\(next) \(nextText)"), "\(row)")
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
        // The detail says it in words.
        while w.state.selectedItem?.id != item.id { w.press(.character("j")) }
        let detail = DetailArea.content(w.state).paragraphs.joined(separator: "\n")
        #expect(detail.contains("整改时限 \(item.deadline) \(due.deadlineText)"), "\(detail)")
        #expect(detail.contains("下次检查 \(next) \(nextText)"))
        assertSnapshot(Renderer.render(w.state).text, named: "items-long-term-\(width)x\(height)")
    }

    @Test func incompleteLooksTheSameInTheListTheSheetItsHeadingsAndTheDetail() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: 160, height: 48)
        ReviewWorkflowTests.open(w, "huangtukuang")
        let scored = try #require(w.state.scored)
        let total = scored.total(.review)
        #expect(!total.complete && total.text.hasPrefix("~"))
        let lines = Self.lines(w)
        // The unit list and the scoresheet title show the same text for the total.
        #expect(lines.contains { $0.contains("黄土矿镇政府") && $0.contains(total.text) })
        #expect(lines.contains { $0.contains("评分表") && $0.contains("复核 \(total.text)") })
        // Every heading with unscored rows: "~" in the 复核 and 建议 columns alike.
        let d = try #require(w.state.dossier)
        let heading = try #require(w.state.sheetRows.first { !$0.isLeaf && !scored.score($0.node.id, .suggested).complete && scored.score($0.node.id, .suggested).value != nil })
        let cells = ScoresheetView.cells(heading, dossier: d, scored: scored)
        #expect(cells[6] == scored.score(heading.node.id, .suggested).text && cells[6].hasPrefix("~"), "\(cells)")
        // The unit detail names what "~" means.
        w.press(.backTab)
        w.settle()
        #expect(Self.lines(w).joined().contains(Rollup.incompleteLegend.prefix(20)))
    }

    @Test func theGradeColumnSaysWhoseGradeItIs() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: 160, height: 48)
        let lines = Self.lines(w)
        #expect(lines.contains { $0.contains("xxx区扶贫办") && $0.contains("优（复核）") })
        #expect(lines.contains { $0.contains("黄土矿镇政府") && $0.contains("优（自评）") })
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func theStatusLineNamesTheUnitItDescribes(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        ReviewWorkflowTests.open(w, "fupin")
        w.press(.backTab)
        // The cursor moves to another unit; the status line still describes 扶贫办, by name.
        w.press(.character("g"))
        #expect(w.state.selectedUnit?.dossierID != w.state.dossier?.id)
        let status = try #require(Self.lines(w).last)
        #expect(status.contains("xxx区扶贫办 待确认"), "\(status)")
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func theFilterInForceIsAlwaysShown(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        w.press(.character("t"), .character("o"), .character("x"))
        let filter = FilterText.describe(w.state[UnitsPane.self].filter)
        #expect(filter == "筛选:项目支出·有提示·有逾期")
        // A later message replaces the status line's description; the pane title keeps it.
        w.press(.character("j"))
        let lines = Self.lines(w)
        #expect(lines[0].contains("筛选:项目"), "\(lines[0])")
        #expect(lines.last?.contains(filter) == true, "\(lines.last ?? "")")
    }

    @Test func theStatusFilterReachesNotStarted() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: 160, height: 48)
        let all = w.state.units
        let notStarted = all.filter { $0.reviewStatus == nil }
        #expect(!notStarted.isEmpty && notStarted.count < all.count)
        w.press(.character("s"))
        #expect(FilterText.describe(w.state[UnitsPane.self].filter) == "筛选:未开始")
        #expect(Set(w.state.units.map(\.dossierID)) == Set(notStarted.map(\.dossierID)))
        #expect(Self.lines(w)[0].contains("筛选:未开始"))
        // Then each review status, then everything again.
        w.press(.character("s"))
        #expect(w.state[UnitsPane.self].filter.reviewStatus == .draft && !w.state[UnitsPane.self].filter.notStartedOnly)
        w.press(.character("s"), .character("s"), .character("s"))
        #expect(w.state[UnitsPane.self].filter == UnitFilter())
        #expect(w.state.units.count == all.count)
    }

    @Test func samplesAreMarkedInTheUnitList() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: 160, height: 48)
        #expect(Self.lines(w)[0].contains("单位 (11) 均为[示例]"))
        // A list mixing samples and real units marks each sample row.
        let units = w.state.units
        var pane = w.state[UnitsPane.self]
        #expect(pane.samples == 11 && pane.total == 11 && !UnitListView.marksRows(pane))
        pane.samples = 10
        #expect(UnitListView.marksRows(pane))
        #expect(UnitListView.cells(units[1], marked: true)[0].hasPrefix("[示例]"))
        var real = units[0]
        real.isSample = false
        #expect(!UnitListView.cells(real, marked: true)[0].hasPrefix("[示例]"))
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func lesson4ShowsTheFindingItWillLinkSelected(width: Int, height: Int) throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let w = demo.workstation(width: width, height: height, lesson: 4)
        w.play([.type("/yueyang"), .keys(["Enter", "Enter", "Tab", "c"])])
        let form = try #require(w.state.overlay as? FormState)
        #expect(form.index("finding") == 0, "the default is finding 1, the one without an item")
        let buffer = Renderer.render(w.state)
        #expect(ScreenTests.widthsFit(buffer))
        #expect(buffer.text.contains("[1. 政务中心提质改造项目"))
        assertSnapshot(buffer.text, named: "lesson4-item-form-\(width)x\(height)")
        // Saved as it is shown, the item hangs on finding 1 and the lesson ends.
        w.play([.keys(["Tab"]), .type("对新添置的食堂设施设备补办政府采购手续"), .keys(["Tab", "Tab", "Tab"]), .type("张某"), .keys(["C-s"])])
        #expect(w.state.items.last?.findingID == "F-YYX-01")
        #expect(w.screenText.contains("已完成 ✓"))
    }

    @Test func lesson5ShowsTheNewEvidenceChoice() throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let w = demo.workstation(width: 80, height: 24, lesson: 5)
        w.play([.type("/yueyang"), .keys(["Enter", "Enter", "Tab", "s"])])
        #expect(w.screenText.contains("[（新增佐证材料）]"))
    }

    @Test func theItemEditFormChangesTheFindingLinkAndTheType() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        ReviewWorkflowTests.open(w, "heshan")
        w.press(.tab)
        let item = try #require(w.state.selectedItem)
        let d = try #require(w.state.dossier)
        let findings = d.findings.sorted { $0.seq < $1.seq }
        #expect(findings.count > 1, "the sample should offer another finding")
        w.press(.character("e"))
        let form = try #require(w.state.overlay as? FormState)
        // Opened on the item's own finding and type, shown selected.
        #expect(findings[form.index("finding")].id == item.findingID)
        #expect(RectType.allCases[form.index("type")] == item.rectType)
        #expect(!form.isDirty)
        let other = (form.index("finding") + 1) % findings.count
        let type: RectType = item.rectType == .immediate ? .deadline : .immediate
        w.press(.tab, .right, .tab)   // → wraps to the first finding after the last
        while RectType.allCases[(w.state.overlay as? FormState)?.index("type") ?? 0] != type { w.press(.right) }
        w.press(.ctrl("s"))
        #expect(w.state.overlay == nil, "\(w.state.message ?? "")")
        let saved = try #require(try s.store.dossier(id: d.id).items.first { $0.id == item.id })
        #expect(saved.findingID == findings[other].id)
        #expect(saved.rectType == type)
        #expect(saved.measure == item.measure && saved.status == item.status)
    }

    @Test func aChoiceOfShortOptionsShowsThemAllAndALongOneShowsTheSelectedWhole() {
        #expect(ChoiceText.lines(["立行立改", "限期整改", "持续整改"], index: 1, focused: false, width: 40) == ["立行立改 [限期整改] 持续整改"])
        let long = ["1. 第一个很长的问题描述" + String(repeating: "甲", count: 30), "2. 第二个", "3. 第三个问题描述在最后"]
        let last = ChoiceText.lines(long, index: 2, focused: true, width: 40)
        #expect(last == ["◀ [3. 第三个问题描述在最后] 3/3 ▶"])
        let first = ChoiceText.lines(long, index: 0, focused: false, width: 20)
        #expect(first.count == 2 && first.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(first.joined().hasSuffix("] 1/3"))
    }

    @Test func aLongMessageIsReadWholeAt80x24() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        ReviewWorkflowTests.open(w, "heshan")
        w.press(.character("S"))
        let message = try #require(w.state.message)
        #expect(DisplayWidth.of(message) > 80, "the blocked submit's message should be long")
        let buffer = Renderer.render(w.state)
        let bottom = (buffer.height - 4..<buffer.height).map { buffer.line($0) }.joined()
        let shown = bottom.filter { !$0.isWhitespace }
        #expect(shown.contains(message.filter { !$0.isWhitespace }), "\(bottom)")
        assertSnapshot(buffer.text, named: "long-message-80x24")
        // The message log keeps it whole after the next key.
        w.press(.character("j"), .character("z"))
        let log = try #require(w.state.overlay as? TextBox)
        #expect(log.paragraphs.contains(message))
    }

    @Test func aRefusalTallerThanTheScreenScrolls() throws {
        var state = AppState(width: 80, height: 24, actor: Actor(name: "王某", role: .leader), storeLabel: StoreLabel(name: "t", kind: "main"),
                             today: SampleStore.today)
        let lines = (1...40).map { "第 \($0) 行：已被他人修改" }
        state.overlays = [OverlayEntry(id: 0, overlay: RefusalView(title: "未保存", lines: lines))]
        var text = Renderer.render(state).text
        #expect(text.contains("第 1 行") && !text.contains("第 40 行"))
        #expect(text.contains("/40 "), "no mark of the lines out of view")
        var view = try #require(state.overlay as? RefusalView)
        view.move(.last, in: state)
        state.overlays = [OverlayEntry(id: 0, overlay: view)]
        text = Renderer.render(state).text
        #expect(text.contains("第 40 行"))
    }

    @Test func lessonExplanationsAreNotCutAt80x24() throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let w = demo.workstation(width: 80, height: 24, lesson: 4)
        w.play([.type("/yueyang"), .keys(["Enter", "Enter", "Tab", "c", "Right", "Tab"]), .type("对新添置的食堂设施设备补办政府采购手续"),
                .keys(["Tab", "Tab", "Tab"]), .type("张某"), .keys(["C-s"])])
        // The item went to another finding: the mistake's explanation is shown whole.
        let lesson = try #require(w.state.training?.lesson)
        guard case .mistake(let explanation) = lesson.note else { Issue.record("no mistake: \(lesson.note)"); return }
        let screen = w.screenText.filter { !$0.isWhitespace }
        #expect(screen.contains(("✗ " + explanation).filter { !$0.isWhitespace }), "\(w.screenText)")
        #expect(screen.contains(lesson.steps[lesson.current].filter { !$0.isWhitespace }))
    }

    @Test func timesAreShownInBeijingTime() {
        #expect(ChangeText.minute("2026-11-23T02:02:03Z") == "2026-11-23 10:02")
        #expect(ChangeText.minute("2026-11-23T10:02:03.123+08:00") == "2026-11-23 10:02")
        #expect(ChangeText.minute("2026-11-23T18:30:00-05:00") == "2026-11-24 07:30")
    }
}
