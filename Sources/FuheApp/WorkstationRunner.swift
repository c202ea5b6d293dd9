import Foundation
import FuheCore
import FuheStore
import FuheTerminal
import FuheUI
import TermCore

/// Runs the full-screen workstation on a store until the user quits or a termination signal
/// arrives. Every edit is already stored when it is shown, so quitting never loses work; the
/// terminal is restored on every exit path.
@MainActor
public enum WorkstationRunner {
    /// Options of one run.
    public struct Options: Sendable {
        public var actor: Actor
        public var label: StoreLabel
        public var clock: any Clock

        public init(actor: Actor, label: StoreLabel, clock: any Clock = SystemClock()) {
            self.actor = actor
            self.label = label
            self.clock = clock
        }
    }

    public static func run(store: FuheStore, options: Options) throws {
        // A wrong key configuration is refused before the terminal is taken over.
        let keymap = try KeyConfiguration.keymap()
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch { throw AppFailure("cannot start the terminal: \(error) (is this an interactive terminal? try `fuhe list`)") }
        defer { terminal.shutdown() }
        let size = terminal.size
        let workstation = Workstation(repository: StoreRepository(store), actor: options.actor, storeLabel: options.label,
                                      clock: options.clock, width: size.width, height: size.height)
        workstation.use(keymap)
        workstation.start(restoring: ViewPreferencesFile.load(for: store))
        // Sorts, filters and the last position are remembered on every way out (q, Ctrl-C, a signal).
        defer { ViewPreferencesFile.save(workstation.preferences, for: store) }
        terminal.draw(Renderer.render(workstation.state))
        while !workstation.wantsQuit && !terminal.terminationRequested {
            // A short wait while the detail area lags behind the cursor, so it catches up as soon
            // as keys pause; otherwise a long one (signals are still noticed within 50 ms).
            let wait = workstation.state.heldDetail == nil ? 250 : 60
            guard let key = terminal.readKey(timeoutMilliseconds: wait) else {
                if workstation.settle() { terminal.draw(Renderer.render(workstation.state)) }
                continue
            }
            if key == .ctrl("c") { break }
            workstation.handle(key)
            terminal.draw(Renderer.render(workstation.state))
        }
    }
}
