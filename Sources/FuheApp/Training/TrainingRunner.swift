import Foundation
import FuheCore
import FuheTerminal
import FuheTraining
import FuheUI
import TermCore

/// Runs the training demo (`fuhe demo`) and replays (`fuhe replay`) in the real terminal, on a
/// fresh `Sandbox` that is deleted on every way out (q, Ctrl-C, SIGTERM, SIGHUP, errors).
@MainActor
public enum TrainingRunner {
    /// Options of a demo.
    public struct Options: Sendable {
        public var actor: Actor
        /// Start directly on this lesson (1-based).
        public var lesson: Int?
        public var presenting: Bool
        /// Record the session's keys to this file.
        public var recordPath: String?
        /// Replace the record file if it exists (never a store).
        public var recordForce: Bool
        public var clock: any Clock

        public init(actor: Actor, lesson: Int? = nil, presenting: Bool = false, recordPath: String? = nil, recordForce: Bool = false,
                    clock: any Clock = SystemClock()) {
            self.actor = actor
            self.lesson = lesson
            self.presenting = presenting
            self.recordPath = recordPath
            self.recordForce = recordForce
            self.clock = clock
        }
    }

    /// The demo: the workstation on a sandbox, with the banner, lessons and (optionally) the
    /// key strip and a recording.
    /// Returns whether the user quit with Ctrl-C (the command then exits 130, `SignalExit`).
    @discardableResult
    public static func demo(_ options: Options) throws -> Bool {
        let lessons = try LessonLibrary.bundled()
        _ = try KeyConfiguration.keymap()   // a wrong key configuration is refused before the terminal starts
        if let n = options.lesson, !(1...max(1, lessons.count)).contains(n) {
            throw AppFailure(tr("--lesson \(n)：课程只有第 1 到第 \(lessons.count) 课", "--lesson \(n): there are lessons 1 to \(lessons.count)"))
        }
        let recorder = try options.recordPath.map { try SessionRecorder(path: $0, force: options.recordForce) }
        let sandbox = try Sandbox(clock: options.clock)
        defer { sandbox.remove() }
        var interrupted = false
        try withTerminal { terminal in
            let w = workstation(sandbox: sandbox, lessons: lessons, actor: options.actor, presenting: options.presenting,
                                clock: options.clock, size: terminal.size)
            if let n = options.lesson { w.startLesson(n) }
            recorder?.start(SessionHeader(width: terminal.size.width, height: terminal.size.height, asOf: sandbox.store.today.description,
                                          actor: options.actor.name, lesson: options.lesson, present: options.presenting))
            terminal.draw(Renderer.render(w.state))
            var pause = KeyPause()
            while !w.wantsQuit && !terminal.terminationRequested {
                guard let key = terminal.readKey(timeoutMilliseconds: !w.detailHeld ? 250 : pause.remaining(at: KeyPause.now())) else {
                    if pause.remaining(at: KeyPause.now()) == 0 && w.settle() { terminal.draw(Renderer.render(w.state)) }
                    continue
                }
                pause.keyArrived(at: KeyPause.now())
                w.handle(key)   // Ctrl-C quits, asking first over typed work
                if case .resize = key {} else if let outcome = w.lastOutcome { recorder?.record(outcome) }
                terminal.draw(Renderer.render(w.state))
            }
            interrupted = w.quitByInterrupt
        }
        if let failure = recorder?.finish() { throw AppFailure(tr("录制没有完成：\(failure)", "the recording stopped early: \(failure)")) }
        return interrupted
    }

    /// A replay: the recorded keys played into a fresh sandbox at `speed` (pauses longer than
    /// `maxGap` milliseconds shortened), with space = pause/resume, `.`/`s` = one key while
    /// paused, `+`/`-` = speed, `q` = quit. When it ends the workstation is the viewer's.
    /// Returns whether the viewer quit with Ctrl-C (the command then exits 130).
    @discardableResult
    public static func replay(_ record: SessionRecord, speed: Double, maxGap: Int, clock: any Clock = SystemClock()) throws -> Bool {
        let lessons = try LessonLibrary.bundled()
        if let n = record.header.lesson, !(1...max(1, lessons.count)).contains(n) {
            throw AppFailure(tr("录制从第 \(n) 课开始，但课程只有第 1 到第 \(lessons.count) 课", "the record starts lesson \(n), but there are lessons 1 to \(lessons.count)"))
        }
        let sandbox = try Sandbox(clock: clock)
        defer { sandbox.remove() }
        var interrupted = false
        try withTerminal { terminal in
            let w = workstation(sandbox: sandbox, lessons: lessons, actor: Actor(name: record.header.actor, role: .leader),
                                presenting: true, clock: clock, size: terminal.size)
            if let n = record.header.lesson { w.startLesson(n) }
            // Quitting is not replayed: the replay ends on the screen where the session ended.
            var player = ReplayPlayer(events: record.events.filter { $0.command != CommandID.quit.rawValue }, speed: speed, maxGap: maxGap)
            func status() -> ReplayStatus {
                let size = (w.state.width, w.state.height)
                let note = size == (record.header.width, record.header.height) ? nil : "录制时 \(record.header.width)×\(record.header.height)"
                return ReplayStatus(played: player.position, total: player.events.count, speed: player.speed, paused: player.paused, sizeNote: note)
            }
            func play(_ event: SessionEvent) {
                if let key = KeyName.key(named: event.key) { w.handle(key) }
            }
            w.showReplay(status())
            terminal.draw(Renderer.render(w.state))
            var last = DispatchTime.now().uptimeNanoseconds
            while !w.wantsQuit && !terminal.terminationRequested {
                let idle = !w.detailHeld ? 250 : max(1, KeyPause.frame)
                let wait = player.untilNext.map { max(1, min(idle, Int($0.rounded(.up)))) } ?? idle
                var changed = false
                if let key = terminal.readKey(timeoutMilliseconds: wait) {
                    if key == .ctrl("c") && !player.isFinished {
                        interrupted = true
                        break
                    }
                    changed = true
                    if player.isFinished {
                        w.handle(key)
                    } else {
                        switch key {
                        case .character(" "): player.togglePause()
                        case .character("."), .character("s"): if let e = player.step() { play(e) }
                        case .character("+"), .character("="): player.faster()
                        case .character("-"): player.slower()
                        case .character("q"): return
                        case .resize: w.handle(key)
                        default: changed = false
                        }
                    }
                }
                let now = DispatchTime.now().uptimeNanoseconds
                let due = player.advance(by: Double(now - last) / 1_000_000)
                last = now
                due.forEach(play)
                if due.isEmpty && !changed {
                    if w.settle() { terminal.draw(Renderer.render(w.state)) }
                    continue
                }
                w.showReplay(status())
                terminal.draw(Renderer.render(w.state))
            }
            if w.quitByInterrupt { interrupted = true }
        }
        return interrupted
    }

    /// A started workstation on the sandbox in training mode.
    static func workstation(sandbox: Sandbox, lessons: [Lesson], actor: Actor, presenting: Bool, clock: any Clock,
                            size: (width: Int, height: Int)) -> Workstation {
        let w = Workstation(repository: sandbox, actor: actor, storeLabel: StoreLabel(name: "沙盒", kind: "培训沙盒"), clock: clock,
                            width: size.width, height: size.height)
        // The user's keys (checked before the terminal started); the defaults if the file went bad since.
        w.use((try? KeyConfiguration.keymap()) ?? .standard)
        w.useDocuments(sandbox.documentWriter())
        w.start()
        w.enableTraining(lessons: lessons, sandbox: sandbox, presenting: presenting)
        return w
    }

    /// Starts the terminal, runs `body`, and always gives the terminal back.
    static func withTerminal(_ body: (CursesTerminal) throws -> Void) throws {
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch { throw AppFailure(tr("无法启动终端：\(error)（这是交互式终端吗？）", "cannot start the terminal: \(error) (is this an interactive terminal?)")) }
        defer { terminal.shutdown() }
        try body(terminal)
    }
}
