import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 14 §3: list rows already drawn are copied from `KeptRows` (their characters) and
/// `KeptTexts` (the unit list's texts) instead of being laid out again. A kept row must never
/// show stale text: every frame must equal the frame drawn with the memos bypassed.
@Suite struct KeptRowsTests {
    /// The screen of `state` with every row drawn anew.
    static func drawnAnew(_ state: AppState) -> ScreenBuffer {
        KeptRows.$bypassed.withValue(true) { Renderer.render(state) }
    }

    /// Presses `keys`, drawing each frame as the run loop does; every frame must be the one
    /// drawn without memos.
    static func drive(_ w: Workstation, _ frames: FrameRenderer, _ keys: [KeyEvent], sourceLocation: SourceLocation = #_sourceLocation) {
        for (n, key) in keys.enumerated() {
            w.handle(key)
            if w.lastKeyChangedNothing { continue }
            let frame = frames.render(w.state, movedIn: w.lastKeyMovedIn, caughtUp: w.lastKeyCaughtUp)
            let anew = drawnAnew(w.state)
            #expect(frame == anew, "key \(n) (\(key)):\n\(frame.text)\n— drawn anew —\n\(anew.text)", sourceLocation: sourceLocation)
        }
    }

    static let moves: [KeyEvent] = Array(repeating: .character("j"), count: 8) + [.pageDown, .character("k"), .pageUp]
        + Array(repeating: .character("k"), count: 4)

    /// The scoresheet's row of indicator `id`, as `frame` shows it.
    static func sheetRow(_ frame: ScreenBuffer, _ state: AppState, _ id: String) throws -> String {
        let rect = Layout(state).sheet
        let rows = state[ScoresheetPane.self].rows
        let index = try #require(rows.firstIndex { $0.node.id == id })
        var position = state[ScoresheetPane.self].position
        position.scroll(height: rect.height - 2, count: rows.count)
        return frame.line(PaneTable.rowY(index, top: position.top, rect: rect))
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func anEditASortASearchAndAResizeShowTheNewText(size: (Int, Int)) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: size.0, height: size.1)
        let frames = FrameRenderer()
        _ = frames.render(w.state)
        // Rows seen once are kept; moving over them again copies them.
        Self.drive(w, frames, Self.moves + Self.moves)
        // Open a unit and review one row: its score must show at once, in the scoresheet and in
        // the unit list's review total.
        Self.drive(w, frames, [.character("/")] + "heshan".map { KeyEvent.character($0) } + [.enter, .enter])
        Self.drive(w, frames, Self.moves + Self.moves)
        Self.drive(w, frames, [.character("/")] + "在职人员控制率".map { KeyEvent.character($0) } + [.enter])
        let node = try #require(w.state.selectedRow?.node)
        let before = try Self.sheetRow(frames.render(w.state), w.state, node.id)
        #expect(before.contains(node.code))
        Self.drive(w, frames, [.character("a")])
        let reviewed = try #require(w.state.dossier?.result(for: node.id).reviewScore)
        let after = try Self.sheetRow(frames.render(w.state), w.state, node.id)
        #expect(after != before)
        #expect(after.contains(reviewed.description))
        // A typed score and its reason.
        Self.drive(w, frames, [.enter, .ctrl("u")] + "2.5".map { KeyEvent.character($0) } + [.enter])
        Self.drive(w, frames, "人员超编".map { KeyEvent.character($0) } + [.enter])
        Self.drive(w, frames, Self.moves)
        // Sorting both lists, back in the unit list, a search, a resize and moves after each.
        Self.drive(w, frames, [.character(">"), .character(">")] + Self.moves)
        Self.drive(w, frames, [.tab, .tab] + Self.moves + [.character(">"), .character(">")] + Self.moves)
        Self.drive(w, frames, [.character("/")] + "局".map { KeyEvent.character($0) } + [.enter, .character("n")] + Self.moves)
        Self.drive(w, frames, [.resize(width: size.0 + 17, height: size.1 + 3)] + Self.moves + [.resize(width: size.0, height: size.1)] + Self.moves)
    }

    /// A table drawn through a memo is, cell for cell, the table drawn without one — for texts
    /// kept (CJK, cut, wide at a column's end) and not kept (controls, combining marks), for
    /// styles that change between draws (the cursor bar, cell colours) and for new widths.
    @Test func aTableDrawnThroughAMemoIsTheTableDrawnAnew() {
        let columns = [Column(title: "名称", width: 0, priority: 0, flexible: true, minWidth: 6),
                       Column(title: "分", width: 5, align: .right, priority: 1),
                       Column(title: "等次", width: 4, align: .center, priority: 2)]
        var texts: [[String]] = [["益阳市赫山区政务服务中心", "9.50", "优"], ["Heshan district", "—", "良好好"],
                                 ["控\u{7}制", "1", "x"], ["e\u{301}toile", "12345678", "中"], ["", "", ""], ["a", "b", "c"]]
        let memo = KeptRows()
        for round in 0..<6 {
            if round == 3 { texts[1][1] = "10.00" }
            if round == 4 { texts.swapAt(0, 5) }
            for width in [30, 17, 12] {
                var position = ListPosition()
                position.set(round % texts.count, count: texts.count)
                func draw(_ kept: KeptRows?) -> ScreenBuffer {
                    var buffer = ScreenBuffer(width: 40, height: 10)
                    buffer.put("中中中中中中中中中中中中中中中中中中中中", x: 0, y: 3)
                    PaneTable.draw(columns: columns, body: Rect(x: 1, y: 1, width: width, height: 8), count: texts.count, position: position,
                                   kept: kept, into: &buffer) { i in
                        var style = PaneChrome.rowStyle(selected: i == position.cursor, focused: true)
                        if i == round { style.bold = true }
                        return PaneTable.Line(cells: texts[i], style: style, cellStyles: [1: Style(foreground: .yellow)])
                    }
                    return buffer
                }
                let anew = draw(nil)
                #expect(draw(memo) == anew, "round \(round), width \(width)")
                #expect(draw(memo) == anew, "round \(round), width \(width), kept")
                #expect(draw(memo).text == anew.text)
            }
        }
        // The row with a control is drawn, never kept.
        #expect(memo.count <= 5)
    }
}
