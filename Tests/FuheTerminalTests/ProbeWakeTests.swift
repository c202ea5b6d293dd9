import Foundation
import FuheTestSupport
import Testing

/// `readKey` sleeps until a key or a signal: the signal handlers write to a self-pipe it waits on
/// beside the keyboard. The probe waits without a timeout, so each signal below is noticed only
/// through that pipe — a signal that did not wake it would leave the test waiting (and failing).
/// Termination signals and SIGWINCH are covered by `ProbeScreenTests` in the same way.
@Suite("term-probe wakes only for keys and signals", .serialized)
struct ProbeWakeTests {
    @Test func anIdleProbeDoesNotWakeUp() throws {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        let pid = try #require(ProbeSession.pid(try tmux.capture()))
        usleep(300_000)
        let before = try ProbeSession.switches(pid)
        sleep(2)
        let after = try ProbeSession.switches(pid)
        // Waiting in 50 ms slices, as before, was 40 wake-ups in these two seconds.
        #expect(after - before <= 2, "the idle probe woke \(after - before) times in 2 s")
        // And a key still arrives at once.
        try tmux.sendLiteral("a")
        try tmux.waitFor(text: "输入 typed: a ")
    }

    @Test func continuedAfterAStopFromOutsideItRepaints() throws {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        let pid = try #require(ProbeSession.pid(try tmux.capture()))
        try tmux.sendLiteral("x")
        try tmux.waitFor("key x shown") { ProbeSession.field("按键 key:", in: $0) == "按键 key: x" }
        #expect(Foundation.kill(pid, SIGSTOP) == 0)
        usleep(200_000)
        #expect(Foundation.kill(pid, SIGCONT) == 0)
        // SIGCONT: the screen is repainted whole, which the probe shows as a resize to its size.
        try tmux.waitFor("repaint after SIGCONT", timeout: 10) { ProbeSession.field("按键 key:", in: $0) == "按键 key: resize 100×30" }
    }

    @Test func aStopSignalFromOutsideSuspendsAndFgResumes() throws {
        let (tmux, screen) = try ProbeSession.startInShell()
        defer { tmux.kill() }
        let pid = try #require(ProbeSession.pid(screen))
        try tmux.sendLiteral("复核")
        try tmux.waitFor(text: "输入 typed: 复核 ")
        // `kill -TSTP` (not Ctrl-Z, which arrives as a key): the terminal is given back first.
        #expect(Foundation.kill(pid, SIGTSTP) == 0)
        try tmux.waitFor(text: "Stopped", timeout: 10)
        #expect(try tmux.display("#{alternate_on}") == "0")
        try tmux.sendLiteral("fg")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "输入 typed: 复核 ")
        #expect(try tmux.display("#{alternate_on}") == "1")
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "term-probe: bye")
    }
}
