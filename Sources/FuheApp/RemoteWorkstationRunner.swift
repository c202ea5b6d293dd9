import Foundation
import FuheClient
import FuheCore
import FuheTerminal
import FuheUI
import TermCore

/// The workstation on a server (`fuhe --server URL`): effects run on a background queue and their
/// results come back between keys, so cursor movement never waits for the network; an edit shows
/// 保存中 until the server confirms it. Commits by others are pushed (a long-poll the server
/// answers when something is committed) and the screen reloads what they touched.
@MainActor
public enum RemoteWorkstationRunner {
    public static func run(repository: RemoteRepository, options: WorkstationRunner.Options) throws {
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch { throw AppFailure("cannot start the terminal: \(error) (is this an interactive terminal? try `fuhe list`)") }
        defer { terminal.shutdown() }
        let inbox = Inbox()
        let runner = BackgroundRunner(repository: repository, inbox: inbox)
        let size = terminal.size
        let workstation = Workstation(runner: runner, actor: options.actor, storeLabel: options.label, clock: options.clock,
                                      width: size.width, height: size.height, session: repository.session)
        let notices = NoticeBox()
        let listener = try ChangeListener(repository: repository, inbox: inbox,
                                          onConnection: { connected, _ in notices.post(connected ? "" : "连接中断，重连中") })
        listener.start()
        defer { listener.stop() }
        workstation.start()
        terminal.draw(Renderer.render(workstation.state))
        var pause = KeyPause()
        while !workstation.wantsQuit && !terminal.terminationRequested {
            // Short waits while answers are due, so they show as soon as they arrive, and while
            // the detail area waits for the keys to pause (`KeyPause`).
            let held = workstation.detailHeld
            let wait = min(runner.pending > 0 ? 30 : 150, held ? pause.remaining(at: KeyPause.now()) : 150)
            if let key = terminal.readKey(timeoutMilliseconds: wait) {
                if key == .ctrl("c") { break }
                pause.keyArrived(at: KeyPause.now())
                workstation.handle(key)
                terminal.draw(Renderer.render(workstation.state))
                continue
            }
            var changed = held && pause.remaining(at: KeyPause.now()) == 0 && workstation.settle()
            for message in inbox.drain() {
                workstation.receive(message)
                changed = true
            }
            if let notice = notices.take() {
                workstation.connection(notice.isEmpty ? nil : notice)
                changed = true
            }
            if changed { terminal.draw(Renderer.render(workstation.state)) }
        }
        // Edits already sent are confirmed (or refused) before the program ends.
        let deadline = Date().addingTimeInterval(10)
        while runner.pending > 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }
}

/// The listener's last word about the connection, for the status line.
final class NoticeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    func post(_ t: String) { lock.lock(); text = t; lock.unlock() }
    func take() -> String? { lock.lock(); defer { text = nil; lock.unlock() }; return text }
}
