import Foundation

/// A program running in a private tmux server, driven the way a person at a terminal would:
/// keys in, screen text out. Self-contained (Foundation only) so other test targets can copy it.
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
/// TERM=screen-256color` unless `environment` says otherwise (the server would otherwise hand
/// the pane the environment of whoever started it). Panes stay on screen after the command
/// exits (`remain-on-exit`), so the last screen can still be read.
final class TmuxSession {
    /// A tmux command failed, or a wait ran out of time (with the screen as it last was).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Whether tmux is installed (tests skip, rather than fail, when it is not).
    static let isAvailable: Bool = executable != nil

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
    let socket: String
    private var killed = false

    /// Starts `command` (a shell command line) in a detached `width`×`height` session.
    /// `environment` is added to (and overrides) `LANG=C.UTF-8 TERM=screen-256color`.
    init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        socket = "fuhe-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        var env = ["LANG": "C.UTF-8", "TERM": "screen-256color"]
        env.merge(environment) { _, new in new }
        let assignments = env.keys.sorted().map { Self.shellQuote("\($0)=\(env[$0]!)") }
        let line = (["env"] + assignments).joined(separator: " ") + " " + command
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", line,
                  ";", "set-option", "-g", "remain-on-exit", "on"])
    }

    deinit { kill() }

    /// Sends tmux key names: "Enter", "C-r", "F5", "BTab", "Escape", "q"…
    func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally (UTF-8), as an input method commits it.
    func sendLiteral(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", "--", text])
    }

    /// The visible screen, one string per row, trailing spaces kept (a wide character appears
    /// once, with no padding: compare positions by display width).
    func capture() throws -> [String] {
        var lines = try tmux(["capture-pane", "-t", target, "-p", "-N"]).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Polls the screen until it contains `text`; returns that screen. Throws with the last
    /// screen when `timeout` seconds pass first.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 10) throws -> [String] {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Polls the screen (every 20 ms) until `condition` holds; returns that screen.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 10, _ condition: ([String]) throws -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        repeat {
            screen = try capture()
            if try condition(screen) { return screen }
            usleep(20_000)
        } while Date() < deadline
        throw Failure(description: "timed out after \(timeout)s waiting for \(what); screen:\n"
            + screen.joined(separator: "\n"))
    }

    /// The cursor position in cells (0-based).
    func cursor() throws -> (x: Int, y: Int) {
        let parts = try display("#{cursor_x},#{cursor_y}").split(separator: ",").compactMap { Int($0) }
        guard parts.count == 2 else { throw Failure(description: "no cursor position from tmux") }
        return (parts[0], parts[1])
    }

    /// A tmux format evaluated for the pane, e.g. "#{alternate_on}" or "#{pane_dead}".
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-t", target, "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window (the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Stops the server and everything in it; idempotent.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
    }

    private var target: String { "\(socket):0.0" }

    /// Runs `tmux -L socket -f /dev/null args…` and returns its standard output.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        guard let executable = Self.executable else { throw Failure(description: "tmux is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        env["LC_ALL"] = nil
        env["LC_CTYPE"] = nil
        env["LANG"] = "C.UTF-8"
        process.environment = env
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: "
                + String(decoding: err, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` quoted for sh.
    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
