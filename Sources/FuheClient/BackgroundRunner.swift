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

/// Listens for commits pushed by the server (a long-poll the server holds open until something
/// of the account's teams is committed), then asks the workstation's own `StoreFollower` what
/// others changed, all on a background thread, and posts the result (`.storeChanged`) to the
/// inbox: the run loop never waits for the network. Reconnects with a growing pause when the
/// server is away, saying so once through `onConnection`.
public final class ChangeListener: @unchecked Sendable {
    private let repository: RemoteRepository
    private let follower: StoreFollower
    private let inbox: Inbox
    private let stopped = Mutex(false)
    private let onConnection: @Sendable (Bool, String) -> Void

    /// Create it before the workstation loads what it shows (the follower takes the journal
    /// position then).
    public init(repository: RemoteRepository, inbox: Inbox, onConnection: @escaping @Sendable (Bool, String) -> Void) throws {
        self.repository = repository
        self.follower = try StoreFollower(repository: repository)
        self.inbox = inbox
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
                let pushed = try repository.changes(since: follower.position, limit: 1, wait: 20)
                if !connected { connected = true; onConnection(true, "已重新连接服务器") }
                pause = 0.25
                guard !pushed.isEmpty || pushed.head > follower.position else { continue }
                repository.noteCommit()
                if let changes = try follower.poll() { inbox.post(.storeChanged(changes)) }
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
