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
        /// Where `D` writes documents (`DocumentsPlace.reports`: `--reports-dir`, `$FUHE_REPORTS_DIR`,
        /// settings.conf, the documents folder, the working directory).
        public var reports: DocumentsPlace
        /// The process's environment, read once (keys.conf and the remembered views are found by it).
        public var environment: [String: String]

        public init(actor: Actor, label: StoreLabel, clock: any Clock = SystemClock(),
                    reports: DocumentsPlace = .reports(option: nil, settings: UserSettings()),
                    environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.actor = actor
            self.label = label
            self.clock = clock
            self.reports = reports
            self.environment = environment
        }
    }

    /// Returns whether the user quit with Ctrl-C (the command then exits 130, `SignalExit`).
    @discardableResult
    public static func run(store: FuheStore, options: Options) throws -> Bool {
        // A wrong key configuration is refused before the terminal is taken over.
        let keymap = try KeyConfiguration.keymap(environment: options.environment)
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch { throw AppFailure(tr("无法启动终端：\(error)（这是交互式终端吗？可以试试 fuhe list）", "cannot start the terminal: \(error) (is this an interactive terminal? try `fuhe list`)")) }
        defer { terminal.shutdown() }
        let size = terminal.size
        let workstation = Workstation(repository: StoreRepository(store, role: options.actor.role), actor: options.actor, storeLabel: options.label,
                                      clock: options.clock, width: size.width, height: size.height)
        workstation.use(keymap)
        workstation.useDocuments(UnitDocumentWriter(store: { store }, place: options.reports))
        workstation.start(restoring: ViewPreferencesFile.load(for: store, environment: options.environment))
        // Sorts, filters and the last position are remembered on every way out (q, Ctrl-C, a signal).
        defer { ViewPreferencesFile.save(workstation.preferences, for: store, environment: options.environment) }
        // Frames after a cursor move redraw only the rows it changed (`FrameRenderer`).
        let frames = FrameRenderer()
        terminal.draw(frames.render(workstation.state))
        var pause = KeyPause()
        var nextPoll = now() + pollInterval
        var warmed = false
        while !workstation.wantsQuit && !terminal.terminationRequested {
            // While the detail area lags behind the cursor, wait only until the keys pause
            // (`KeyPause`: one frame after a single key, or after a held key's repeat stops), so
            // it catches up then; otherwise until the next look at the store. A signal (resize,
            // Ctrl-Z, SIGTERM) wakes `readKey` at once: nothing else wakes an idle workstation.
            let start = now()
            let held = workstation.detailHeld
            let untilPoll = max(0, nextPoll - start)
            let wait = held ? min(pause.remaining(at: start), untilPoll) : untilPoll
            if let key = terminal.readKey(timeoutMilliseconds: wait) {
                pause.keyArrived(at: now())
                // Ctrl-C goes to the workstation too: it quits at once, or asks first when
                // anything is unsaved (a form with typed text, an edit still being saved).
                workstation.handle(key)
                if !workstation.lastKeyChangedNothing {
                    terminal.draw(frames.render(workstation.state, movedIn: workstation.lastKeyMovedIn, caughtUp: workstation.lastKeyCaughtUp))
                }
                continue
            }
            // The first pause of the keys: what the cross-unit views read (every unit's items and
            // findings, the dashboard's units) is read on a connection and thread of their own,
            // so that their first open finds it kept.
            if !warmed {
                warmed = true
                let today = options.clock.today()
                Thread.detachNewThread { _ = try? store.warmKeptViews(today: today) }
            }
            if held && pause.remaining(at: now()) == 0 && workstation.settle() {
                terminal.draw(frames.render(workstation.state, caughtUp: true))
            }
            // Keys first: the store is looked at only when no key is waiting. The look is one
            // `PRAGMA data_version`; only when another session committed is anything read.
            if now() >= nextPoll {
                if workstation.followStore() { terminal.draw(frames.render(workstation.state)) }
                nextPoll = now() + pollInterval
            }
        }
        return workstation.quitByInterrupt
    }

    /// How often an idle workstation looks whether another session committed (ms).
    static let pollInterval = 300

    /// A monotonic clock in milliseconds.
    private static func now() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return t.tv_sec * 1000 + t.tv_nsec / 1_000_000
    }
}
