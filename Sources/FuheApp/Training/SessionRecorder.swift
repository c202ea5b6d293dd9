import Foundation
import FuheTraining
import FuheUI
import TermCore

/// Writes a session record while the demo runs (`fuhe demo --record FILE`): the header when the
/// terminal is up, then one line per key as it happens, so a session cut short keeps its keys.
public final class SessionRecorder {
    public let path: String
    private let handle: FileHandle
    private var started = DispatchTime.now()
    /// The first write error, if any (recording stops there).
    public private(set) var failure: String?

    /// Creates (or empties) the file now, so that a path that cannot be written is refused before
    /// the screen starts.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw AppFailure("\(path): cannot write the record file")
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Writes the header and starts the clock.
    public func start(_ header: SessionHeader) {
        started = DispatchTime.now()
        write(header.line())
    }

    /// Records one key and what it did (resizes are not keys and are left out).
    public func record(_ outcome: KeyOutcome) {
        guard let name = KeyName.name(of: outcome.key) else { return }
        let ms = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        write(SessionEvent(ms: ms, key: name, command: outcome.recordName).line())
    }

    private func write(_ line: String) {
        guard failure == nil else { return }
        do { try handle.write(contentsOf: Data((line + "\n").utf8)) } catch { failure = "\(path): \(error.localizedDescription)" }
    }
}
