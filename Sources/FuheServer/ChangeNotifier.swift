import Synchronization

/// Wakes the sessions waiting for changes (long-poll `GET /v1/changes`) when a write of one of
/// their teams commits: the server pushes by answering a request it held open.
public final class ChangeNotifier: Sendable {
    private struct Waiter {
        var teams: Set<Int>
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var head: Int64 = 0
        var teamHeads: [Int: Int64] = [:]
        var waiters: [Int: Waiter] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// The journal's head as last committed by this server.
    public var head: Int64 { state.withLock { $0.head } }

    /// A commit reached `head` with entries of `teams`: wakes their waiters.
    public func advance(to head: Int64, teams: [Int]) {
        let woken = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.head = max(s.head, head)
            for t in teams { s.teamHeads[t] = max(s.teamHeads[t] ?? 0, head) }
            let ids = s.waiters.filter { !$0.value.teams.isDisjoint(with: teams) }.map(\.key)
            return ids.compactMap { s.waiters.removeValue(forKey: $0)?.continuation }
        }
        for c in woken { c.resume() }
    }

    /// Returns when one of `teams` has a commit after `position`, or after `timeout`.
    public func wait(teams: Set<Int>, after position: Int64, timeout: Duration) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let id = state.withLock { s -> Int? in
                if teams.contains(where: { (s.teamHeads[$0] ?? 0) > position }) { return nil }
                s.nextID += 1
                s.waiters[s.nextID] = Waiter(teams: teams, continuation: continuation)
                return s.nextID
            }
            guard let id else { continuation.resume(); return }
            Task {
                try? await Task.sleep(for: timeout)
                self.expire(id)
            }
        }
    }

    private func expire(_ id: Int) {
        state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
    }

    /// Sessions waiting now.
    public var waiting: Int { state.withLock { $0.waiters.count } }
}
