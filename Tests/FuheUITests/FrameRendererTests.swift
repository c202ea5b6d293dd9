import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 14 §3: after a cursor move the run loop redraws only the rows it changed
/// (`FrameRenderer`). Whatever it patches must be the screen `Renderer.render` would draw.
@Suite struct FrameRendererTests {
    /// Presses `keys` one by one, rendering each frame as the run loop does, with the keys
    /// pausing (the detail area catching up) after every `settleEvery` keys; every frame must
    /// equal a whole render of the same state. Returns how many frames were patched.
    static func drive(_ w: Workstation, _ frames: FrameRenderer, _ keys: [KeyEvent], settleEvery: Int = 7,
                      sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let before = frames.partialFrames
        var shown = Renderer.render(w.state)
        for (n, key) in keys.enumerated() {
            w.handle(key)
            let whole = Renderer.render(w.state)
            if w.lastKeyChangedNothing {
                // The run loop draws no frame: the screen already shows this state.
                #expect(shown == whole, "key \(n) (\(key)) changed the screen:\n\(shown.text)\n— whole render —\n\(whole.text)", sourceLocation: sourceLocation)
                continue
            }
            let frame = frames.render(w.state, movedIn: w.lastKeyMovedIn, caughtUp: w.lastKeyCaughtUp)
            shown = frame
            #expect(frame == whole, "key \(n) (\(key)) in \(w.state.focus.rawValue):\n\(frame.text)\n— whole render —\n\(whole.text)",
                    sourceLocation: sourceLocation)
            if frame != whole { return -1 }
            if (n + 1) % settleEvery == 0, w.settle() {
                shown = frames.render(w.state, caughtUp: true)
                #expect(shown == Renderer.render(w.state), sourceLocation: sourceLocation)
            }
        }
        return frames.partialFrames - before
    }

    static let moves: [KeyEvent] = Array(repeating: .character("j"), count: 14) + [.pageDown, .pageDown, .character("k"), .pageUp]
        + [.character("G"), .character("k"), .character("k"), .character("g")] + Array(repeating: .character("j"), count: 5)
        + [.pageDown, .character("j"), .pageUp, .pageUp]

    @Test(arguments: [(80, 24), (160, 48)])
    func everyPatchedFrameIsTheWholeScreen(size: (Int, Int)) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: size.0, height: size.1)
        let frames = FrameRenderer()
        _ = frames.render(w.state)
        // The unit list (it scrolls at 80×24: 11 units), then the scoresheet of the unit under
        // the cursor, then the items, then back through Tab with a search and a filter between.
        let inUnits = Self.drive(w, frames, Self.moves)
        #expect(inUnits > 10)
        #expect(Self.drive(w, frames, [.enter]) == 0)
        #expect(w.state.focus == .sheet)
        let inSheet = Self.drive(w, frames, Self.moves + Self.moves.reversed())
        #expect(inSheet > 20)
        #expect(Self.drive(w, frames, [.tab]) == 0)
        #expect(w.state.focus == .items)
        _ = Self.drive(w, frames, Self.moves)
        _ = Self.drive(w, frames, [.tab, .character("t"), .character("j"), .character("j"), .character("c"), .character("j")])
        _ = Self.drive(w, frames, [.character("/")] + "局".map { KeyEvent.character($0) } + [.enter, .character("j"), .character("n"), .escape, .character("j")])
        _ = Self.drive(w, frames, [.character("?"), .character("j"), .escape, .character("j"), .character("]"), .character("j"), .character("k")])
    }

    /// A patched frame redraws only the moved pane's title, the two rows whose highlight changed
    /// and the status line: cells elsewhere stay exactly as they were.
    @Test func aMoveWithinViewChangesOnlyTwoRowsOfThePane() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: 120, height: 40)
        let frames = FrameRenderer()
        w.press(.enter)                        // the scoresheet, focused
        w.press(.character("j"))               // the detail area is held from here on
        let before = frames.render(w.state)
        w.press(.character("j"))
        #expect(w.lastKeyMovedIn == .sheet)
        let after = frames.render(w.state, movedIn: w.lastKeyMovedIn)
        #expect(frames.partialFrames == 1)
        let changed = (0..<after.height).filter { y in (0..<after.width).contains { x in after[x, y] != before[x, y] } }
        // The rows the cursor left and reached, and perhaps the status line (its key hints
        // follow the selected row).
        let rows = changed.filter { $0 != after.height - 1 }
        #expect(rows.count == 2, "rows changed: \(changed)")
        #expect(rows.count == 2 && rows[1] == rows[0] + 1)
        #expect(after == Renderer.render(w.state))
    }

    /// A key pressed on its own, after the detail area caught up: its move is patched too (the
    /// detail area now holds what it showed), in every pane, and the catch-up after it as well.
    @Test func aKeyPressedOnItsOwnIsPatched() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: 120, height: 40)
        let frames = FrameRenderer()
        var shown = frames.render(w.state)
        for pane in [nil, KeyEvent.enter, .tab] {
            if let pane { w.press(pane); shown = frames.render(w.state) }
            for key in [KeyEvent.character("j"), .character("j"), .character("k")] {
                let partial = frames.partialFrames
                w.handle(key)
                shown = frames.render(w.state, movedIn: w.lastKeyMovedIn, caughtUp: w.lastKeyCaughtUp)
                #expect(frames.partialFrames == partial + 1, "\(w.state.focus) \(key)")
                #expect(shown == Renderer.render(w.state))
                #expect(w.settle())
                shown = frames.render(w.state, caughtUp: true)
                #expect(frames.partialFrames == partial + 2)
                #expect(shown == Renderer.render(w.state))
            }
        }
    }

    /// A cursor key at the end of its list changes nothing: no frame, and the detail area is not
    /// held (its catch-up would draw the whole screen again for nothing).
    @Test func aMovePastTheEndDrawsNothing() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: 120, height: 40)
        w.press(.enter)
        w.press(.tab)                          // the items
        #expect(w.state.focus == .items)
        w.press(.character("G"))               // the last item
        _ = w.settle()
        let screen = Renderer.render(w.state)
        for key: KeyEvent in [.character("j"), .pageDown, .character("G"), .character("j")] {
            w.handle(key)
            #expect(w.lastKeyChangedNothing, "\(key)")
            #expect(w.state.heldDetail == nil)
            #expect(Renderer.render(w.state) == screen)
        }
        #expect(w.settle() == false)
        w.handle(.character("k"))              // a real move: the detail area is held
        #expect(!w.lastKeyChangedNothing)
        #expect(w.lastKeyMovedIn == .items)
        #expect(w.state.heldDetail != nil)
        w.handle(.character("G"))
        #expect(w.state.heldDetail != nil)
        // The moves reached the end: the detail area catches up at once, in a whole frame.
        w.handle(.character("j"))
        #expect(!w.lastKeyChangedNothing)
        #expect(w.lastKeyMovedIn == nil)
        #expect(w.state.heldDetail == nil)
        #expect(Renderer.render(w.state) == screen)
    }

    /// A cursor key at the top of the list while a message is shown clears the message: a change.
    @Test func aMovePastTheEndThatClearsAMessageIsDrawn() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        #expect(w.state.focus == .units && w.state[UnitsPane.self].position.cursor == 0)
        #expect(w.state.message != nil)        // the welcome line
        w.handle(.character("k"))
        #expect(!w.lastKeyChangedNothing)
        #expect(w.state.message == nil)
        // That key held the detail area: the next one, changing nothing, lets it catch up.
        w.handle(.character("k"))
        #expect(!w.lastKeyChangedNothing && w.state.heldDetail == nil)
        w.handle(.character("k"))
        #expect(w.lastKeyChangedNothing)
    }

    /// When the keys pause, the held detail area catches up by redrawing its own rows only.
    @Test(arguments: [(80, 24), (160, 48)])
    func aCatchUpRedrawsOnlyTheDetailArea(size: (Int, Int)) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: size.0, height: size.1)
        let frames = FrameRenderer()
        w.press(.enter)
        _ = frames.render(w.state)
        w.handle(.character("j"))
        _ = frames.render(w.state, movedIn: w.lastKeyMovedIn)
        let patched = frames.partialFrames
        #expect(w.settle())
        let frame = frames.render(w.state, caughtUp: true)
        #expect(frames.partialFrames == patched + 1)
        #expect(frame == Renderer.render(w.state))
        let detail = Layout(w.state).detail
        #expect(frame.patch?.rows == Array(detail.y..<detail.maxY))
    }

    /// Keys that do more than move a cursor are drawn whole.
    @Test func otherKeysAreNotPatched() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        w.press(.character("j"))
        #expect(w.lastKeyMovedIn == .units)
        for key: KeyEvent in [.enter, .tab, .character("?"), .escape, .character("t"), .resize(width: 100, height: 30)] {
            w.handle(key)
            #expect(w.lastKeyMovedIn == nil, "\(key)")
        }
    }
}

/// When the detail area catches up: one frame after a single key, one frame after a held
/// key's repeat stops.
@Suite struct KeyPauseTests {
    @Test func aSingleKeyPausesAfterOneFrame() {
        var pause = KeyPause()
        #expect(pause.remaining(at: 1000) == 0)
        pause.keyArrived(at: 1000)
        #expect(pause.remaining(at: 1000) == 16)
        #expect(pause.remaining(at: 1010) == 6)
        #expect(pause.remaining(at: 1016) == 0)
        // A second key long after the first is again a single key.
        pause.keyArrived(at: 2000)
        #expect(pause.threshold == 16)
    }

    @Test func aHeldKeyPausesOneFrameAfterItsRepeatStops() {
        var pause = KeyPause()
        for t in stride(from: 0, through: 300, by: 30) { pause.keyArrived(at: t) }
        // Between repeats the keys have not paused, so the detail area is not redrawn.
        #expect(pause.remaining(at: 300 + 20) > 0)
        #expect(pause.remaining(at: 300 + 29) > 0)
        // The repeat that did not come at 330 is the pause; one frame later it has caught up.
        #expect(pause.remaining(at: 330 + 16) == 0)
        #expect(pause.threshold == 46)
        // Keys a reviewer presses one by one (120 ms apart) each pause after one frame.
        pause.keyArrived(at: 450)
        #expect(pause.threshold == 16)
    }
}
