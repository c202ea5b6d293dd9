import Foundation
import FuheCore

/// Reads a password: a line of standard input with `--password-stdin` (scripts, tests), else a
/// prompt on the terminal with echo off. Never from the command line (it would show in `ps`).
enum Password {
    static func read(prompt: String, fromStdin: Bool, confirm: Bool = false) throws -> String {
        if fromStdin || isatty(STDIN_FILENO) == 0 {
            guard let line = readLine(strippingNewline: true) else { throw CLIFailure(tr("标准输入中没有密码", "no password on standard input")) }
            return line
        }
        let first = try ask(prompt)
        if confirm {
            guard try ask("再输入一次：") == first else { throw CLIFailure("两次输入的密码不一致") }
        }
        return first
    }

    private static func ask(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var old = termios()
        tcgetattr(STDIN_FILENO, &old)
        var quiet = old
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &old)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw CLIFailure(tr("没有输入密码", "no password entered")) }
        return line
    }
}
