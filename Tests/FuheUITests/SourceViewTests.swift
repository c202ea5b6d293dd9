import Foundation
import Testing
import FuheCore
import FuheStore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// The 原文 view by keys: one key from a scoresheet row to the passage that printed its score and
/// back, search by Chinese, pinyin initials and 繁体, the arithmetic that does not add up recorded
/// as findings, and a dossier imported from JSON saying it has no text.
@Suite(.serialized) struct SourceViewTests {
    /// 004 #3 (江华) confirmed through the store and converted; a workstation opened on it.
    static func jianghua(_ f: IntakeFixture, width: Int = 80, height: Int = 24) throws -> (Workstation, String) {
        let id = f.drafts[IntakeFixture.jianghua].id
        try f.store.decideIntakeValue(draftID: id, valueID: "year", decision: .corrected("2021"), actor: "李审")
        try f.store.acceptAllIntakeValues(draftID: id, actor: "李审")
        let dossier = try f.store.convertIntakeDraft(draftID: id, actor: "李审")
        let w = f.workstation(width: width, height: height)
        #expect(w.state.dossier?.id == dossier)
        return (w, dossier)
    }

    /// Selects a scoresheet row by its node id (search by code).
    static func selectRow(_ w: Workstation, code: String, id: String) {
        w.press(.tab)
        #expect(w.state.focus == .sheet)
        w.press(.character("/"))
        w.type(code + " ")
        w.press(.enter)
        #expect(w.state.selectedRow?.node.id == id)
    }

    var page: (Workstation) -> SourcePage? { { $0.state.overlay as? SourcePage } }

    @Test func oneKeyJumpsFromARowToItsPassageAndBack() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let (w, dossier) = try Self.jianghua(f)
        let source = try #require(try f.store.reportSource(dossierID: dossier))
        Self.selectRow(w, code: "2.1", id: "T4-2.1")
        w.press(.character("y"))
        var p = try #require(page(w))
        #expect(p.loaded && p.side == .text)
        #expect(source.firstLine + p.cursor.line == 235, "预算执行得20分 is printed on line 235")
        #expect(p.focus == source.spans(forRow: "T4-2.1"))
        #expect(w.screenText.contains("235") && w.screenText.contains("预算执行得20分"))
        // Back: the same key on the passage selects the row it printed.
        w.press(.character("j"), .character("k"), .character("y"))
        p = try #require(page(w))
        #expect(w.state.selectedRow?.node.id == "T4-2.1" && p.side == .sheet)
        // On the scoresheet side the scoresheet's keys work: move to 1.1.1 and jump to its passage.
        w.press(.character("/"))
        w.type("在职人员")
        w.press(.enter)
        #expect(w.state.selectedRow?.node.id == "T4-1.1.1")
        w.press(.character("y"))
        p = try #require(page(w))
        #expect(p.side == .text && source.firstLine + p.cursor.line == 231)
        w.press(.character("y"))
        #expect(w.state.selectedRow?.node.id == "T4-1.1.1", "line 231 prints three rows: the one jumped from is kept")
        // A line that prints no score says so.
        w.press(.tab, .character("g"), .character("y"))
        #expect(w.state.message?.contains("没有评分表所用的得分") == true)
        #expect(page(w)?.side == .text)
        // Esc closes the view on the scoresheet.
        w.press(.escape)
        #expect(w.state.overlay == nil && w.state.focus == .sheet)
    }

    @Test func searchFindsByPinyinInitialsAndTraditionalCharacters() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let (w, dossier) = try Self.jianghua(f)
        let source = try #require(try f.store.reportSource(dossierID: dossier))
        w.press(.character("y"))
        w.press(.character("/"))
        #expect(page(w)?.keys?.count == source.lines.count, "search keys are built once, one per line")
        w.type("zfcgzxl")
        var p = try #require(page(w))
        let line = try #require(p.match?.line)
        #expect(String(source.lines[line]).contains("政府采购执行率"))
        #expect(p.cursor.line == line)
        w.press(.enter)
        #expect(page(w)?.query == "zfcgzxl" && page(w)?.search == nil)
        // 繁体 finds 简体.
        w.press(.character("g"), .character("/"))
        w.type("預算執行")
        w.press(.enter)
        p = try #require(page(w))
        let first = try #require(p.match?.line)
        #expect(String(source.lines[first]).contains("预算执行"))
        w.press(.character("n"))
        let second = try #require(page(w)?.match?.line)
        #expect(second > first && String(source.lines[second]).contains("预算执行"))
        w.press(.character("N"))
        #expect(page(w)?.match?.line == first)
        // Esc while typing returns to where the search began.
        let before = try #require(page(w)?.cursor)
        w.press(.character("/"))
        w.type("zfcg")
        w.press(.escape)
        #expect(page(w)?.cursor == before && page(w)?.search == nil)
        // Nothing found says so.
        w.press(.character("/"))
        w.type("xyzxyz")
        w.press(.enter)
        #expect(w.state.message?.contains("没有找到") == true)
    }

    @Test func aDossierImportedFromJSONSaysItHasNoText() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        #expect(w.state.dossier != nil)
        w.press(.character("y"))
        #expect(page(w)?.loaded == true && page(w)?.source == nil)
        #expect(w.screenText.contains("此卷宗由 JSON 导入，没有原文"))
        w.press(.character("/"), .character("j"), .character("y"))
        #expect(w.state.overlay is SourcePage, "keys do nothing harmful without a text")
    }

    @Test func arithmeticThatDoesNotAddUpBecomesAFinding() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        // 004 #4 (霞山): 474 stated against 161+94+214.
        let id = f.drafts[5].id
        try f.store.decideIntakeValue(draftID: id, valueID: "year", decision: .corrected("2021"), actor: "李审")
        try f.store.decideIntakeValue(draftID: id, valueID: "template", decision: .corrected("T3"), actor: "李审")
        try f.store.acceptAllIntakeValues(draftID: id, actor: "李审")
        let dossier = try f.store.convertIntakeDraft(draftID: id, actor: "李审")
        let w = f.workstation()
        w.press(.character("y"), .character("s"))
        let list = try #require(w.state.overlay as? SuggestionList)
        #expect(list.suggestions.count == 1 && list.suggestions[0].ruleCode == "D-001")
        // y shows it in the text.
        w.press(.character("y"))
        let p = try #require(page(w))
        #expect(p.source.map { $0.firstLine + p.cursor.line } == 365)
        w.press(.character("s"), .enter)
        var d = try f.store.dossier(id: dossier)
        let finding = try #require(d.findings.first)
        #expect(finding.origin == .autoCheck && finding.ruleCode == "D-001" && finding.basis == "原文第365行（D-001）")
        #expect(finding.amountInvolved == Money(wanYuan: "5"))
        #expect(d.review?.status == .draft, "the first record starts the review")
        #expect(w.state.message?.contains("已登记问题 1") == true)
        w.press(.enter)
        d = try f.store.dossier(id: dossier)
        #expect(d.findings.count == 1 && w.state.message?.contains("不重复登记") == true)
        #expect(w.screenText.contains("已登记为问题 1"))
        // u undoes it like any edit.
        w.press(.escape, .escape, .character("u"))
        #expect(try f.store.dossier(id: dossier).findings.isEmpty)
    }

    @Test func aLongLineWrapsByDisplayWidthAndTheCursorMovesByRows() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let id = f.drafts[IntakeFixture.miluo].id
        try f.store.acceptAllIntakeValues(draftID: id, actor: "李审")
        let dossier = try f.store.convertIntakeDraft(draftID: id, actor: "李审")
        let source = try #require(try f.store.reportSource(dossierID: dossier))
        let long = try #require(source.lines.indices.max { source.lines[$0].count < source.lines[$1].count })
        #expect(source.lines[long].count > 3000)
        for (width, height) in [(80, 24), (250, 70)] {
            let w = f.workstation(width: width, height: height)
            w.press(.character("y"), .character("G"))
            var p = try #require(page(w))
            #expect(p.cursor.line == source.lines.count - 1)
            // To the long line's first row, then down one row: same line, further on.
            while (page(w)?.cursor.line ?? 0) > long || (page(w)?.cursor.offset ?? 0) > 0 { w.press(.character("k")) }
            p = try #require(page(w))
            #expect(p.cursor == TextPlace(line: long, offset: 0))
            w.press(.character("j"))
            p = try #require(page(w))
            #expect(p.cursor.line == long && p.cursor.offset > 0)
            let rowWidth = DisplayWidth.of(String(String(source.lines[long]).unicodeScalars.prefix(p.cursor.offset).map(Character.init)))
            #expect(rowWidth <= SourcePage.areas(w.state).textWidth && rowWidth >= SourcePage.areas(w.state).textWidth - 1)
            #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
            // Page down and up come back to the same row (at 80×24 the line is many pages long).
            if width == 80 {
                w.press(.pageDown)
                #expect(page(w)?.cursor.line == long && (page(w)?.cursor.offset ?? 0) > p.cursor.offset)
                w.press(.pageUp)
                #expect(page(w)?.cursor == p.cursor)
            }
        }
    }
}
