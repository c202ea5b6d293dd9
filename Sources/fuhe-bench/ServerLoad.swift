import Foundation
import FuheClient
import FuheCore
import FuheWire
import Synchronization

/// `fuhe-bench --server-load URL --user NAME [--clients N] [--seconds S] [--server-pid PID]`
/// (password in `FUHE_BENCH_PASSWORD`): N simulated reviewers, each with its own connection and
/// session, edit their own scoresheet row of the server's units as fast as the server answers
/// (compare-and-set on the value they saw) for S seconds. Prints throughput, edit latency
/// (p50/p90/p99/max), errors, lost updates (an acknowledged value that is not what the server
/// holds at the end) and the server's RSS. `scripts/server-load` sets a server up and runs it.
enum ServerLoad {
    struct Options {
        var url = URL(string: "http://127.0.0.1:8080")!
        var user = ""
        var clients = 50
        var seconds = 20.0
        var serverPID: Int32?
    }

    static func parse(_ args: [String]) -> Options? {
        var o = Options()
        var i = 0
        func value() -> String? { i += 1; return i < args.count ? args[i] : nil }
        while i < args.count {
            switch args[i] {
            case "--server-load": guard let v = value(), let u = URL(string: v) else { return nil }; o.url = u
            case "--user": guard let v = value() else { return nil }; o.user = v
            case "--clients": guard let v = value().flatMap({ Int($0) }), (1...2000).contains(v) else { return nil }; o.clients = v
            case "--seconds": guard let v = value().flatMap({ Double($0) }), v > 0, v <= 3600 else { return nil }; o.seconds = v
            case "--server-pid": guard let v = value().flatMap({ Int32($0) }) else { return nil }; o.serverPID = v
            default: return nil
            }
            i += 1
        }
        return o.user.isEmpty ? nil : o
    }

    /// One reviewer's figures.
    final class Reviewer: Sendable {
        let latencies = Mutex<[UInt64]>([])
        let lastAcked = Mutex<String?>(nil)
        let errors = Mutex<[String]>([])
    }

    static func run(_ o: Options) throws -> String {
        let password = ProcessInfo.processInfo.environment["FUHE_BENCH_PASSWORD"] ?? ""
        let login: LoginAnswer = try ServerClient(base: o.url, token: nil).call("POST", "/v1/login",
                                                                               body: LoginRequest(name: o.user, password: password))
        let probe = RemoteRepository(client: ServerClient(base: o.url, token: login.token))
        let units = try probe.unitList(today: nil, filter: .all).map(\.dossierID).sorted()
        guard !units.isEmpty else { throw BenchFailure("the server has no units for \(o.user)") }
        var targets: [(String, String)] = []
        var rows: [String: [String]] = [:]
        // Units whose review is submitted or finalized are read-only for a row edit: left out.
        for u in units {
            let d = try probe.dossier(id: u)
            if (d.review?.status ?? .draft) == .draft { rows[u] = d.template.scorableLeaves.map(\.id) }
        }
        let editable = units.filter { rows[$0] != nil }
        guard !editable.isEmpty else { throw BenchFailure("no unit of \(o.user) is open for editing") }
        var r = 0
        while targets.count < o.clients {
            var added = false
            for u in editable where targets.count < o.clients {
                if let leaves = rows[u], r < leaves.count { targets.append((u, leaves[r])); added = true }
            }
            guard added else { throw BenchFailure("\(editable.count) units have only \(targets.count) rows; use fewer clients") }
            r += 1
        }
        let reviewers = targets.map { _ in Reviewer() }
        let started = Date()
        let deadline = started.addingTimeInterval(o.seconds)
        var threads: [Thread] = []
        for (i, (unit, node)) in targets.enumerated() {
            let me = reviewers[i]
            let repository = RemoteRepository(client: ServerClient(base: o.url, token: login.token), account: o.user)
            let t = Thread {
                guard var seen = try? repository.dossier(id: unit) else { me.errors.withLock { $0.append("first read") }; return }
                var n = 0
                while Date() < deadline {
                    n += 1
                    var row = seen.result(for: node)
                    row.reviewNote = "压测 \(i)-\(n)"
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    do {
                        _ = try repository.apply([.result(row)], to: unit, base: .seen(seen), actor: o.user, reason: nil, origin: "local")
                        let t1 = DispatchTime.now().uptimeNanoseconds
                        me.latencies.withLock { $0.append(t1 - t0) }
                        me.lastAcked.withLock { $0 = row.reviewNote }
                        seen = seen.applying([.result(row)])
                    } catch {
                        me.errors.withLock { $0.append("\(error)") }
                        if let fresh = try? repository.dossier(id: unit) { seen = fresh }
                    }
                }
            }
            t.stackSize = 1 << 20
            t.start()
            threads.append(t)
        }
        while threads.contains(where: { !$0.isFinished }) { Thread.sleep(forTimeInterval: 0.05) }
        let elapsed = Date().timeIntervalSince(started)
        // Lost updates: what each reviewer last had acknowledged must be what the server holds.
        var lost = 0
        var latest: [String: Dossier] = [:]
        for (i, (unit, node)) in targets.enumerated() {
            if latest[unit] == nil { latest[unit] = try probe.dossier(id: unit) }
            if let acked = reviewers[i].lastAcked.withLock({ $0 }), latest[unit]?.result(for: node).reviewNote != acked { lost += 1 }
        }
        let all = reviewers.flatMap { $0.latencies.withLock { $0 } }.sorted()
        let errors = reviewers.flatMap { $0.errors.withLock { $0 } }
        func pct(_ p: Double) -> String {
            guard !all.isEmpty else { return "-" }
            let v = all[min(all.count - 1, Int((Double(all.count) * p).rounded(.up)) - 1)]
            return String(format: "%.1f ms", Double(v) / 1e6)
        }
        var out = ["server load: \(o.clients) reviewers on \(Set(targets.map(\.0)).count) units, \(String(format: "%.1f", elapsed)) s, \(o.url.absoluteString)",
                   "  acknowledged edits: \(all.count) (\(String(format: "%.0f", Double(all.count) / elapsed)) edits/s)",
                   "  edit latency: p50 \(pct(0.50)), p90 \(pct(0.90)), p99 \(pct(0.99)), max \(pct(1.0))",
                   "  errors: \(errors.count)\(errors.first.map { " (first: \($0.prefix(200)))" } ?? ""); lost updates: \(lost)"]
        if let pid = o.serverPID, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) {
            let lines = status.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
            out.append("  server: " + lines.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "  ", with: " ") }.joined(separator: ", "))
        }
        return out.joined(separator: "\n")
    }
}
