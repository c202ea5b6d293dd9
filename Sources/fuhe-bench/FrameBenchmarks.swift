import Foundation
import FuheApp
import FuheCore
import FuheStore
import FuheUI
import TermCore

/// The workstation's own work per key, in process: update + render into a ScreenBuffer (the
/// terminal's share — ncurses diffing and writing — is measured from outside by
/// scripts/pty-bench.py).
struct FrameBenchmarks {
    let setup: BenchSetup
    let store: FuheStore
    var runs: Int { setup.options.runs }
    static let width = 120
    static let height = 40

    func workstation(_ store: FuheStore) -> Workstation {
        let w = Workstation(repository: StoreRepository(store, role: .leader), actor: Actor(name: "bench", role: .leader),
                            storeLabel: StoreLabel(name: "bench.sqlite", kind: "main"), clock: FixedClock(day: BenchSetup.today),
                            width: Self.width, height: Self.height)
        w.start()
        return w
    }

    /// Open the store, load the unit list and the first dossier, render the first full screen.
    func firstScreen() throws -> Measurement {
        try measure("workstation first screen", unit: .milliseconds, runs: runs,
                    note: "open + unit list + first dossier + render, \(Self.width)×\(Self.height)") { _ -> ScreenBuffer in
            let fresh = try setup.openStore()
            return Renderer.render(workstation(fresh).state)
        }
    }

    /// Per-key time for j/k moves in the unit list (`.units`), the scoresheet (`.sheet`) or the
    /// items (`.items`), in blocks of 20 down then 20 up: handle + the frame the run loop draws
    /// (`FrameRenderer`, which redraws only the rows a cursor move changed), or with
    /// `whole` handle + a whole `Renderer.render` (as before issue 14 §3).
    func cursorMoves(in pane: PaneID, whole: Bool = false, keys: Int = 2000) -> (Measurement, cellsChanged: [Int]) {
        let w = workstation(store)
        if pane != .units { w.handle(.enter) }
        if pane == .items { w.handle(.tab) }
        let frames = FrameRenderer()
        var samples: [UInt64] = []
        var changed: [Int] = []
        var previous = frames.render(w.state)
        for i in 0..<keys {
            let key: KeyEvent = (i / 20) % 2 == 0 ? .character("j") : .character("k")
            let start = monotonicNanos()
            w.handle(key)
            let frame = whole ? Renderer.render(w.state) : frames.render(w.state, movedIn: w.lastKeyMovedIn)
            samples.append(monotonicNanos() - start)
            changed.append(zip(frame.cells, previous.cells).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) })
            previous = frame
        }
        let where_ = pane == .units ? "unit list" : pane == .sheet ? "scoresheet" : "items"
        let name = "cursor move, \(where_)" + (whole ? " (whole render)" : "")
        let m = Measurement(name: name, unit: .microseconds, samples: samples,
                            note: whole ? "handle(j/k) + Renderer.render, \(keys) keys"
                                        : "handle(j/k) + FrameRenderer (\(frames.partialFrames) of \(keys) frames patched), \(keys) keys")
        Progress.say("\(name): median \(format(m.median)) µs, p99 \(format(m.percentile(99))) µs")
        return (m, changed)
    }

    /// Enter on successive units: load, score, render.
    func openDossier() -> Measurement {
        let w = workstation(store)
        return measure("open a dossier (Enter)", unit: .milliseconds, runs: Swift.max(runs, 20),
                           note: "load + score + render; a different unit each time",
                           prepare: { _ in w.handle(.escape); w.handle(.character("j")) }) { _, _ -> ScreenBuffer in
            w.handle(.enter)
            return Renderer.render(w.state)
        }
    }

    /// `a` on successive rows: one stored edit (journal + summary) and the refresh after it.
    func acceptSuggestion() -> Measurement {
        let w = workstation(store)
        w.handle(.enter)
        return measure("accept a suggestion (a)", unit: .milliseconds, runs: Swift.max(runs, 20),
                           note: "store the edit, reload dossier and unit list, render",
                           prepare: { _ in w.handle(.character("j")) }) { _, _ -> ScreenBuffer in
            w.handle(.character("a"))
            return Renderer.render(w.state)
        }
    }
}
