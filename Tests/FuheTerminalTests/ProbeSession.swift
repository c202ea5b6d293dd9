import Foundation
import FuheTestSupport
import TermCore

/// Runs the built `term-probe` in tmux inside a small shell script that, once the probe is
/// gone, prints its exit status, the terminal modes that matter (`icanon`, `echo`: a raw-mode
/// terminal left behind shows `-icanon -echo`) and "RESTORED", then stays on screen.
enum ProbeSession {
    static let executable: URL? = {
        var candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        candidates += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for dir in candidates {
            let url = dir.appendingPathComponent("term-probe")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    /// Starts the probe and waits for its first frame.
    static func start(width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws -> TmuxSession {
        guard let executable else { throw TmuxSession.Failure(description: "term-probe not found next to the tests") }
        let script = TmuxSession.shellQuote(executable.path) + "; echo \"EXIT=$?\"; "
            + "stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; "
            + "echo; echo RESTORED; sleep 60"
        let tmux = try TmuxSession(command: "sh -c " + TmuxSession.shellQuote(script),
                                   width: width, height: height, environment: environment)
        try tmux.waitFor(text: "q 退出 quit")
        return tmux
    }

    /// Starts the probe from an interactive shell with job control (as a user has, so that
    /// Ctrl-Z and `fg` work), waits for its first frame and returns the session and that frame.
    static func startInShell(width: Int = 100, height: Int = 30) throws -> (tmux: TmuxSession, screen: [String]) {
        guard let executable else { throw TmuxSession.Failure(description: "term-probe not found next to the tests") }
        let tmux = try TmuxSession(command: "bash --norc --noprofile -i", width: width, height: height, environment: ["PS1": "$ "])
        do {
            try tmux.waitFor(text: "$")
            try tmux.sendLiteral(TmuxSession.shellQuote(executable.path))
            try tmux.sendKeys("Enter")
            return (tmux, try tmux.waitFor(text: "q 退出 quit"))
        } catch {
            tmux.kill()
            throw error
        }
    }

    /// The probe's process id, as it shows it.
    static func pid(_ screen: [String]) -> pid_t? {
        for line in screen {
            guard let range = line.range(of: "pid ") else { continue }
            return pid_t(line[range.upperBound...].prefix { $0.isNumber })
        }
        return nil
    }

    /// Whether `pid` is alive (neither gone nor a zombie waiting to be reaped).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].hasPrefix(") Z")
    }

    /// The text between the box borders on the row that contains `label`, trimmed.
    static func field(_ label: String, in screen: [String]) -> String? {
        guard let line = screen.first(where: { $0.contains(label) }) else { return nil }
        return line.trimmingCharacters(in: CharacterSet(charactersIn: "│ "))
    }

    /// How many times the process's threads have been switched to since they started (the
    /// kernel's voluntary and involuntary context switches): a sleeping process adds none.
    static func switches(_ pid: pid_t) throws -> Int {
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")
        var total = 0
        for task in tasks {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8) else { continue }
            for line in status.split(separator: "\n") where line.contains("ctxt_switches:") {
                total += Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
            }
        }
        return total
    }

    /// Display column where `needle` starts in `line`, or nil.
    static func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return DisplayWidth.of(line[..<range.lowerBound])
    }
}
