#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When the keys have paused, for the detail area to catch up with the cursor
/// (`Workstation.settle()`): within one frame (16 ms) of the pause.
///
/// A key pressed on its own pauses as soon as it is handled: the detail area follows 16 ms
/// later. A key held down repeats every 25–40 ms, and the keys have not paused until a repeat
/// fails to come: while the gap between the last two keys is that short (≤ 60 ms, a repeat or a
/// burst), the pause is that gap plus one frame. So a held key redraws only the rows its moves
/// change, and the detail area catches up one frame after the repeat stops.
///
/// ```swift
/// var pause = KeyPause()
/// pause.keyArrived(at: now)
/// let wait = pause.remaining(at: now)   // 16, or the repeat gap + 16
/// ```
public struct KeyPause: Sendable, Equatable {
    /// One frame at 60 Hz (ms).
    public static let frame = 16
    /// Gaps up to this long are a key's repeat or a burst of keys (ms).
    public static let burst = 60

    private var lastKey: Int?
    private var gap: Int?

    public init() {}

    /// Now on the monotonic clock (ms).
    public static func now() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return t.tv_sec * 1000 + t.tv_nsec / 1_000_000
    }

    /// A key arrived at `now` (ms on a monotonic clock).
    public mutating func keyArrived(at now: Int) {
        if let lastKey { gap = now - lastKey }
        lastKey = now
    }

    /// How long after the last key the keys count as paused (ms).
    public var threshold: Int {
        if let gap, gap >= 0, gap <= Self.burst { return gap + Self.frame }
        return Self.frame
    }

    /// Milliseconds left at `now` until the keys count as paused (0: they have).
    public func remaining(at now: Int) -> Int {
        guard let lastKey else { return 0 }
        return max(0, lastKey + threshold - now)
    }
}
