import Foundation
import FuheTerminal
import FuheUI
import TermCore

/// A paste of 2,000 characters: decoding the bracketed paste from the terminal's codes, inserting
/// it into a field (`LineEditor.paste`), and the whole key in the workstation (a review-note form
/// open: handle + render).
extension FrameBenchmarks {
    static let pasteText = String(repeating: "复核意见：实有在编在岗11人，编制10人。\n", count: 80).prefix(2000)

    func pasteFigures() -> [Measurement] {
        let text = String(Self.pasteText)
        let codes = (Array("\u{1B}[200~".unicodeScalars) + Array(text.unicodeScalars) + Array("\u{1B}[201~".unicodeScalars)).map(\.value)
        let decode = measure("decode a 2,000-character bracketed paste", unit: .microseconds, runs: Swift.max(runs, 50),
                             note: "KeyDecoder, one code at a time, as wget_wch hands them over") { _ -> [KeyEvent] in
            var decoder = KeyDecoder()
            var keys: [KeyEvent] = []
            for code in codes { keys += decoder.feed(.code(code)) }
            return keys
        }
        let insert = measure("paste 2,000 characters into a field", unit: .microseconds, runs: Swift.max(runs, 50),
                             note: "LineEditor.paste into a multi-line field already holding 2,000 characters",
                             prepare: { _ in var e = LineEditor(text: text, multiline: true); e.cursor = 1000; return e }) { _, editor -> LineEditor in
            var e = editor
            e.paste(text)
            return e
        }
        // A unit whose review is still open: its review-note form opens.
        let w = workstation(store)
        let open = w.state.units.firstIndex { $0.reviewStatus != .finalized } ?? 0
        for _ in 0..<open { w.handle(.character("j")) }
        w.handle(.enter)
        w.handle(.character("m"))
        if w.state.overlay == nil { Progress.say("paste: the review-note form did not open; the figure below times a refused key") }
        w.handle(.escape)
        let key = measure("paste 2,000 characters in a form (key + render)", unit: .milliseconds, runs: Swift.max(runs, 20),
                          note: "the review-note form of a row: the paste key handled and the screen rendered",
                          prepare: { _ in w.handle(.escape); w.handle(.character("m")) }) { _, _ -> ScreenBuffer in
            w.handle(.paste(text))
            return Renderer.render(w.state)
        }
        // Typing at the end of a 10,000-character text in the same form, one character a key.
        w.handle(.escape)
        w.handle(.character("m"))
        w.handle(.paste(String(repeating: text, count: 5)))
        let typing = measure("type a character into a 10,000-character text (key + render)", unit: .microseconds, runs: Swift.max(runs, 200),
                             note: "the review-note form holding 10,000 characters: one typed character handled and the screen rendered") { _ -> ScreenBuffer in
            w.handle(.character("字"))
            return Renderer.render(w.state)
        }
        w.handle(.escape)
        return [decode, insert, key, typing]
    }
}
