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

    private static func write(_ text: String, to fd: Int32) {
        let handle = fd == STDERR_FILENO ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(text.utf8))
    }

    /// The store the command works on, to name it in a translated SQLite error.
    static let currentStore = Mutex<String?>(nil)
}

/// A failure reported to the user as one line on standard error, with a non-zero exit.
typealias CLIFailure = AppFailure
