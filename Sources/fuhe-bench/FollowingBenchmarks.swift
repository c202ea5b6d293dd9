import Foundation
import FuheCore
import FuheStore

/// What following the store costs an idle session: one poll (`storeVersion`, SQLite's
/// `data_version`) when nothing changed, and a session that polls every 250 ms for a while,
/// measured as the CPU time the process used.
struct FollowingBenchmarks {
    let store: FuheStore
    let runs: Int

    /// One poll when nothing changed.
    func idlePoll() throws -> Measurement {
        let first = try store.storeVersion()
        return try measure("poll for others' commits", unit: .microseconds, runs: Swift.max(runs, 2_000),
                           note: "storeVersion() (PRAGMA data_version) when nothing changed") { _ in
            guard try store.storeVersion() == first else { throw BenchFailure("the store changed during the poll figure") }
        }
    }

    /// The journal head and an empty change feed: what a session that polled the journal instead
    /// would pay each time.
    func emptyFeed() throws -> Measurement {
        let head = try store.journalHead()
        return try measure("changes since head (none)", unit: .microseconds, runs: Swift.max(runs, 2_000),
                           note: "changes(since: journalHead()) when nothing changed") { _ in
            guard try store.changes(since: head).isEmpty else { throw BenchFailure("the journal grew during the feed figure") }
        }
    }

    /// A session idle for `seconds`, polling every `interval`: the CPU time it used, as a share
    /// of one core (wake-ups included).
    func idleShare(seconds: Double = 5, interval: Double = 0.25) throws -> (polls: Int, cpuPercent: Double) {
        let polls = Int(seconds / interval)
        let before = processCPUNanos()
        let start = monotonicNanos()
        for n in 0..<polls {
            _ = try store.storeVersion()
            let next = start + UInt64(Double(n + 1) * interval * 1e9)
            let now = monotonicNanos()
            if next > now { usleep(UInt32((next - now) / 1_000)) }
        }
        let cpu = Double(processCPUNanos() - before)
        let wall = Double(monotonicNanos() - start)
        Progress.say("idle session polling every \(Int(interval * 1000)) ms: \(format(cpu / wall * 100)) % of a core")
        return (polls, cpu / wall * 100)
    }

    private func processCPUNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
