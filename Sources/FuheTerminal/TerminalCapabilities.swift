import TermCore

/// The escape strings ``ScreenWriter`` draws with, read from terminfo once when the screen
/// starts (``CursesTerminal``) or given whole (tests: ``ansi(colors:)``). Each is the bytes to
/// send; an empty one means the terminal lacks the capability.
struct TerminalCapabilities: Sendable {
    /// How the cursor goes to a cell.
    enum CursorAddressing: Sendable {
        /// `cup` gives `ESC [ row+1 ; column+1 H` (checked at several positions): written
        /// directly, without `tparm`.
        case ansi
        /// Any other `cup`: its string per position, made once and kept (``CursorMoves``).
        case terminfo(@Sendable (_ row: Int, _ column: Int) -> [UInt8])
    }

    var cursorAddress: CursorAddressing
    /// `clear`: clears the screen and homes the cursor.
    var clearScreen: [UInt8]
    /// `el`: clears from the cursor to the end of its row (blank cells, as ncurses leaves them).
    var clearToEndOfLine: [UInt8]
    /// `sgr0`: every attribute off; the colours are the terminal's own again (ncurses assumes so too).
    var exitAttributes: [UInt8]
    var bold: [UInt8]
    var reverse: [UInt8]
    var underline: [UInt8]
    var dim: [UInt8]
    /// `setaf`/`setab` (or `setf`/`setb`) for the eight colours, by ``TermColor`` raw value;
    /// empty when colours are off.
    var foreground: [[UInt8]]
    var background: [[UInt8]]
    /// `op`: the terminal's own colours back.
    var originalColors: [UInt8]
    /// Whether an unset colour is the terminal's own (`use_default_colors` worked); else an
    /// unset foreground is white and an unset background black when the other one is set.
    var defaultColors: Bool
    /// Attributes the terminal cannot show together with colours (`ncv`), as ``Attributes`` bits.
    var noColorVideo: UInt8
    /// `civis` / `cnorm`.
    var hideCursor: [UInt8]
    var showCursor: [UInt8]
    /// `am` without `xenl`: writing the bottom-right cell would scroll the screen, so it is left alone.
    var scrollsAtBottomRight: Bool

    var colorsEnabled: Bool { !foreground.isEmpty }

    /// Attribute bits as ``ScreenWriter`` keeps them.
    enum Attributes {
        static let bold: UInt8 = 1
        static let reverse: UInt8 = 2
        static let underline: UInt8 = 4
        static let dim: UInt8 = 8
    }

    /// An xterm-like terminal with fixed strings (no terminal needed): what the writer's tests use.
    static func ansi(colors: Bool = true, defaultColors: Bool = true, scrollsAtBottomRight: Bool = false) -> TerminalCapabilities {
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
        return TerminalCapabilities(
            cursorAddress: .ansi, clearScreen: bytes("\u{1B}[H\u{1B}[2J"), clearToEndOfLine: bytes("\u{1B}[K"), exitAttributes: bytes("\u{1B}[m"),
            bold: bytes("\u{1B}[1m"), reverse: bytes("\u{1B}[7m"), underline: bytes("\u{1B}[4m"), dim: bytes("\u{1B}[2m"),
            foreground: colors ? (0..<8).map { bytes("\u{1B}[3\($0)m") } : [],
            background: colors ? (0..<8).map { bytes("\u{1B}[4\($0)m") } : [],
            originalColors: colors ? bytes("\u{1B}[39;49m") : [], defaultColors: defaultColors, noColorVideo: 0,
            hideCursor: bytes("\u{1B}[?25l"), showCursor: bytes("\u{1B}[?12l\u{1B}[?25h"),
            scrollsAtBottomRight: scrollsAtBottomRight)
    }
}
