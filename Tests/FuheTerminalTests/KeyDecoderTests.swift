import Testing
import TermCore
@testable import FuheTerminal

/// Every escape sequence the decoder knows, as terminals send it, and what it does with the rest.
@Suite("key decoder")
struct KeyDecoderTests {
    /// Feeds `bytes` (then a timeout when `settle`) and returns every key decoded.
    private func decode(_ bytes: String, settle: Bool = true) -> [KeyEvent] {
        var decoder = KeyDecoder()
        var keys: [KeyEvent] = []
        for scalar in bytes.unicodeScalars { keys += decoder.feed(.code(scalar.value)) }
        if settle { keys += decoder.feed(.timeout) }
        return keys
    }

    private static let esc = "\u{1B}"

    @Test(arguments: [
        // Plain arrows and Home/End: CSI and SS3 (application cursor mode), xterm.
        ("[A", KeyEvent.up), ("[B", .down), ("[C", .right), ("[D", .left), ("[H", .home), ("[F", .end),
        ("OA", .up), ("OB", .down), ("OC", .right), ("OD", .left), ("OH", .home), ("OF", .end),
        // VT220 / PuTTY / Linux / tmux (TERM=screen) ~ keys.
        ("[1~", .home), ("[4~", .end), ("[2~", .insert), ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
        // rxvt Home/End.
        ("[7~", .home), ("[8~", .end),
        // F-keys: xterm SS3 and CSI, PuTTY/rxvt ESC[11~, the Linux console ESC[[A.
        ("OP", .function(1)), ("OQ", .function(2)), ("OR", .function(3)), ("OS", .function(4)),
        ("[11~", .function(1)), ("[12~", .function(2)), ("[13~", .function(3)), ("[14~", .function(4)),
        ("[15~", .function(5)), ("[17~", .function(6)), ("[18~", .function(7)), ("[19~", .function(8)),
        ("[20~", .function(9)), ("[21~", .function(10)), ("[23~", .function(11)), ("[24~", .function(12)),
        ("[25~", .function(13)), ("[29~", .function(16)), ("[34~", .function(20)),
        ("[[A", .function(1)), ("[[E", .function(5)),
        ("[Z", .backTab),
        // Keypad in application mode.
        ("OM", .enter), ("Op", .character("0")), ("Oy", .character("9")), ("Ok", .character("+")), ("Oo", .character("/")),
    ])
    func unmodifiedKeys(sequence: String, key: KeyEvent) {
        #expect(decode(Self.esc + sequence) == [key], "ESC\(sequence)")
    }

    @Test(arguments: [
        // xterm modifier parameter: 2 Shift, 3 Alt, 5 Ctrl, 6 Ctrl-Shift, 7 Ctrl-Alt, 9 Meta.
        ("[1;5C", KeyEvent.modified(.right, .ctrl)), ("[1;5D", .modified(.left, .ctrl)),
        ("[1;2D", .modified(.left, .shift)), ("[1;2C", .modified(.right, .shift)),
        ("[1;3D", .modified(.left, .alt)), ("[1;3C", .modified(.right, .alt)), ("[1;9D", .modified(.left, .alt)),
        ("[1;6C", .modified(.right, [.ctrl, .shift])), ("[1;7A", .modified(.up, [.ctrl, .alt])),
        ("[1;5H", .modified(.home, .ctrl)), ("[1;5F", .modified(.end, .ctrl)),
        ("[3;5~", .modified(.delete, .ctrl)), ("[3;3~", .modified(.delete, .alt)), ("[3;2~", .modified(.delete, .shift)),
        ("[5;5~", .modified(.pageUp, .ctrl)), ("[1;2P", .modified(.function(1), .shift)),
        ("[15;5~", .modified(.function(5), .ctrl)), ("[1;5R", .modified(.function(3), .ctrl)),
        // Old xterm / some terminals: modifier inside SS3.
        ("O5C", .modified(.right, .ctrl)), ("O1;5D", .modified(.left, .ctrl)), ("O2P", .modified(.function(1), .shift)),
        // rxvt: Shift arrows ESC[a…d, Ctrl arrows ESCOa…d, ^ $ @ on the ~ keys.
        ("[a", .modified(.up, .shift)), ("[d", .modified(.left, .shift)),
        ("Oc", .modified(.right, .ctrl)), ("Od", .modified(.left, .ctrl)),
        ("[3^", .modified(.delete, .ctrl)), ("[7^", .modified(.home, .ctrl)), ("[8$", .modified(.end, .shift)),
        ("[2@", .modified(.insert, [.ctrl, .shift])),
        // CSI u and modifyOtherKeys.
        ("[119;5u", .ctrl("w")), ("[98;3u", .alt("b")), ("[13;2u", .modified(.enter, .shift)), ("[9;2u", .backTab),
        ("[27;5;13~", .modified(.enter, .ctrl)), ("[27;3;102~", .alt("f")), ("[127;3u", .modified(.backspace, .alt)),
    ])
    func modifiedKeys(sequence: String, key: KeyEvent) {
        #expect(decode(Self.esc + sequence) == [key], "ESC\(sequence)")
    }

    @Test func altIsAnEscapePrefix() {
        #expect(decode(Self.esc + "b") == [.alt("b")])
        #expect(decode(Self.esc + "f") == [.alt("f")])
        #expect(decode(Self.esc + "d") == [.alt("d")])
        #expect(decode(Self.esc + "\u{7F}") == [.modified(.backspace, .alt)])
        #expect(decode(Self.esc + "\u{08}") == [.modified(.backspace, .alt)])
        // Esc then any other key is Esc and that key (a person closing a box and typing on).
        #expect(decode(Self.esc + "\r") == [.escape, .enter])
        #expect(decode(Self.esc + "m") == [.escape, .character("m")])
        #expect(decode(Self.esc + "复") == [.escape, .character("复")])
        // Alt held with a key that sends a sequence (rxvt): ESC ESC [ D is Alt-←.
        #expect(decode(Self.esc + Self.esc + "[D") == [.modified(.left, .alt)])
        #expect(decode(Self.esc + Self.esc + "[1;5C") == [.modified(.right, [.ctrl, .alt])])
    }

    @Test func aLoneEscapeWaitsForTheTimeout() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(.code(27)).isEmpty)
        #expect(decoder.isPending && decoder.pendingTimeoutMilliseconds == 40)
        #expect(decoder.feed(.timeout) == [.escape])
        #expect(!decoder.isPending)
        #expect(decode(Self.esc + Self.esc) == [.escape, .escape])
        // Esc, then Esc and a letter; Esc twice then a word key is Esc and Alt-b.
        #expect(decode(Self.esc + Self.esc + "x") == [.escape, .escape, .character("x")])
        #expect(decode(Self.esc + Self.esc + "b") == [.escape, .alt("b")])
        // Plain keys between sequences are untouched.
        #expect(decode("a" + Self.esc + "[C" + "b" + Self.esc + "[1;5D") == [.character("a"), .right, .character("b"), .modified(.left, .ctrl)])
    }

    @Test(arguments: [
        "[1;5X", "[?1;2c", "[12;40R", "[<0;10;5M", "[I", "[O", "[99~", "[E", "[1;5E", "O5z", "[0u", "[1;5;7;9;11A", "[>0;276;0c",
    ])
    func unknownSequencesAreSwallowedWhole(sequence: String) {
        // Followed by a letter that must arrive as itself, not as part of the sequence.
        let keys = decode(Self.esc + sequence + "q")
        #expect(keys == [.character("q")], "ESC\(sequence) then q gave \(keys)")
    }

    @Test func ctrlRightInAFormNeverBecomesStrayLetters() {
        // The defect: ESC [ 1 ; 5 C read as Esc, "[", "1", ";", "5", "C" — and "C" ran a command.
        let keys = decode(Self.esc + "[1;5C")
        #expect(keys == [.modified(.right, .ctrl)])
        #expect(!keys.contains(.escape) && !keys.contains(.character("C")))
    }

    @Test func incompleteSequencesAreDroppedAtTheTimeout() {
        #expect(decode(Self.esc + "[1;5").isEmpty)
        #expect(decode(Self.esc + "O").isEmpty)
        #expect(decode(Self.esc + "[").isEmpty)
        // A character that cannot be part of a sequence ends it and arrives as typed.
        #expect(decode(Self.esc + "[1;复") == [.character("复")])
        // X10 mouse: three raw bytes follow ESC [ M.
        #expect(decode(Self.esc + "[M !!x") == [.character("x")])
        // A runaway parameter string is cut off and dropped.
        let long = Self.esc + "[" + String(repeating: "1;", count: 100) + "5C"
        #expect(!decode(long).contains(.escape))
    }

    @Test func bracketedPasteIsOneEvent() {
        let text = "第一行\r\n第二行\rthird\tcol\u{07}end"
        let keys = decode(Self.esc + "[200~" + text + Self.esc + "[201~", settle: false)
        #expect(keys == [.paste("第一行\n第二行\nthird\tcolend")])
        // Keys typed after the paste are keys again.
        #expect(decode(Self.esc + "[200~abc" + Self.esc + "[201~q") == [.paste("abc"), .character("q")])
        // Escape sequences inside a paste are text, not keys (their ESC is dropped).
        #expect(decode(Self.esc + "[200~a" + Self.esc + "[1;5Cb" + Self.esc + "[20x" + Self.esc + "[201~")
            == [.paste("a[1;5Cb[20x")])
        // A paste whose end never comes is delivered when input stops.
        var decoder = KeyDecoder()
        for scalar in (Self.esc + "[200~半截").unicodeScalars { #expect(decoder.feed(.code(scalar.value)).isEmpty) }
        #expect(decoder.pendingTimeoutMilliseconds == 500)
        #expect(decoder.feed(.timeout) == [.paste("半截")])
        // An empty paste is nothing.
        #expect(decode(Self.esc + "[200~" + Self.esc + "[201~").isEmpty)
    }

    @Test func aLargePasteIsOneEventAndLinear() {
        let line = String(repeating: "复核意见abc123，", count: 20) + "\n"
        let text = String(repeating: line, count: 100)   // 18,100 characters
        let keys = decode(Self.esc + "[200~" + text + Self.esc + "[201~", settle: false)
        #expect(keys == [.paste(text)])
    }

    @Test func keyNamesForModifiedKeys() {
        #expect(KeyEvent.modified(.right, .ctrl).description == "Ctrl-→")
        #expect(KeyEvent.modified(.left, [.ctrl, .shift]).description == "Ctrl-Shift-←")
        #expect(KeyEvent.alt("b").description == "Alt-b")
        #expect(KeyEvent.paste("复核").description == "粘贴2字")
        #expect(KeyEvent.make(.tab, .shift) == .backTab)
        #expect(KeyEvent.make(.character("w"), .ctrl) == .ctrl("w"))
        #expect(KeyEvent.make(.left, []) == .left)
    }
}
