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
/// **Drawing.** ``draw(_:)`` writes every style run of every changed row at its own position
/// and lets ncurses send only what differs from the last frame. A frame patched from the one on
/// the screen (``ScreenBuffer/patch``) is drawn by its redrawn rows alone, without comparing. With ``countsBytes`` on, it
/// returns the bytes that went to the terminal, counted by the kernel (see ``lastFrameBytes``).
///
/// ncurses sends each frame in one `write` (`fuhe_curses_start` ends and resumes the new screen
/// once, without which ncurses 6.4 writes after every cursor movement).
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
    public var colorsEnabled: Bool { colors.enabled }
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
    private var colors: ColorPairs
    private var encoder = RowEncoder(libcWidth: { fuhe_wcwidth($0) })
    /// Reused storage for a run's cells (``putRun(_:attributes:pair:y:x:)``).
    private var runCells: [cchar_t] = []
    /// Rendered spaces by attributes and colour pair (``pattern(attributes:pair:y:x:)``).
    private var patterns: [(attributes: attr_t, pair: Int16, cell: cchar_t)] = []
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
    private let attributes: (bold: attr_t, reverse: attr_t, underline: attr_t, dim: attr_t)
    /// The last frame drawn when it was a whole one, to skip unchanged rows; nil draws every row
    /// (ncurses still sends only what differs). A patched frame is not kept: its maker changes it
    /// in place for the next one, and keeping it would make that a copy.
    private var previous: ScreenBuffer?
    /// The ``ScreenBuffer/serial`` of the frame on the screen (0: unknown), which a patched frame
    /// must have been made from to be drawn by its rows alone.
    private var drawnSerial = 0
    /// Whether the window holds the last frame (false at start and after ``invalidate()``).
    private var onScreen = false
    private var cursorVisible = false
    /// The size last seen while active (what ``size`` reports after shutdown).
    var lastSize = (width: 0, height: 0)
    /// The screen size when the last frame was drawn; a change forces a full draw.
    private var drawnSize = (width: -1, height: -1)
    /// The cells of the last frame drawn (a buffer may differ from the screen's size).
    private var drawnGrid = (width: -1, height: -1)

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
        // No typeahead check: ncurses would poll the keyboard during every update and write
        // what it had so far before each poll (a first screen went out in ~80 writes, a cursor
        // move in 3 writes and 2 polls); every frame is drawn whole anyway, in one write
        // (`fuhe_curses_start` stops ncurses' flush after every cursor movement).
        typeahead(-1)
        curs_set(0)
        leaveok(window, true)
        // newterm installed ncurses' SIGWINCH handler: the resize now also wakes readKey.
        fuhe_signals_follow_resize()
        colors = ColorPairs(wanted: wanted)
        attributes = (fuhe_a_bold(), fuhe_a_reverse(), fuhe_a_underline(), fuhe_a_dim())
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
        previous = nil
        onScreen = false
        clearok(window, true)
    }

    @discardableResult
    public func draw(_ buffer: ScreenBuffer) -> Int {
        guard isActive else { return 0 }
        var bytesBefore: Int64 = -1, writesBefore: Int64 = -1
        if countsBytes, fuhe_thread_writes(&bytesBefore, &writesBefore) == 0 { bytesBefore = -1 }
        let screen = currentSize()
        if !onScreen || drawnGrid != (buffer.width, buffer.height) || screen != drawnSize {
            werase(window)
            previous = nil
            drawnSerial = 0
        }
        onScreen = true
        drawnSize = screen
        drawnGrid = (buffer.width, buffer.height)
        lastSize = screen
        let rows = min(buffer.height, screen.height)
        if let patch = buffer.patch, drawnSerial != 0, patch.of == drawnSerial {
            // Made from the frame on the screen by redrawing these rows: no compare needed.
            for y in patch.rows where y >= 0 && y < rows { drawRow(y, buffer, columns: screen.width) }
            previous = nil
        } else {
            for y in 0..<rows where !rowUnchanged(y, buffer) {
                drawRow(y, buffer, columns: screen.width)
            }
            previous = buffer
        }
        drawnSerial = buffer.serial
        placeCursor(buffer.cursor, screen: screen)
        wnoutrefresh(window)
        doupdate()
        var bytesAfter: Int64 = -1, writesAfter: Int64 = -1
        if countsBytes, fuhe_thread_writes(&bytesAfter, &writesAfter) == 0 { bytesAfter = -1 }
        let counted = bytesBefore >= 0 && bytesAfter >= bytesBefore && writesAfter >= writesBefore
        lastFrameBytes = counted ? Int(bytesAfter - bytesBefore) : 0
        lastFrameWrites = counted ? Int(writesAfter - writesBefore) : 0
        totalBytesWritten += lastFrameBytes
        return lastFrameBytes
    }

    /// Whether row `y` is the same as in the last frame: identical bytes first (cheap, and
    /// sound: the same bits are the same cells), cell by cell otherwise.
    private func rowUnchanged(_ y: Int, _ buffer: ScreenBuffer) -> Bool {
        guard let previous, buffer.width > 0 else { return false }
        let range = (y * buffer.width)..<((y + 1) * buffer.width)
        let identical = previous.cells.withUnsafeBytes { old in
            buffer.cells.withUnsafeBytes { new in
                let stride = MemoryLayout<Cell>.stride
                return memcmp(old.baseAddress! + range.lowerBound * stride,
                              new.baseAddress! + range.lowerBound * stride, range.count * stride) == 0
            }
        }
        return identical || previous.cells[range] == buffer.cells[range]
    }

    private func drawRow(_ y: Int, _ buffer: ScreenBuffer, columns: Int) {
        let start = y * buffer.width
        let row = buffer.cells[start..<(start + buffer.width)]
        let window = self.window
        encoder.encode(row, columns: columns) { x, style, codePoints, oneCellEach in
            let attributes = attrs(style)
            let pair = colors.pair(for: style)
            wattr_set(window, attributes, pair, nil)
            if oneCellEach && !codePoints.isEmpty {
                putRun(codePoints, attributes: attributes, pair: pair, y: Int32(y), x: Int32(x))
            } else {
                codePoints.withMemoryRebound(to: wchar_t.self) { text in
                    _ = mvwaddnwstr(window, Int32(y), Int32(x), text.baseAddress, Int32(text.count))
                }
            }
        }
        wattr_set(window, 0, 0, nil)
    }

    /// Puts a run whose code points are one character each (``RowEncoder``'s `oneCellEach`) into
    /// the window as whole `cchar_t`s with the window's current attributes and colour pair: the
    /// same cells `mvwaddnwstr` would make, without its per-character work. Each cell is a copy
    /// of ``pattern(attributes:pair:y:x:)`` with its own character.
    private func putRun(_ codePoints: UnsafeBufferPointer<UInt32>, attributes: attr_t, pair: Int16,
                        y: Int32, x: Int32) {
        let pattern = pattern(attributes: attributes, pair: pair, y: y, x: x)
        if runCells.count < codePoints.count {
            runCells = [cchar_t](repeating: cchar_t(), count: max(codePoints.count, 256))
        }
        runCells.withUnsafeMutableBufferPointer { cells in
            for (index, value) in codePoints.enumerated() {
                cells[index] = pattern
                cells[index].chars.0 = wchar_t(bitPattern: value)
            }
            _ = mvwadd_wchnstr(window, y, x, cells.baseAddress, Int32(codePoints.count))
        }
    }

    /// A space as ncurses renders it in these attributes and this pair (what `mvwaddnwstr`
    /// gives every character it puts): rendered once at (`y`, `x`) — which the run overwrites —
    /// read back, and kept (a few dozen at most: the styles in use).
    private func pattern(attributes: attr_t, pair: Int16, y: Int32, x: Int32) -> cchar_t {
        for kept in patterns where kept.attributes == attributes && kept.pair == pair { return kept.cell }
        var cell = cchar_t()
        cell.chars.0 = 0x20
        _ = mvwadd_wch(window, y, x, &cell)
        _ = mvwin_wch(window, y, x, &cell)
        patterns.append((attributes, pair, cell))
        return cell
    }

    private func attrs(_ style: Style) -> attr_t {
        var value: attr_t = 0
        if style.bold { value |= attributes.bold }
        if style.reverse { value |= attributes.reverse }
        if style.underline { value |= attributes.underline }
        if style.dim { value |= attributes.dim }
        return value
    }

    private func placeCursor(_ cursor: (x: Int, y: Int)?, screen: (width: Int, height: Int)) {
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < screen.width, cursor.y < screen.height {
            if !cursorVisible { curs_set(1); leaveok(window, false); cursorVisible = true }
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible {
            // Hidden: let ncurses leave the cursor wherever the last change put it (fewer bytes).
            curs_set(0)
            leaveok(window, true)
            cursorVisible = false
        }
    }
}
