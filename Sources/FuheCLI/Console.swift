import Foundation
import FuheApp
import FuheCore
import FuheStore
import Synchronization
import TermCore

/// Everything the command line writes goes through here. Text for people (tables, messages,
/// errors) is passed through ``TerminalText/escaped(_:keepingNewlines:)``, so no name or text
/// from a dossier can act on the terminal; file formats written to standard output (JSON, CSV)
/// stay byte-exact when they go to a pipe or a file, and are escaped too when standard output
/// is a terminal.
enum Console {
    /// One or more lines on standard output.
    static func line(_ text: String) {
        write(TerminalText.escaped(text, keepingNewlines: true) + "\n", to: STDOUT_FILENO)
    }

    /// One or more lines on standard error.
    static func error(_ text: String) {
        write(TerminalText.escaped(text, keepingNewlines: true) + "\n", to: STDERR_FILENO)
    }

    /// A file's bytes on standard output: as they are into a pipe or file, escaped on a terminal.
    static func data(_ bytes: [UInt8]) {
        if isatty(STDOUT_FILENO) == 1 {
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            write(TerminalText.escaped(text, keepingNewlines: true), to: STDOUT_FILENO)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    /// Many lines on standard output, escaped like `line` and written in large pieces (one
    /// write per line costs a system call each: `fuhe check` prints hundreds of thousands).
    /// Call `flush()` at the end.
    struct Lines {
        private var buffer: [UInt8] = []
        private static let limit = 1 << 16

        mutating func line(_ text: String) {
            buffer.append(contentsOf: TerminalText.escaped(text, keepingNewlines: true).utf8)
            buffer.append(0x0A)
            if buffer.count >= Self.limit { flush() }
        }

        mutating func flush() {
            guard !buffer.isEmpty else { return }
            FileHandle.standardOutput.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
    }

    private static func write(_ text: String, to fd: Int32) {
        let handle = fd == STDERR_FILENO ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(text.utf8))
    }

    /// The store the command works on, to name it in a translated SQLite error.
    static let currentStore = Mutex<String?>(nil)
}

/// A failure reported to the user as one line on standard error, with a non-zero exit.
typealias CLIFailure = AppFailure
