import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 13 item 9 by keys: the command palette finds commands, units and indicators by Chinese,
/// pinyin, initials and 繁简; keys come from a configuration file and help and hints follow it.
@Suite struct PaletteAndKeymapTests {
    static func open(_ w: Workstation, _ query: String) {
        w.press(.character("/"))
        w.type(query)
        w.press(.enter, .enter)
    }

    @Test func fhFindsCommandsAbout复核() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        w.press(.character(":"))
        let all = try #require(w.state.overlay as? CommandPalette).matchedEntries
        // Every pane and general command, every unit, every indicator of the open unit.
        let commandCount = CommandRegistry.all.filter { CommandPalette.offeredScopes.contains($0.scope.name) && $0.id != .palette }.count
        #expect(all.filter { $0.kind == "命令" }.count == commandCount)
        #expect(all.filter { $0.kind == "单位" }.count == 11)
        #expect(all.filter { $0.kind == "指标" }.count == w.state.dossier?.template.nodes.count)
        w.type("fh")
        let matches = try #require(w.state.overlay as? CommandPalette).matchedEntries
        #expect(!matches.isEmpty)
        // Commands about 复核 are among the matches, and no entry matches without an f…h… in it.
        let about = matches.filter { $0.kind == "命令" && $0.label.contains("复核") }
        #expect(about.count >= 5, "\(matches.map(\.label))")
        #expect(about.contains { $0.target == .command(.submitReview) })
        #expect(matches.allSatisfy { TextMatcher(query: "fh", readings: HanPinyin.searchReading).matches("\($0.label) \($0.note)") })
        // 繁體 finds the same.
        w.press(.ctrl("u"))
        w.type("提交複核")
        #expect((w.state.overlay as? CommandPalette)?.selected?.target == .command(.submitReview))
        w.press(.escape)
        #expect(w.state.overlay == nil)
    }

    @Test func paletteRunsACommandOpensAUnitAndJumpsToAnIndicator() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        // A unit by full pinyin.
        w.press(.character(":"))
        w.type("huangtukuang")
        #expect((w.state.overlay as? CommandPalette)?.selected?.kind == "单位")
        w.press(.enter)
        #expect(w.state.dossier?.id == "SE-HTK-2020")
        #expect(w.state.focus == .sheet)
        // An indicator by initials, written in traditional characters' pinyin.
        w.press(.character(":"))
        w.type("zzrykzl")
        #expect((w.state.overlay as? CommandPalette)?.selected?.label == "1.1.1 在职人员控制率")
        w.press(.enter)
        #expect(w.state.selectedRow?.node.code == "1.1.1")
        // A command: 问题清单 by initials.
        w.press(.character(":"))
        w.type("wtqd")
        #expect((w.state.overlay as? CommandPalette)?.selected?.target == .command(.findings))
        w.press(.enter)
        #expect(w.state.overlay is FindingsPage)
        // A command of another pane moves the focus there and runs it (its availability applies).
        w.press(.escape, .character(":"))
        w.type("tjfh")
        w.press(.enter)
        #expect(w.state.messageIsError)
        #expect(w.state.message?.contains("不能提交") == true)
    }

    @Test func keysComeFromTheConfigurationAndHelpFollows() throws {
        let conf = """
        # 我的按键
        review.accept = A            # 采用建议
        sort.next = F6 >
        filter.overdue =
        """
        let keymap = try KeymapFile.keymap(conf, file: "keys.conf")
        #expect(keymap.keys(for: .acceptSuggestion) == [.character("A")])
        #expect(keymap.keys(for: .sortNext) == [.function(6), .character(">")])
        #expect(keymap.keys(for: .filterOverdue).isEmpty)
        #expect(keymap.keys(for: .editScore) == CommandRegistry.spec(.editScore).keys)
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        w.use(keymap)
        Self.open(w, "nanxian")
        let row = try #require(w.state.selectedRow?.node)
        w.press(.character("a"))
        #expect(try s.store.dossier(id: w.state.dossier!.id).result(for: row.id).reviewScore == nil)
        w.press(.character("A"))
        #expect(try s.store.dossier(id: w.state.dossier!.id).result(for: row.id).reviewScore != nil)
        // Help, hints and the docs' table follow.
        #expect(HelpOverlay.lines(keymap).contains { $0.text.contains("A") && $0.text.contains("[review.accept]") })
        #expect(StatusLineView.hints(w.state).contains { $0.key == "A" && $0.label == "采用建议" })
        #expect(CommandRegistry.markdownTable(keymap: keymap).contains("| `A` | `review.accept` |"))
        #expect(CommandRegistry.markdownTable(keymap: keymap).contains("| `F6` `>` | `sort.next` |"))
    }

    @Test func aWrongConfigurationNamesItsLine() {
        let cases: [(String, String)] = [
            ("review.accept = A\nreview.acept = B", "keys.conf line 2: unknown command “review.acept”"),
            ("review.accept = Ctrl-ZZ", "keys.conf line 1: unknown key “Ctrl-ZZ”"),
            ("review.accept = A\n\nreview.accept = B", "keys.conf line 3: “review.accept” is already bound on line 1"),
            ("review.accept A", "keys.conf line 1: expected"),
            ("review.accept = e", "keys.conf line 1: a key is bound twice in one scope: sheet: e → review.set-score, review.accept"),
        ]
        for (text, expected) in cases {
            do {
                _ = try KeymapFile.keymap(text, file: "keys.conf")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.description.hasPrefix(expected), "\(error.description)")
            }
        }
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func screens(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        w.press(.character(":"))
        w.type("fh")
        assertSnapshot(w.screenText, named: "palette-fh-\(width)x\(height)")
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
    }
}
