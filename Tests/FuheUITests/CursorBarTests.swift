import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// The cursor's row in the focused pane is one reversed bar across the pane, without its cells'
/// own colours (a move rewrites two rows with two style changes: issue 14 §3's bytes per `j`);
/// the same row off the cursor keeps them, and the text still says what the colours do.
@Suite struct CursorBarTests {
    /// The unit list's cells on screen row `y`, within the pane.
    static func cells(_ frame: ScreenBuffer, _ rect: Rect, y: Int) -> [Cell] {
        (rect.x..<rect.maxX).map { frame[$0, y] }
    }

    /// (At 80×24 the unit list is too narrow for its 整改 column.)
    @Test(arguments: [(120, 40), (160, 48)])
    func theCursorRowIsOneBarAndOtherRowsKeepTheirColours(size: (Int, Int)) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: size.0, height: size.1)
        let pane = w.state[UnitsPane.self]
        // A unit with overdue items: its 整改 cell ("3!1") is red off the cursor.
        let overdue = try #require(pane.units.firstIndex { $0.overdueItems > 0 && $0.dossierID != w.state.dossier?.id })
        let rect = UnitsPane.rect(in: Layout(w.state))
        let frames = FrameRenderer()
        var frame = frames.render(w.state)
        let y = PaneTable.rowY(overdue, top: pane.position.top, rect: rect)
        let off = Self.cells(frame, rect, y: y)
        #expect(off.contains { $0.style.foreground == .red }, "\(frame.text)")
        #expect(!off.contains { $0.style.reverse })

        // Onto that row: every cell of it reversed, none coloured; the mark is still in the text.
        for _ in 0..<(overdue - pane.position.cursor) {
            w.handle(.character("j"))
            frame = frames.render(w.state, movedIn: w.lastKeyMovedIn, caughtUp: w.lastKeyCaughtUp)
        }
        #expect(w.state[UnitsPane.self].position.cursor == overdue)
        let on = Self.cells(frame, rect, y: y)
        #expect(on.allSatisfy { $0.style.reverse && $0.style.foreground == nil }, "\(frame.line(y))")
        #expect(frame.line(y).contains("!"))
        #expect(frame == Renderer.render(w.state))

        // Off it again: the colours are back.
        w.handle(.character("k"))
        frame = frames.render(w.state, movedIn: w.lastKeyMovedIn, caughtUp: w.lastKeyCaughtUp)
        #expect(Self.cells(frame, rect, y: y).contains { $0.style.foreground == .red })
        #expect(frame == Renderer.render(w.state))
    }

    /// In a pane without focus the selected row is underlined and keeps its colours.
    @Test func theSelectedRowOfAnotherPaneKeepsItsColours() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: 120, height: 40)
        let pane = w.state[UnitsPane.self]
        let overdue = try #require(pane.units.firstIndex { $0.overdueItems > 0 && $0.dossierID != w.state.dossier?.id })
        for _ in 0..<(overdue - pane.position.cursor) { w.handle(.character("j")) }
        w.handle(.tab)
        #expect(w.state.focus != .units)
        let rect = UnitsPane.rect(in: Layout(w.state))
        let frame = Renderer.render(w.state)
        let row = Self.cells(frame, rect, y: PaneTable.rowY(overdue, top: w.state[UnitsPane.self].position.top, rect: rect))
        #expect(row.contains { $0.style.underline && $0.style.foreground == .red }, "\(frame.text)")
        #expect(!row.contains { $0.style.reverse })
    }
}
