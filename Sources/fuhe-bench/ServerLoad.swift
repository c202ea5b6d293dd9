import Foundation
import FuheClient
import FuheCore
import FuheWire

/// `fuhe-bench --server-load URL --user NAME [--clients N] [--seconds S] [--think MIN-MAX]
/// [--edits-per-unit N] [--collide P] [--server-pid PID | --server-pid-file FILE] [--db PGURL]`
/// (password in `FUHE_BENCH_PASSWORD`): N simulated reviewers (`LoadReviewer`) share the
/// account's units — each its own slice, worked one unit at a time, thinking MIN–MAX seconds
/// between edits (compare-and-set on what it saw), sometimes colliding on a shared unit — for S
/// seconds. Prints throughput, edit and read latency (p50/p90/p99/max), refusals, the server's
/// RSS, and then checks that no acknowledged edit was lost: each one is in the journal, each row
/// holds the last value the journal gave it and that value was acknowledged or in flight, and
/// (with `--db`) the journal has no gap and its hash chain verifies. `scripts/server-load` sets a
/// server up and runs it, with a `kill -9` of the server in the middle when asked.
enum ServerLoad {
    struct Options {
        var url = URL(string: "http://127.0.0.1:8080")!
        var user = ""
        var clients = 200
        var seconds = 60.0
        var think = 1.0...5.0
        var editsPerUnit = 10
        var collide = 0.02
        var serverPID: Int32?
        var serverPIDFile: String?
        var db: String?
    }

    static let usage = "usage: fuhe-bench --server-load URL --user NAME [--clients N] [--seconds S] [--think MIN-MAX] [--edits-per-unit N] [--collide P] [--server-pid PID | --server-pid-file FILE] [--db POSTGRES-URL] (password in FUHE_BENCH_PASSWORD)"

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
            case "--think":
                guard let parts = value()?.split(separator: "-").compactMap({ Double($0) }), parts.count == 2,
                      parts[0] >= 0, parts[0] <= parts[1], parts[1] <= 600 else { return nil }
                o.think = parts[0]...parts[1]
            case "--edits-per-unit": guard let v = value().flatMap({ Int($0) }), (1...10_000).contains(v) else { return nil }; o.editsPerUnit = v
            case "--collide": guard let v = value().flatMap({ Double($0) }), (0...1).contains(v) else { return nil }; o.collide = v
            case "--server-pid": guard let v = value().flatMap({ Int32($0) }) else { return nil }; o.serverPID = v
            case "--server-pid-file": guard let v = value() else { return nil }; o.serverPIDFile = v
            case "--db": guard let v = value() else { return nil }; o.db = v
            default: return nil
            }
            i += 1
        }
        return o.user.isEmpty ? nil : o
    }

    static func run(_ o: Options) throws -> String {
        let password = ProcessInfo.processInfo.environment["FUHE_BENCH_PASSWORD"] ?? ""
        let login: LoginAnswer = try ServerClient(base: o.url, token: nil).call("POST", "/v1/login",
                                                                               body: LoginRequest(name: o.user, password: password))
        let probe = RemoteRepository(client: ServerClient(base: o.url, token: login.token))
        let t0 = Date()
        let units = try probe.unitList(today: nil, filter: .all).map(\.dossierID).sorted()
        let listSeconds = Date().timeIntervalSince(t0)
        // One shared unit per ten reviewers (the last units of the list); the rest sliced evenly.
        let sharedCount = max(1, o.clients / 10)
        guard units.count >= o.clients + sharedCount else {
            throw BenchFailure("the server has \(units.count) units for \(o.user); \(o.clients) reviewers need at least \(o.clients + sharedCount)")
        }
        let shared = Array(units.suffix(sharedCount))
        let own = Array(units.dropLast(sharedCount))
        let slice = own.count / o.clients
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let started = Date()
        let deadline = started.addingTimeInterval(o.seconds)
        let reviewers = (0..<o.clients).map { _ in LoadReviewer() }
        var threads: [Thread] = []
        for (i, me) in reviewers.enumerated() {
            let plan = LoadReviewer.Plan(index: i, units: Array(own[(i * slice)..<((i + 1) * slice)]), shared: shared[i % sharedCount],
                                         editsPerUnit: o.editsPerUnit, think: o.think, collide: o.collide, deadline: deadline, tag: tag)
            let repository = RemoteRepository(client: ServerClient(base: o.url, token: login.token), account: o.user)
            let user = o.user
            let t = Thread { me.run(plan, repository: repository, user: user) }
            t.stackSize = 1 << 20
            t.start()
            threads.append(t)
        }
        while threads.contains(where: { !$0.isFinished }) { Thread.sleep(forTimeInterval: 0.05) }
        let elapsed = Date().timeIntervalSince(started)
        let rss = serverMemory(o)
        let edits = reviewers.flatMap { $0.editLatencies.withLock { $0 } }.sorted()
        let reads = reviewers.flatMap { $0.readLatencies.withLock { $0 } }.sorted()
        let errors = reviewers.flatMap { $0.errors.withLock { $0 } }
        let refusals = reviewers.map { $0.refusals.withLock { $0 } }.reduce(0, +)
        let unavailable = reviewers.map { $0.unavailable.withLock { $0 } }.reduce(0, +)
        let skipped = reviewers.map { $0.skipped.withLock { $0 } }.reduce(0, +)
        let acked = reviewers.flatMap { $0.acked.withLock { $0 } }
        let think = String(format: "%.1f–%.1f s", o.think.lowerBound, o.think.upperBound)
        var out = [
            "server load: \(o.clients) reviewers on \(units.count) units (\(slice) each, \(sharedCount) shared), think \(think), \(o.editsPerUnit) edits per unit opened, collide \(o.collide), \(String(format: "%.1f", elapsed)) s, \(o.url.absoluteString)",
            "  unit list of \(units.count) units: \(String(format: "%.2f", listSeconds)) s",
            "  acknowledged edits: \(edits.count) (\(String(format: "%.1f", Double(edits.count) / elapsed)) edits/s); unit reads: \(reads.count) (\(String(format: "%.1f", Double(reads.count) / elapsed))/s)",
            "  edit latency: \(percentiles(edits))",
            "  read latency: \(percentiles(reads))",
            "  refused as stale (collisions): \(refusals); server unreachable: \(unavailable); units skipped (review submitted): \(skipped)",
            "  errors: \(errors.count)\(errors.first.map { " (first: \($0.prefix(200)))" } ?? "")",
        ]
        if let rss { out.append("  server: \(rss)") }
        out += try LoadCheck.check(acked, probe: probe, db: o.db)
        return out.joined(separator: "\n")
    }

    static func percentiles(_ sorted: [UInt64]) -> String {
        func pct(_ p: Double) -> String {
            guard !sorted.isEmpty else { return "-" }
            let v = sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
            return String(format: "%.1f ms", Double(v) / 1e6)
        }
        return "p50 \(pct(0.50)), p90 \(pct(0.90)), p99 \(pct(0.99)), max \(pct(1.0))"
    }

    /// The server's resident memory now and at its peak (`/proc/PID/status`).
    static func serverMemory(_ o: Options) -> String? {
        let pid = o.serverPID ?? o.serverPIDFile.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard let pid, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let lines = status.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
        return lines.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.joined(separator: ", ")
    }
}
