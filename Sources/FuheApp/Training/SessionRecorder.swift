import Foundation
import FuheFiles
import FuheCore
import FuheStore
import FuheTraining
import FuheUI
import TermCore

/// Writes a session record while the demo runs (`fuhe demo --record FILE`): the header when the
/// terminal is up, then one line per key as it happens. The file is an `OutputFile`: the path is
/// checked before the screen starts (an existing file needs `force`; a store, its log files or a
/// folder are refused), the lines go to an unnamed temporary file, and `finish()` gives it its
/// name when the demo ends — on every way out but a kill, which leaves nothing behind. Nothing
/// the user named is ever truncated.
public final class SessionRecorder {
    public let path: String
    private let pending: OutputFile.Pending
    private var started = DispatchTime.now()
    /// The first write error, if any (recording stops there).
    public private(set) var failure: String?

    /// Checks the path and opens the temporary file now, so that a path that cannot be written
    /// is refused before the screen starts.
    public init(path: String, force: Bool = false) throws {
        self.path = path
        do { pending = try OutputFile.begin(path, force: force) } catch { throw AppFailure(error.description) }
    }

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

    /// Gives the record its name (the demo ended). Returns the failure, if any.
    @discardableResult
    public func finish() -> String? {
        if failure == nil {
            do { try pending.commit() } catch { failure = error.description }
        } else {
            pending.discard()
        }
        return failure
    }

    private func write(_ line: String) {
        guard failure == nil else { return }
        do { try pending.append(Array((line + "\n").utf8)) } catch { failure = error.description }
    }
}
