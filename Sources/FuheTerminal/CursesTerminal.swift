#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import TermCore

/// The real ``Terminal``: ncursesw in raw mode on the process's terminal, wide characters on.
///
/// ```swift
/// let terminal = try CursesTerminal()
/// defer { terminal.shutdown() }
/// while !terminal.terminationRequested {
///     terminal.draw(render(state, size: terminal.size))
///     if let key = terminal.readKey(timeoutMilliseconds: 250) { state.handle(key) }
/// }
/// ```
///
/// **Start.** The locale comes from the environment; when its codeset is not UTF-8 (`LANG=C`,
/// no `LANG`), `LC_CTYPE` becomes `C.UTF-8`, since otherwise ncurses drops every Chinese cell and
/// swallows typed Chinese. Then `raw` (Ctrl-C arrives as `.ctrl("c")`), `noecho`, keypad mode
/// off (``KeyDecoder`` decodes escape sequences), bracketed paste on, and colours only if the
/// terminal has them and `NO_COLOR` is not set.
///
/// **Drawing.** ``draw(_:)`` is Fuhe's own: ``ScreenWriter`` compares the frame with the cells it
/// knows are on the terminal and makes the bytes for what differs (escape strings read from
/// terminfo once, ``TerminalCapabilities``), which go out in one `write`. A frame patched from
/// the one on the screen (``ScreenBuffer/patch``) is compared by its redrawn rows alone. ncurses
/// starts and ends the screen (modes, alternate screen, cursor), reads resizes and suspends;
/// it never draws: its window stays blank and untouched, so it never repaints over the frame.
/// A terminal without cursor addressing (`cup`, e.g. `TERM=dumb`) is refused at start.
/// With ``countsBytes`` on, ``draw(_:)`` returns the bytes that went to the terminal, counted
/// by the kernel (see ``lastFrameBytes``).
///
/// **Waiting.** ``readKey(timeoutMilliseconds:)`` sleeps in one `poll` of the keyboard and a
/// self-pipe that the signal handlers write to (SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT and
/// SIGWINCH, whichever thread they reach), so an idle program wakes only for a key, a signal or
/// its own timeout. What the keyboard has is then read in one `read` and decoded in the locale
/// as ncurses would (``fuhe_read_input``); ncurses is asked only after a signal, for a resize.
///
/// **Signals.** The terminal is always given back: SIGTERM, SIGHUP and SIGINT are recorded,
/// ``readKey(timeoutMilliseconds:)`` returns nil at once and ``terminationRequested``
/// becomes true, so the run loop can save and call ``shutdown()``; a second such signal
/// restores the terminal and ends the process. A terminal that goes away (window closed, tmux
/// server killed) counts as SIGHUP even when no signal arrives. SIGQUIT and the fatal signals
/// (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS) restore the terminal, then take
/// their previous course (Swift's crash report, core dump, death). `exit()` restores it too
/// (an atexit hook). Ctrl-Z and SIGTSTP suspend (see ``suspend()``); after SIGCONT the screen
/// is repainted. ``shutdown()`` puts the previous signal dispositions back.
@MainActor
public final class CursesTerminal: Terminal {
    /// Whether `LC_CTYPE` is UTF-8 after the locale fix (false: Chinese cannot be shown).
    public let isUTF8: Bool
    /// The locale codeset in use, e.g. "UTF-8".
    public let codeset: String
    /// Whether colours are in use.
    public var colorsEnabled: Bool { writer.capabilities.colorsEnabled }
    /// Whether the screen is up (false after ``shutdown()``).
    public private(set) var isActive = true
    /// Whether ``draw(_:)`` counts the bytes and writes it sends (two reads of
    /// `/proc/thread-self/io` per frame, so off unless asked for: `term-probe` shows them).
    public var countsBytes = false
    /// Bytes the last ``draw(_:)`` sent to the terminal (0 when the kernel does not say, or
    /// when ``countsBytes`` is off).
    public private(set) var lastFrameBytes = 0
    /// The `write` calls the last ``draw(_:)`` made (one per frame that changed anything; 0 when
    /// the kernel does not say, or when ``countsBytes`` is off).
    public private(set) var lastFrameWrites = 0
    /// Bytes all ``draw(_:)`` calls have sent so far.
    public private(set) var totalBytesWritten = 0

    let window: UnsafeMutablePointer<WINDOW>
    /// Makes each frame's bytes from what the terminal shows.
    private var writer: ScreenWriter
    /// Where frames are written (ncurses' output: stdout, or stderr when only that is a terminal).
    private let outputFD: Int32
    /// Escape sequences and pastes being read.
    var decoder = KeyDecoder()
    /// Whether ncurses is to be asked, without waiting, for what it holds before the next wait:
    /// true after a signal woke the wait (a resize arrives from ncurses as KEY_RESIZE) and after
    /// ncurses returned something (it may hold more). Keys are read without ncurses otherwise.
    var asksCurses = true
    /// When the first bytes of a character, kept by ``fuhe_read_input``, are given up if the
    /// rest has not come (monotonic ms), or nil when none are kept.
    var partDeadline: Int?
    /// The code points of one read of the keyboard.
    var inputCodes = [UInt32](repeating: 0, count: Int(FUHE_INPUT_READ) + Int(MB_LEN_MAX))
    /// How long a character's later bytes may take to arrive once its first byte is there (ms).
    static let continuationMilliseconds = 50
    /// Keys decoded but not yet returned (one input can complete two).
    var queuedKeys: [KeyEvent] = []
    /// The ``ScreenBuffer/serial`` of the frame on the screen (0: unknown), which a patched frame
    /// must have been made from to be compared by its rows alone.
    private var drawnSerial = 0
    /// The frame's grid when the last frame was drawn; a change repaints everything.
    private var drawnGrid = (width: -1, height: -1)
    /// The size last seen while active (what ``size`` reports after shutdown).
    var lastSize = (width: 0, height: 0)

    /// Starts full-screen mode. `colors`: nil = automatic (terminal support and `NO_COLOR`),
    /// false = never, true = when the terminal has them.
    ///
    /// Throws when stdin is not a terminal, `TERM` is unknown, or a screen is already up.
    public init(colors wanted: Bool? = nil) throws {
        guard isatty(STDIN_FILENO) == 1 else { throw TerminalError("standard input is not a terminal") }
        guard fuhe_curses_active() == 0 else { throw TerminalError("a terminal screen is already active") }
        isUTF8 = fuhe_locale_setup() == 1
        codeset = String(cString: fuhe_locale_codeset())
        fuhe_signals_install()
        fuhe_drop_input_part()  // nothing half-read from an earlier screen
        guard let window = fuhe_curses_start() else {
            fuhe_signals_restore()
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError("cannot start the terminal (TERM=\(term.isEmpty ? "unset" : term))")
        }
        self.window = window
        raw()
        noecho()
        nonl()
        // Keypad mode off: KeyDecoder reads every escape sequence itself, so one ncurses does
        // not know (Ctrl-→ under TERM=screen) is never split into Esc and stray keys.
        keypad(window, false)
        meta(window, true)
        intrflush(window, false)
        // No typeahead check: ncurses would poll the keyboard during its own updates (the start,
        // the return after a stop) and write what it had so far before each poll.
        typeahead(-1)
        // The cursor hidden through ncurses, so that ending the screen shows it again and
        // resuming after a stop hides it; sent now (doupdate of the blank window flushes).
        curs_set(0)
        leaveok(window, true)
        doupdate()
        // newterm installed ncurses' SIGWINCH handler: the resize now also wakes readKey.
        fuhe_signals_follow_resize()
        guard let capabilities = TerminalCapabilities.fromTerminfo(colors: wanted) else {
            fuhe_curses_end()
            fuhe_signals_restore()
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError("the terminal cannot move its cursor (TERM=\(term.isEmpty ? "unset" : term))")
        }
        writer = ScreenWriter(capabilities: capabilities, libcWidth: { fuhe_wcwidth($0) })
        outputFD = fuhe_output_fd()
        lastSize = currentSize()
    }

    isolated deinit {
        shutdown()
    }

    // MARK: - Terminal

    public var size: (width: Int, height: Int) {
        if isActive { lastSize = currentSize() }
        return lastSize
    }

    func currentSize() -> (width: Int, height: Int) {
        var height: Int32 = 0
        var width: Int32 = 0
        fuhe_getmaxyx(window, &height, &width)
        return (Int(width), Int(height))
    }

    /// Leaves full-screen mode (`endwin`: normal screen, cursor and terminal modes back) and
    /// puts back the signal dispositions the terminal replaced. Idempotent; deinit calls it.
    public func shutdown() {
        guard isActive else { return }
        isActive = false
        fuhe_curses_end()
        fuhe_signals_restore()
    }

    // MARK: - Signals

    /// The first SIGTERM/SIGHUP/SIGINT received since the terminal started, or nil.
    public var terminationSignal: Int32? { Self.pendingTerminationSignal }

    /// True once a termination signal arrived: save, call ``shutdown()`` and exit.
    public var terminationRequested: Bool { Self.pendingTerminationSignal != nil }

    /// The same as ``terminationSignal``, readable from anywhere (it is a C flag).
    public nonisolated static var pendingTerminationSignal: Int32? {
        let signal = fuhe_termination_signal()
        return signal == 0 ? nil : signal
    }

    // MARK: - Drawing

    /// Forgets what is on the screen: the next ``draw(_:)`` clears and repaints everything
    /// (after something else wrote to the terminal, or on Ctrl-L).
    public func invalidate() {
        guard isActive else { return }
        writer.forget()
        drawnSerial = 0
    }

    @discardableResult
    public func draw(_ buffer: ScreenBuffer) -> Int {
        guard isActive else { return 0 }
        var bytesBefore: Int64 = -1, writesBefore: Int64 = -1
        if countsBytes, fuhe_thread_writes(&bytesBefore, &writesBefore) == 0 { bytesBefore = -1 }
        if isendwin() {
            // Back after a stop: ncurses enters the screen again (modes, alternate screen,
            // hidden cursor) and clears it; the frame then paints everything.
            doupdate()
            writer.forget()
        }
        let screen = currentSize()
        lastSize = screen
        if drawnGrid != (buffer.width, buffer.height) {
            writer.forget()
            drawnGrid = (buffer.width, buffer.height)
        }
        var rows: [Int]?
        if let patch = buffer.patch, drawnSerial != 0, patch.of == drawnSerial { rows = patch.rows }
        writer.frame(buffer, screen: screen, rows: rows)
        drawnSerial = buffer.serial
        if !writer.bytes.isEmpty, outputFD >= 0 {
            let written = writer.bytes.withUnsafeBufferPointer { fuhe_write_all(outputFD, $0.baseAddress, $0.count) }
            // The terminal failed part-way: what it shows is unknown.
            if written < 0 { writer.forget() }
        }
        var bytesAfter: Int64 = -1, writesAfter: Int64 = -1
        if countsBytes, fuhe_thread_writes(&bytesAfter, &writesAfter) == 0 { bytesAfter = -1 }
        let counted = bytesBefore >= 0 && bytesAfter >= bytesBefore && writesAfter >= writesBefore
        lastFrameBytes = counted ? Int(bytesAfter - bytesBefore) : 0
        lastFrameWrites = counted ? Int(writesAfter - writesBefore) : 0
        totalBytesWritten += lastFrameBytes
        return lastFrameBytes
    }
}
