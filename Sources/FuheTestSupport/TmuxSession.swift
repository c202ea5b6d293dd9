import Foundation

/// A program running in a private tmux server, driven the way a person at a terminal would:
/// keys in, screen text out. Shared by the terminal and workstation end-to-end tests.
///
/// ```swift
/// let tmux = try TmuxSession(command: "/path/to/app", width: 100, height: 30)
/// defer { tmux.kill() }
/// try tmux.sendLiteral("你好")          // as an IME commit types it
/// try tmux.waitFor(text: "你好")        // polls capture-pane; never a bare sleep
/// let (x, y) = try tmux.cursor()
/// ```
///
/// Each session has its own server (`tmux -L <unique>`, no config file), so sessions can run in
/// parallel and never touch the user's tmux. The command runs under `env LANG=C.UTF-8
/// TERM=screen-256color` plus `environment`, on top of the test process's environment minus
/// `NO_COLOR` (which `swift test` sets), `TMUX`, `LC_ALL`, `LC_CTYPE`, `COLUMNS` and `LINES`.
/// Panes stay on screen after the command exits (`remain-on-exit`), so the last screen can
/// still be read. Servers are killed by ``kill()`` (also on deinit).
public final class TmuxSession {
    /// A tmux command failed, or a wait ran out of time (with the screen as it last was).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Whether tmux is installed (the tests that need it fail, naming it, when it is not).
    public static let isAvailable: Bool = executable != nil

    /// Path of the tmux executable found on PATH.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// The private server's socket name (`tmux -L`).
    public let socket: String
    /// The server's socket file (tmux leaves it behind when killed).
    private var socketPath: String?
    /// The server's and the pane's processes, waited for by ``kill()``.
    private var processes: [pid_t] = []
    private var killed = false

    /// Starts `command` (a shell command line) in a detached `width`×`height` session.
    /// `environment` is added to (and overrides) `LANG=C.UTF-8 TERM=screen-256color`.
    public init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        socket = "fuhe-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        var env = ["LANG": "C.UTF-8", "TERM": "screen-256color"]
        env.merge(environment) { _, new in new }
        let assignments = env.keys.sorted().map { Self.shellQuote("\($0)=\(env[$0]!)") }
        let line = (["env"] + assignments).joined(separator: " ") + " " + command
        try tmux(["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", line,
                  ";", "set-option", "-g", "remain-on-exit", "on"])
        socketPath = try? display("#{socket_path}")
        processes = ((try? display("#{pid} #{pane_pid}")) ?? "").split(separator: " ").compactMap { pid_t($0) }
    }

    deinit { kill() }

    /// Sends tmux key names: "Enter", "C-r", "F5", "BTab", "Escape", "q"…
    public func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally (UTF-8), as an input method commits it.
    public func sendLiteral(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", "--", text])
    }

    /// Sends raw bytes to the program, exactly as given (an escape sequence a terminal sends).
    public func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", target, "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// Pastes `text` as a terminal does: wrapped in bracketed-paste markers when the program
    /// turned bracketed paste on, line breaks sent as CR.
    public func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "fuhe-test", "--", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "fuhe-test", "-t", target])
    }

    /// The visible screen, one string per row, trailing spaces kept (a wide character appears
    /// once, with no padding: compare positions by display width).
    public func capture() throws -> [String] {
        var lines = try tmux(["capture-pane", "-t", target, "-p", "-N"]).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Polls the screen until it contains `text`; returns that screen. Throws with the last
    /// screen when `timeout` seconds pass first.
    @discardableResult
    public func waitFor(text: String, timeout: TimeInterval = 30) throws -> [String] {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Polls the screen (every 20 ms) until `condition` holds on two identical captures in a row,
    /// so that a frame caught half-written (a loaded machine) is never returned; returns that screen.
    @discardableResult
    public func waitFor(_ what: String, timeout: TimeInterval = 30, _ condition: ([String]) throws -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        var previous: [String]?
        repeat {
            screen = try capture()
            if try condition(screen) {
                if screen == previous { return screen }
                previous = screen
            } else {
                previous = nil
            }
            usleep(20_000)
        } while Date() < deadline
        throw Failure(description: "timed out after \(timeout)s waiting for \(what); screen:\n"
            + screen.joined(separator: "\n"))
    }

    /// The cursor position in cells (0-based).
    public func cursor() throws -> (x: Int, y: Int) {
        let parts = try display("#{cursor_x},#{cursor_y}").split(separator: ",").compactMap { Int($0) }
        guard parts.count == 2 else { throw Failure(description: "no cursor position from tmux") }
        return (parts[0], parts[1])
    }

    /// A tmux format evaluated for the pane, e.g. "#{alternate_on}" or "#{pane_dead}".
    public func display(_ format: String) throws -> String {
        try tmux(["display-message", "-t", target, "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Stops the server and everything in it; idempotent.
    public func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
        // The pane's program exits after kill-server returns, and may still write its files
        // (a shell's history, a store's last checkpoint): wait for it, so that a test removing
        // its directory next removes it for good.
        let deadline = Date().addingTimeInterval(5)
        while processes.contains(where: Self.isRunning), Date() < deadline { usleep(10_000) }
    }

    /// Whether `pid` is a live process (a zombie waiting to be reaped has finished).
    private static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return false }
        return !stat[end...].hasPrefix(") Z")
    }

    /// The session (and so its one window and pane).
    private let target = "main"

    /// Runs `tmux -L socket -f /dev/null args…` and returns its standard output.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        guard let executable = Self.executable else { throw Failure(description: "tmux is not installed") }
        var env = ProcessInfo.processInfo.environment
        // The server hands its own environment to the pane: keep the test runner's settings
        // out of it (`swift test` sets NO_COLOR=1, a developer's shell may be inside tmux).
        for name in ["TMUX", "TMUX_PANE", "LC_ALL", "LC_CTYPE", "NO_COLOR", "COLUMNS", "LINES"] { env[name] = nil }
        env["LANG"] = "C.UTF-8"
        let result = try Self.run(executable, ["-L", socket, "-f", "/dev/null"] + arguments, environment: env)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.errors)")
        }
        return result.output
    }

    /// Runs a program to completion with its output in temporary files.
    ///
    /// Not Foundation's `Process`: on Linux it learns that a child ended when every holder of a
    /// socket the child inherited has closed it, and the tmux server that `new-session` forks
    /// keeps it open, so `waitUntilExit` never returns. Here the child inherits nothing but
    /// stdin (/dev/null), stdout and stderr, no blocked signals, and `waitpid` says when it is done.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String])
        throws -> (status: Int32, output: String, errors: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        let outPath = base + ".out", errPath = base + ".err"
        defer { unlink(outPath); unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Everything else open here (other tests' pipes and sockets) stays out of the child.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // Test threads block signals, and a child inherits that mask: the tmux server would
        // then ignore kill-server (SIGTERM) and its panes every signal. Start clean.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot run \(executable): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (exitStatus, read(outPath), read(errPath))
    }

    /// `text` quoted for sh.
    public static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
