// term-probe: exercises the ncurses backend in a real terminal (the tmux tests drive it).
// Keys are echoed, typed text (Chinese included) shown, `q` quits, SIGTERM exits cleanly. It
// waits for keys without a timeout, so an idle probe never wakes.
// `term-probe --bench [frames]` measures draw time and bytes per frame instead.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FuheTerminal
import TermCore

/// The signals `readKey` wakes for reach the probe on a helper thread that only sleeps, never on
/// the thread that reads keys (it blocks them): as on a worker thread of the workstation, the
/// handler runs elsewhere and only the terminal's self-pipe can wake the reader. The tmux tests
/// rely on it — without that pipe the probe would not notice a resize, a stop or SIGTERM.
func takeSignalsOnAHelperThread() {
    var helper = pthread_t()
    _ = pthread_create(&helper, nil, { _ in
        while true { pause() }
    }, nil)
    var reader = sigset_t()
    sigemptyset(&reader)
    for signal in [SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&reader, signal) }
    pthread_sigmask(SIG_BLOCK, &reader, nil)
}

@MainActor
func runProbe() -> Int32 {
    takeSignalsOnAHelperThread()
    let terminal: CursesTerminal
    do {
        terminal = try CursesTerminal()
        terminal.countsBytes = true
    } catch {
        printError("term-probe: \(error)")
        return 1
    }
    var state = ProbeState()
    state.colors = terminal.colorsEnabled
    state.codeset = terminal.codeset
    state.pid = getpid()
    state.size = terminal.size
    var dirty = true
    while !terminal.terminationRequested {
        if dirty {
            state.size = terminal.size
            let bytes = terminal.draw(ProbeScreen.render(state))
            state.lastFrameBytes = bytes
            state.lastFrameWrites = terminal.lastFrameWrites
            state.totalBytes = terminal.totalBytesWritten
            dirty = false
        }
        // No timeout: only a key or a signal wakes the probe (the tmux tests rely on it — a
        // signal that did not wake `readKey` would leave them waiting).
        guard let key = terminal.readKey(timeoutMilliseconds: -1) else { continue }
        if key == .character("q") { break }
        state.handle(key)
        dirty = true
    }
    let signal = terminal.terminationSignal
    terminal.shutdown()
    if let signal {
        print("term-probe: signal \(signal), terminal restored")
        return 128 + signal
    }
    print("term-probe: bye")
    return 0
}

let arguments = CommandLine.arguments
let status = MainActor.assumeIsolated {
    arguments.count > 1 && arguments[1] == "--bench"
        ? runBench(frames: arguments.count > 2 ? Int(arguments[2]) ?? 300 : 300)
        : runProbe()
}
exit(status)

/// Writes one line to standard error (Swift 6 rejects the C `stderr` global).
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
}
