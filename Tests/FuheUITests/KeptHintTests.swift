import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// The status line's hint texts are made once per keymap (`Keymap.hints(for:)`, issue 14 §3):
/// they must be the keymap's own keys, and the line must show what it showed when they were
/// made on every key.
@Suite struct KeptHintTests {
    @Test func aKeymapKeepsItsOwnKeysInItsHints() {
        let keymap = Keymap(overrides: [.openUnit: [.character("o"), .enter], .filterOverdue: []])
        let hints = keymap.hints(for: .units)
        #expect(hints.first?.id == .help)
        #expect(hints.contains(KeptHint(id: .openUnit, text: "o 打开", width: 6)))
        #expect(Keymap.standard.hints(for: .units).contains(KeptHint(id: .openUnit, text: "Enter 打开", width: 10)))
        // Every kept hint is "first key, label" of this keymap, its width the text's.
        for scope in CommandRegistry.scopes {
            for hint in keymap.hints(for: scope) {
                #expect(hint.text == "\(keymap.key(hint.id)) \(CommandRegistry.spec(hint.id).hint ?? "")")
                #expect(hint.width == DisplayWidth.of(hint.text))
            }
        }
    }

    /// The line's hints are those `StatusLineView.hints` offers (asked command by command), in
    /// order, as many as fit — in each pane, with the standard keys and with a configured keymap.
    @Test(arguments: [false, true])
    func theLineShowsTheOfferedHints(configured: Bool) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: 160, height: 40)
        if configured { w.use(Keymap(overrides: [.openUnit: [.character("o")], .acceptSuggestion: [.character("A")]])) }
        for key in [KeyEvent.character("j"), .enter, .character("j"), .tab, .tab] {
            w.press(key)
            let line = try #require(StatusLineView.line(w.state, width: w.state.width))
            let offered = StatusLineView.hints(w.state).map { "\($0.key) \($0.label)" }
            let shown = line.hints.components(separatedBy: " · ")
            #expect(!shown.isEmpty && Array(offered.prefix(shown.count)) == shown, "\(w.state.focus.rawValue): \(line.hints)")
        }
    }
}
