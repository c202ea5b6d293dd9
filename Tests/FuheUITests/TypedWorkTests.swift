import Foundation
import Testing
import FuheApp
import FuheCore
import FuheStore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 9 §1 in the workstation: a form with typed text never closes without asking (Esc, an
/// Esc read from an Alt key, Ctrl-C, a resize, another session's change), Ctrl-C quits at once
/// only when nothing is unsaved, and a paste that was changed says what was done.
@Suite struct TypedWorkTests {
    /// 赫山's items pane with item 1 selected and the progress form open with text typed.
    static func progressForm(_ s: SampleStore, width: Int = 80, height: Int = 24) -> Workstation {
        let w = s.workstation(width: width, height: height)
        ReviewWorkflowTests.open(w, "heshan")
        w.press(.tab, .character("p"))
        w.type("已制定整改方案")
        return w
    }

    static func progressOf(_ s: SampleStore) throws -> [ProgressEntry] {
        try s.store.dossier(id: "SE-HS-ZWZX-2021").items.first { $0.seq == 1 }?.progress ?? []
    }

    @Test func escOnATypedFormAsksAndNoKeepsEveryCharacter() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = Self.progressForm(s)
        let before = try Self.progressOf(s)
        w.press(.escape)
        let confirm = try #require(w.state.overlay as? ConfirmOverlay, "Esc closed the form without asking")
        #expect(confirm.question == "放弃已输入的内容？")
        #expect(w.screenText.contains("放弃已输入的内容？  y 放弃 / n 继续编辑"))
        // Keys other than y/n/Esc never answer it.
        w.press(.character("x"), .enter, .character(" "))
        #expect(w.state.overlay is ConfirmOverlay)
        w.press(.character("n"))
        let form = try #require(w.state.overlay as? FormState)
        #expect(form.value("text") == "已制定整改方案")
        // Esc on the confirmation is "no" too.
        w.press(.escape, .escape)
        #expect((w.state.overlay as? FormState)?.value("text") == "已制定整改方案")
        // y drops it: the form closes, nothing is stored.
        w.press(.escape, .character("y"))
        #expect(w.state.overlay == nil)
        #expect(w.state.message == "已取消，未保存")
        #expect(try Self.progressOf(s) == before)
    }

    @Test func escOnAnUntouchedFormClosesAtOnce() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        ReviewWorkflowTests.open(w, "heshan")
        w.press(.tab, .character("p"))
        #expect(w.state.overlay is FormState)
        w.press(.escape)
        #expect(w.state.overlay == nil)
        // A form opened with text in it (the item edit form) is untouched until something changes.
        w.press(.character("e"))
        let form = try #require(w.state.overlay as? FormState)
        #expect(!form.isDirty && !form.value("measure").isEmpty)
        w.press(.escape)
        #expect(w.state.overlay == nil)
    }

    @Test func aChangedChoiceAlsoAsks() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        ReviewWorkflowTests.open(w, "heshan")
        w.press(.character("f"))
        #expect(w.state.overlay is FormState)
        w.press(.right)   // the category
        w.press(.escape)
        #expect(w.state.overlay is ConfirmOverlay)
    }

    @Test func anAltKeyReadAsEscDoesNotDropTypedText() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = Self.progressForm(s)
        // Esc typed just before a letter arrives as Alt-x: it is Esc, which now asks.
        w.press(.alt("x"))
        #expect(w.state.overlay is ConfirmOverlay)
        w.press(.character("n"))
        #expect((w.state.overlay as? FormState)?.value("text") == "已制定整改方案")
    }

    @Test func ctrlCOverATypedFormAsksAndNoKeepsTheText() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = Self.progressForm(s)
        w.press(.ctrl("c"))
        #expect(!w.wantsQuit)
        let confirm = try #require(w.state.overlay as? ConfirmOverlay)
        #expect(confirm.lines.joined().contains("表单「登记整改进度 1」中已输入的内容"))
        // A second Ctrl-C does not answer it.
        w.press(.ctrl("c"))
        #expect(!w.wantsQuit && w.state.overlay is ConfirmOverlay)
        w.press(.character("n"))
        #expect((w.state.overlay as? FormState)?.value("text") == "已制定整改方案")
        w.press(.ctrl("c"), .character("y"))
        #expect(w.wantsQuit && w.quitByInterrupt)
    }

    @Test func ctrlCQuitsAtOnceWhenNothingIsUnsaved() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        w.press(.character("?"))     // an overlay that holds nothing typed
        w.press(.ctrl("c"))
        #expect(w.wantsQuit && w.quitByInterrupt)
        let panes = s.workstation()
        panes.press(.ctrl("c"))
        #expect(panes.wantsQuit && panes.quitByInterrupt)
        // q is an ordinary quit (status 0); Ctrl-C answered with y after asking is an interrupt.
        let quit = s.workstation()
        quit.press(.character("q"))
        #expect(quit.wantsQuit && !quit.quitByInterrupt)
    }

    @Test func ctrlCAsksWhileAnEditIsStillBeingSaved() throws {
        let w = try UpdateWithoutStoreTests.workstation()
        UpdateWithoutStoreTests.openSheet(w)
        w.press(.character("a"))     // accept the suggestion: an edit goes out, no answer yet
        #expect(w.state.saveState == .saving)
        w.press(.ctrl("c"))
        #expect(!w.wantsQuit)
        let confirm = try #require(w.state.overlay as? ConfirmOverlay)
        #expect(confirm.lines.joined().contains("保存中"))
        w.press(.character("y"))
        #expect(w.wantsQuit)
    }

    @Test func aResizeKeepsTheFormAndItsText() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = Self.progressForm(s)
        w.press(.resize(width: 60, height: 16), .resize(width: 160, height: 48), .resize(width: 80, height: 24))
        let form = try #require(w.state.overlay as? FormState)
        #expect(form.value("text") == "已制定整改方案")
        w.type("，月底完成")
        w.press(.ctrl("s"))
        #expect(try Self.progressOf(s).last?.text == "已制定整改方案，月底完成")
    }

    @Test func anotherSessionsChangeKeepsTheFormAndItsText() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = Self.progressForm(s)
        // Another session (its own connection) records progress on the same item.
        let other = try FuheStore.open(path: s.path, createIfMissing: false, clock: s.clock)
        let b = SampleStore.workstation(on: other, clock: s.clock)
        ReviewWorkflowTests.open(b, "heshan")
        b.press(.tab, .character("p"))
        b.type("另一会话的进度")
        b.press(.ctrl("s"))
        #expect(w.followStore())
        let form = try #require(w.state.overlay as? FormState, "the refresh closed the form")
        #expect(form.value("text") == "已制定整改方案")
        #expect(!form.notices.isEmpty)
    }

    @Test func aPasteIntoALineSaysWhatItChangedAndStaysInItsField() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        ReviewWorkflowTests.open(w, "heshan")
        w.press(.tab, .character("d"))   // extend: 新时限 (one line), 理由 (several)
        w.press(.ctrl("u"))
        w.press(.paste("2027-01-31\n理由不该进这里\n"))
        let form = try #require(w.state.overlay as? FormState)
        #expect(form.focus == 0, "the paste moved to another field")
        #expect(form.value("deadline") == "2027-01-31 理由不该进这里")
        #expect(form.value("reason").isEmpty)
        #expect(w.state.message?.contains("「新时限」已粘贴") == true, "\(w.state.message ?? "")")
        #expect(w.state.message?.contains("2处换行改为空格") == true, "\(w.state.message ?? "")")
        #expect(w.screenText.contains("换行改为空格"))
        // A paste that went in as it was says nothing.
        w.press(.tab, .paste("第一行\n第二行"))
        #expect((w.state.overlay as? FormState)?.value("reason") == "第一行\n第二行")
        #expect(w.state.message == nil)
    }

    @Test func theLessonKeysInAFormAreTypedOrIgnoredNeverCloseIt() throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let w = demo.workstation(width: 80, height: 24, lesson: 4)
        w.play([.type("/yueyang"), .keys(["Enter", "Enter", "Tab", "c", "Tab"])])
        w.type("补办T")
        w.press(.function(2), .function(5), .function(5))
        let form = try #require(w.state.overlay as? FormState)
        #expect(form.value("measure") == "补办T")
        #expect(w.lessonProgress?.number == 4)
    }
}
