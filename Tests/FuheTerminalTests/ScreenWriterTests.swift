import Testing
import TermCore
@testable import FuheTerminal

/// The bytes ``ScreenWriter`` makes for given frames, with fixed xterm-like capabilities (no
/// terminal needed). ESC is written `⎋` in the expectations.
@Suite("screen writer")
struct ScreenWriterTests {
    private static let esc = "\u{1B}"
    /// The first frame's start: attributes and colours reset, then the screen cleared.
    private static let clear = "⎋[m⎋[39;49m⎋[H⎋[2J"

    private func writer(_ capabilities: TerminalCapabilities = .ansi()) -> ScreenWriter {
        ScreenWriter(capabilities: capabilities) { value in
            if value < 0x20 || (value >= 0x7F && value < 0xA0) { return -1 }
            return Int32(DisplayWidth.of(Unicode.Scalar(value)!))
        }
    }

    /// The frame's bytes as text, ESC shown as ⎋.
    private func frame(_ writer: inout ScreenWriter, _ buffer: ScreenBuffer, screen: (Int, Int)? = nil,
                       rows: [Int]? = nil) -> String {
        writer.frame(buffer, screen: screen ?? (buffer.width, buffer.height), rows: rows)
        return String(decoding: writer.bytes, as: UTF8.self).replacingOccurrences(of: Self.esc, with: "⎋")
    }

    @Test func firstFrameClearsThenWritesOnlyWhatIsNotBlank() {
        var writer = writer()
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.put("ab", x: 0, y: 0)
        buffer.put("复核", x: 3, y: 1, style: .bold)
        buffer.put("z", x: 9, y: 2, style: Style(foreground: .red))
        #expect(frame(&writer, buffer) == Self.clear + "ab⎋[2;4H⎋[1m复核⎋[3;10H⎋[m⎋[31mz⎋[m⎋[?25l")
    }

    @Test func anUnchangedFrameSendsNothingAndAChangedCellOnlyItself() {
        var writer = writer()
        var buffer = ScreenBuffer(width: 20, height: 2)
        buffer.put("unit one", x: 0, y: 0)
        buffer.put("unit two", x: 0, y: 1)
        _ = frame(&writer, buffer)
        #expect(frame(&writer, buffer).isEmpty)
        buffer.put("x", x: 5, y: 1)
        #expect(frame(&writer, buffer) == "⎋[2;6Hx")
        // Cells a few columns apart go as one stretch, the unchanged ones between again; far
        // apart the cursor jumps; the start of the cursor's own row is a carriage return.
        buffer.put("A", x: 0, y: 0)
        buffer.put("E", x: 4, y: 0)
        buffer.put("Z", x: 15, y: 0)
        #expect(frame(&writer, buffer) == "⎋[1;1HAnitE⎋[1;16HZ")
        buffer.put("a", x: 0, y: 0)
        buffer.put("y", x: 19, y: 0)
        #expect(frame(&writer, buffer) == "\ra⎋[1;20Hy")
    }

    @Test func blanksAtTheEndOfARowAreClearedNotWritten() {
        var writer = writer()
        var buffer = ScreenBuffer(width: 12, height: 2)
        buffer.put("hello", x: 0, y: 0)
        buffer.put("selected", x: 0, y: 1, style: .reverse)
        _ = frame(&writer, buffer)
        buffer.put("hi   ", x: 0, y: 0)
        buffer.fill(Rect(x: 0, y: 1, width: 12, height: 1))
        buffer.put("sel", x: 0, y: 1)
        // Attributes off before the clear: with `bce` the cleared cells would take them.
        #expect(frame(&writer, buffer) == "⎋[1;2Hi⎋[K⎋[2;1Hsel⎋[K")
        // Bold or dim spaces look like cleared cells: not written, and cleared like them.
        buffer.fill(Rect(x: 0, y: 0, width: 12, height: 1), style: .dim)
        #expect(frame(&writer, buffer) == "⎋[1;1H⎋[K")
        buffer.fill(Rect(x: 0, y: 0, width: 12, height: 1), style: .bold)
        #expect(frame(&writer, buffer).isEmpty)
    }

    @Test func theCursorMovesOnlyWhereItIsNotAlready() {
        var writer = writer()
        var buffer = ScreenBuffer(width: 20, height: 2)
        _ = frame(&writer, buffer)
        buffer.put("ab", x: 3, y: 0)
        buffer.put("cd", x: 12, y: 0)
        buffer.put("ef", x: 0, y: 1)
        // After "cd" the cursor is at column 14 of row 0; "ef" needs an absolute move.
        #expect(frame(&writer, buffer) == "⎋[1;4Hab⎋[1;13Hcd⎋[2;1Hef")
        buffer.put("g", x: 2, y: 1)
        buffer.put("h", x: 0, y: 1)
        // A row's changes go left to right: from the cursor after "ef" (column 2), "h" at 0 and
        // "g" at 2 are one stretch starting with a carriage return.
        #expect(frame(&writer, buffer) == "\rhfg")
    }

    @Test func stylesChangeOnlyWhenTheCellsDo() {
        var writer = writer()
        var buffer = ScreenBuffer(width: 12, height: 1)
        _ = frame(&writer, buffer)
        buffer.put("ab", x: 0, y: 0, style: Style(bold: true, reverse: true))
        buffer.put("cd", x: 2, y: 0, style: .reverse)
        buffer.put("ef", x: 4, y: 0, style: Style(reverse: true, foreground: .green, background: .blue))
        buffer.put("gh", x: 6, y: 0, style: Style(background: .blue))
        buffer.put("ij", x: 8, y: 0)
        // Turning bold off takes sgr0 and reverse on again; a colour back to the terminal's
        // own takes op; the frame ends with the attributes reset.
        #expect(frame(&writer, buffer) == "⎋[1m⎋[7mab⎋[m⎋[7mcd⎋[32m⎋[44mef⎋[m⎋[44mgh⎋[39;49mij")
    }

    @Test func withoutOpAColourGoesBackWithSgr0() {
        var capabilities = TerminalCapabilities.ansi()
        capabilities.originalColors = []
        var writer = writer(capabilities)
        var buffer = ScreenBuffer(width: 4, height: 1)
        _ = frame(&writer, buffer)
        buffer.put("a", x: 0, y: 0, style: Style(bold: true, foreground: .red))
        buffer.put("b", x: 1, y: 0, style: .bold)
        #expect(frame(&writer, buffer) == "⎋[1m⎋[31ma⎋[m⎋[1mb⎋[m")
    }

    @Test func withoutColoursNoColourIsSent() {
        var writer = writer(.ansi(colors: false))
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("ab", x: 0, y: 0, style: Style(foreground: .red))
        buffer.put("cd", x: 2, y: 0, style: Style(underline: true, foreground: .red, background: .white))
        #expect(frame(&writer, buffer) == "⎋[m⎋[H⎋[2Jab⎋[4mcd⎋[m⎋[?25l")
    }

    @Test func withoutDefaultColoursAnUnsetColourIsWhiteOnBlack() {
        var writer = writer(.ansi(defaultColors: false))
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("a", x: 0, y: 0, style: Style(foreground: .red))
        buffer.put("b", x: 1, y: 0, style: Style(background: .blue))
        #expect(frame(&writer, buffer) == Self.clear + "⎋[31m⎋[40ma⎋[37m⎋[44mb⎋[m⎋[?25l")
    }

    @Test func aWideCharacterReplacedByNarrowOnesRedrawsItsNeighbours() {
        var writer = writer()
        var buffer = ScreenBuffer(width: 8, height: 1)
        buffer.put("a复b", x: 0, y: 0)
        _ = frame(&writer, buffer)
        // Only the continuation cell changes: the wide character's first cell is drawn too
        // (as U+FFFD: it has lost its second half).
        buffer[2, 0] = Cell("x")
        #expect(frame(&writer, buffer) == "⎋[1;2H\u{FFFD}x")
        // A wide character where narrow ones were: written once, from its first cell.
        buffer.put("核", x: 1, y: 0)
        #expect(frame(&writer, buffer) == "⎋[1;2H核")
        // The cursor after a wide character is two columns on.
        buffer.put("c", x: 3, y: 0)
        #expect(frame(&writer, buffer) == "c")
    }

    @Test func charactersTheTerminalWouldLayOutOtherwiseAreReplaced() {
        var writer = writer()
        var buffer = ScreenBuffer(width: 8, height: 1)
        buffer.put("a\u{1FAE9}b", x: 0, y: 0)  // Unicode 15 emoji: unknown to the width table
        buffer[6, 0] = Cell(" ", width: 0)     // an orphan continuation cell
        buffer[7, 0] = Cell("中")              // a wide character in a one-cell cell, last column
        // The blank cells between are written again rather than jumped over.
        #expect(frame(&writer, buffer) == Self.clear + "a\u{FFFD} b   \u{FFFD}⎋[?25l")
    }

    @Test func aClusterLeavesTheCursorUnknown() {
        var writer = writer()
        var buffer = ScreenBuffer(width: 10, height: 1)
        _ = frame(&writer, buffer)
        buffer.put("e\u{301}", x: 0, y: 0)
        buffer.put("x", x: 6, y: 0)
        buffer.put("y", x: 7, y: 0)
        // After the cluster the next stretch starts with an absolute move, even on its row.
        #expect(frame(&writer, buffer) == "e\u{301}⎋[1;7Hxy")
    }

    @Test func theBottomRightCellIsLeftAloneWhenWritingItWouldScroll() {
        var buffer = ScreenBuffer(width: 4, height: 2)
        buffer.put("abcd", x: 0, y: 0)
        buffer.put("efgh", x: 0, y: 1)
        var scrolls = writer(.ansi(scrollsAtBottomRight: true))
        #expect(frame(&scrolls, buffer) == Self.clear + "abcd⎋[2;1Hefg⎋[?25l")
        var wraps = writer()
        #expect(frame(&wraps, buffer) == Self.clear + "abcd⎋[2;1Hefgh⎋[?25l")
        // A wide character ending in the bottom-right cell is not written either.
        buffer.put("中", x: 2, y: 1)
        #expect(frame(&scrolls, buffer) == "⎋[2;3H ")
    }

    @Test func theCursorShowsWhereTheFrameWantsItAndHidesOtherwise() {
        var writer = writer()
        var buffer = ScreenBuffer(width: 10, height: 2)
        buffer.put("名称", x: 0, y: 1)
        buffer.cursor = (4, 1)
        #expect(frame(&writer, buffer) == "⎋[m⎋[39;49m⎋[H⎋[2J⎋[2;1H名称⎋[?12l⎋[?25h")
        buffer.put("x", x: 4, y: 1)
        buffer.cursor = (5, 1)
        #expect(frame(&writer, buffer) == "x")
        buffer.cursor = nil
        #expect(frame(&writer, buffer) == "⎋[?25l")
        #expect(frame(&writer, buffer).isEmpty)
    }

    @Test func forgettingOrANewSizeRepaintsEverything() {
        var writer = writer()
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("abc", x: 0, y: 0)
        let first = frame(&writer, buffer)
        #expect(frame(&writer, buffer).isEmpty)
        writer.forget()
        #expect(frame(&writer, buffer) == first)
        // A larger screen: cleared, the buffer drawn in its corner (the cursor stays hidden).
        #expect(frame(&writer, buffer, screen: (8, 2)) == Self.clear + "abc")
        // A smaller one: only what fits.
        #expect(frame(&writer, buffer, screen: (2, 1)) == Self.clear + "ab")
    }

    @Test func aPatchedFrameIsComparedByItsRowsAlone() {
        var writer = writer()
        var buffer = ScreenBuffer(width: 6, height: 3)
        _ = frame(&writer, buffer)
        buffer.put("r0", x: 0, y: 0)
        buffer.put("r2", x: 0, y: 2)
        #expect(frame(&writer, buffer, rows: [2, 7]) == "⎋[3;1Hr2")
        #expect(frame(&writer, buffer) == "⎋[1;1Hr0")
    }

    @Test func anotherCursorAddressIsMadeOncePerPlace() {
        var capabilities = TerminalCapabilities.ansi()
        final class Count: @unchecked Sendable { var made = 0 }
        let count = Count()
        capabilities.cursorAddress = .terminfo { row, column in
            count.made += 1
            return Array("<\(row),\(column)>".utf8)
        }
        var writer = writer(capabilities)
        var buffer = ScreenBuffer(width: 10, height: 2)
        _ = frame(&writer, buffer)
        buffer.put("a", x: 5, y: 1)
        #expect(frame(&writer, buffer) == "<1,5>a")
        buffer.put("b", x: 5, y: 1)
        #expect(frame(&writer, buffer) == "<1,5>b")
        #expect(count.made == 1)
    }

    @Test func terminfoPaddingIsNotSent() {
        func stripped(_ text: String) -> String {
            String(decoding: TerminalCapabilities.withoutPadding(Array(text.utf8)), as: UTF8.self)
        }
        #expect(stripped("\u{1B}[5;7H$<5>") == "\u{1B}[5;7H")
        #expect(stripped("\u{1B}[H\u{1B}[J$<50>") == "\u{1B}[H\u{1B}[J")
        #expect(stripped("\u{1B}[K$<3*/>x") == "\u{1B}[Kx")
        #expect(stripped("a$b$<c>$<") == "a$b$<c>$<")
    }
}
