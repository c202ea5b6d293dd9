import Testing
import TermCore
@testable import FuheTerminal

/// The pure parts of the backend: key decoding and row encoding (no terminal needed).
@Suite("backend units")
struct BackendUnitTests {
    @Test func controlAndEditingKeys() {
        #expect(KeyDecoder.event(isFunctionKey: false, code: 3) == .ctrl("c"))
        #expect(KeyDecoder.event(isFunctionKey: false, code: 18) == .ctrl("r"))
        #expect(KeyDecoder.event(isFunctionKey: false, code: 26) == .ctrl("z"))
        for code: UInt32 in [8, 127] { #expect(KeyDecoder.event(isFunctionKey: false, code: code) == .backspace) }
        for code: UInt32 in [10, 13] { #expect(KeyDecoder.event(isFunctionKey: false, code: code) == .enter) }
        #expect(KeyDecoder.event(isFunctionKey: false, code: 9) == .tab)
        #expect(KeyDecoder.event(isFunctionKey: false, code: 27) == .escape)
        #expect(KeyDecoder.event(isFunctionKey: false, code: 0) == nil)
        #expect(KeyDecoder.event(isFunctionKey: false, code: 0x85) == nil)
    }

    @Test func printableTextIncludingChinese() {
        #expect(KeyDecoder.event(isFunctionKey: false, code: 0x71) == .character("q"))
        #expect(KeyDecoder.event(isFunctionKey: false, code: 0x20) == .character(" "))
        #expect(KeyDecoder.event(isFunctionKey: false, code: 0x590D) == .character("复"))
        #expect(KeyDecoder.event(isFunctionKey: false, code: 0xD800) == nil)
    }

    @Test func functionKeys() {
        let cases: [(Int32, KeyEvent)] = [
            (0o403, .up), (0o402, .down), (0o404, .left), (0o405, .right), (0o523, .pageUp),
            (0o522, .pageDown), (0o406, .home), (0o550, .end), (0o512, .delete), (0o407, .backspace),
            (0o527, .enter), (0o541, .backTab), (0o410 + 1, .function(1)), (0o410 + 12, .function(12)),
        ]
        for (code, key) in cases {
            #expect(KeyDecoder.event(isFunctionKey: true, code: UInt32(code)) == key, "code \(code)")
        }
        #expect(KeyDecoder.event(isFunctionKey: true, code: 0o632) == nil, "KEY_RESIZE is the terminal's")
    }

    /// Encodes one row with a glibc-like width function (or `libcWidth`) and returns, per
    /// style run, its column, its text (the UTF-8 sent) and whether it was exact.
    private func encodeRuns(_ buffer: ScreenBuffer, columns: Int? = nil,
                            libcWidth: ((UInt32) -> Int32)? = nil) -> [(x: Int, text: String, exact: Bool)] {
        var encoder = RowEncoder(libcWidth: libcWidth ?? { value in
            if value < 0x20 || (value >= 0x7F && value < 0xA0) { return -1 }
            return Int32(DisplayWidth.of(Unicode.Scalar(value)!))
        })
        let limit = min(columns ?? buffer.width, buffer.width)
        var runs: [(x: Int, text: String, exact: Bool)] = []
        buffer.cells.withUnsafeBufferPointer { cells in
            var x = 0
            while x < limit {
                let start = x, style = cells[x].style
                var bytes: [UInt8] = []
                encoder.exact = true
                while x < limit && cells[x].style == style {
                    x += encoder.appendCell(cells.baseAddress!, at: x, columns: limit, to: &bytes)
                }
                runs.append((start, String(decoding: bytes, as: UTF8.self), encoder.exact))
            }
        }
        return runs
    }

    private func encode(_ buffer: ScreenBuffer, columns: Int? = nil) -> [(Int, String)] {
        encodeRuns(buffer, columns: columns).map { ($0.x, $0.text) }
    }

    /// Which runs leave the cursor where the buffer says: not one holding a character of
    /// several scalars (a combining mark), nor a replacement (here for a character libc does
    /// not know) when libc gives U+FFFD no cell.
    @Test func runsSayWhetherTheirOutputIsExact() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        buffer.put("复核ab", x: 0, y: 0)
        buffer.put("e\u{301}x", x: 6, y: 0, style: .bold)
        buffer.put("审", x: 9, y: 0, style: .dim)
        func runs(replacementWidth: Int32) -> [(Int, Bool)] {
            encodeRuns(buffer) { value in
                if value == 0xFFFD { return replacementWidth }
                if value == 0x5BA1 { return -1 }
                if value < 0x20 || (value >= 0x7F && value < 0xA0) { return -1 }
                return Int32(DisplayWidth.of(Unicode.Scalar(value)!))
            }.map { ($0.x, $0.exact) }
        }
        let known = runs(replacementWidth: 1)
        #expect(known.map(\.0) == [0, 6, 8, 9, 11])
        #expect(known.map(\.1) == [true, false, true, true, true])
        #expect(runs(replacementWidth: -1).map(\.1) == [true, false, true, false, true])
    }

    @Test func wideCharactersAreSentOnceAndRunsSplitByStyle() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        buffer.put("复核", x: 0, y: 0)
        buffer.put("ab", x: 4, y: 0, style: .bold)
        let runs = encode(buffer)
        #expect(runs.map(\.0) == [0, 4, 6])
        #expect(runs.map(\.1) == ["复核", "ab", "    "])
    }

    @Test func unknownAndMismatchedCharactersBecomeReplacementPaddedToWidth() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        buffer.put("a\u{1FAE9}b", x: 0, y: 0)           // Unicode 15 emoji: unknown to glibc 2.36
        buffer[5, 0] = Cell("中")                        // a wide character in a one-cell cell
        buffer[6, 0] = Cell(" ", width: 0)              // an orphan continuation cell
        #expect(encode(buffer).map(\.1) == ["a\u{FFFD} b \u{FFFD}  "])
    }

    @Test func wideCharacterWithoutRoomIsBlankedAtTheScreenEdge() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("ab复核", x: 0, y: 0)
        #expect(encode(buffer, columns: 5).map(\.1) == ["ab复 "])
    }

    @Test func zwjSequenceIsDrawnAsItsFirstEmoji() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("👨‍👩‍👧x", x: 0, y: 0)
        #expect(encode(buffer).map(\.1) == ["👨x "])
    }
}
