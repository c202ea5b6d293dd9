import Foundation
import FuheCore
import FuheUI
import Synchronization

/// Results waiting for the run loop: the runner and the change listener post, the terminal loop
/// drains them between keys (`Workstation.receive`).
public final class Inbox: Sendable {
    private let messages = Mutex<[Message]>([])

    public init() {}

    public func post(_ message: Message) { messages.withLock { $0.append(message) } }

    /// Everything posted so far, oldest first.
    public func drain() -> [Message] { messages.withLock { m in defer { m.removeAll() }; return m } }

    public var isEmpty: Bool { messages.withLock { $0.isEmpty } }
}

/// Performs effects on a background queue, in order, and posts each result to the inbox: the
/// workstation never waits for the network (an edit shows 保存中 until its result is in).
public final class BackgroundRunner: EffectRunner, @unchecked Sendable {
    private let inner: RepositoryRunner
    private let queue = DispatchQueue(label: "fuhe.server.effects")
    public let inbox: Inbox
    private let inFlight = Mutex(0)

    public init(repository: ReviewRepository, inbox: Inbox) {
        inner = RepositoryRunner(repository)
        self.inbox = inbox
    }

    public func perform(_ effect: Effect) -> Message? {
        inFlight.withLock { $0 += 1 }
        queue.async { [self] in
            if let message = inner.perform(effect) { inbox.post(message) }
            inFlight.withLock { $0 -= 1 }
        }
        return nil
    }

    /// Effects not answered yet.
    public var pending: Int { inFlight.withLock { $0 } }
}

/// Listens for commits pushed by the server (a long-poll held open until something is committed)
/// and hands each feed that holds other sessions' batches to `onChange`; reconnects with a
/// growing pause when the server is away, saying so once through `onConnection`.
public final class ChangeListener: @unchecked Sendable {
    private let repository: RemoteRepository
    private let stopped = Mutex(false)
    private let position: Mutex<JournalPosition>
    private let onChange: @Sendable (ChangeFeed) -> Void
    private let onConnection: @Sendable (Bool, String) -> Void

    public init(repository: RemoteRepository, from position: JournalPosition, onChange: @escaping @Sendable (ChangeFeed) -> Void,
                onConnection: @escaping @Sendable (Bool, String) -> Void) {
        self.repository = repository
        self.position = Mutex(position)
        self.onChange = onChange
        self.onConnection = onConnection
    }

    public func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "fuhe.server.changes"
        thread.start()
    }

    public func stop() { stopped.withLock { $0 = true } }

    private func loop() {
        var connected = true
        var pause = 0.25
        while !stopped.withLock({ $0 }) {
            do {
                let since = position.withLock { $0 }
                let feed = try repository.changes(since: since, limit: 500, wait: 20)
                position.withLock { $0 = max($0, feed.head) }
                if !connected { connected = true; onConnection(true, "已重新连接服务器") }
                pause = 0.25
                if !feed.fromOthers(than: repository.session).isEmpty || !feed.isComplete {
                    repository.noteCommit()
                    onChange(feed)
                }
            } catch let refusal as ServerRefusal where refusal.needsLogin {
                onConnection(false, "\(refusal.message)；不再接收他人的修改")
                return
            } catch {
                if connected { connected = false; onConnection(false, "与服务器的连接中断，正在重连…（\(error)）") }
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 3)
            }
        }
    }
}
