import Foundation
import Testing
import FuheTestSupport

/// An idle workstation sleeps: it wakes for a key, a signal (through the terminal's self-pipe), or
/// its next look at the store (every 300 ms) — not every 50 ms to notice signals, as it did.
@Suite(.serialized)
struct IdleEndToEndTests {
    let directory: URL
    let store: String
    let fuhe: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-idle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = directory.appendingPathComponent("review.sqlite").path
        fuhe = try #require(BuiltProducts.executable("fuhe")).path
        #expect(try BuiltProducts.run(fuhe, ["import", "--samples", "--store", store]).status == 0)
    }

    /// Context switches of one thread so far (voluntary and involuntary): each wake-up adds one.
    static func switches(_ pid: Int32, thread: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/task/\(thread)/status", encoding: .utf8)
        return status.split(separator: "\n").filter { $0.contains("ctxt_switches:") }
            .compactMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
            .reduce(0, +)
    }

    @Test func anIdleWorkstationWakesOnlyToLookAtTheStore() throws {
        try #require(TmuxSession.isAvailable, "tmux is not installed: the terminal tests need it (apt-get install tmux)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let command = "\(TmuxSession.shellQuote(fuhe)) --store \(TmuxSession.shellQuote(store)) --as 王某 --role leader"
        let tmux = try TmuxSession(command: command, width: 100, height: 30,
                                   environment: ["HOME": directory.path, "SWIFT_BACKTRACE": "enable=no"])
        defer { tmux.kill() }
        _ = try tmux.waitFor(text: "退出")
        let pid = try #require(Int32(try tmux.display("#{pane_pid}")))
        // The kept views' warm-up (on a thread of its own) starts at the first pause.
        sleep(1)
        let before = try Self.switches(pid, thread: pid)
        sleep(3)
        let after = try Self.switches(pid, thread: pid)
        // Ten looks at the store in 3 s (and a few spare); waking every 50 ms was over 60.
        #expect(after - before <= 16, "the idle workstation's main thread woke \(after - before) times in 3 s")
        // Keys still arrive at once, and `q` quits.
        try tmux.sendKeys("j")
        try tmux.sendKeys("q")
        _ = try tmux.waitFor("exit") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
    }
}
