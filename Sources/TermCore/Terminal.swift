/// A terminal the application draws to and reads keys from. The ncurses backend is the real one;
/// tests use an in-memory one. All calls happen on the main actor.
@MainActor
public protocol Terminal: AnyObject {
    /// Current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Draws a full frame; the implementation sends only what changed since the last frame and
    /// returns the number of bytes it wrote to the terminal (0 when unknown).
    @discardableResult
    func draw(_ buffer: ScreenBuffer) -> Int
    /// The next key, waiting at most `timeoutMilliseconds` (nil = no key in that time).
    func readKey(timeoutMilliseconds: Int) -> KeyEvent?
    /// Restores the terminal (idempotent).
    func shutdown()
}
