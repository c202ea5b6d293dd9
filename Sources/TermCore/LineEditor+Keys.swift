extension LineEditor {
    /// Applies a key.
    ///
    /// `var e = LineEditor(text: "复核"); e.handle(.backspace) // .edited, e.text == "复"`
    ///
    /// | Key | Effect |
    /// |---|---|
    /// | printable character | inserted at the cursor (an IME commit arrives as several) |
    /// | Backspace, Ctrl-H / Del | delete the character before / after the cursor |
    /// | ← → (Shift held or not) | one character |
    /// | Ctrl-← / Ctrl-→, Alt-← / Alt-→, Alt-b / Alt-f | one word back (to its start) / on (to its end): see ``wordStart(before:in:)`` and ``wordEnd(after:in:)`` |
    /// | Home, Ctrl-A / End, Ctrl-E | start / end of the line (of the text, single-line) |
    /// | Ctrl-Home / Ctrl-End | start / end of the text |
    /// | ↑ ↓ | multi-line: the line above / below at the same display column; past the first or last line, to the start or end of the text. Single-line: ignored |
    /// | Ctrl-U / Ctrl-K | delete to the start / end of the line; at that edge, delete the line break (join lines) |
    /// | Ctrl-W, Alt-Backspace, Ctrl-Backspace | delete the word before the cursor: spaces, then one run of CJK characters, or of letters and digits, or of other symbols (see ``wordStart(before:in:)``) |
    /// | Ctrl-Delete, Alt-Delete, Alt-d | delete the word after the cursor (see ``wordEnd(after:in:)``) |
    /// | a paste | inserted in one piece: see ``paste(_:)`` |
    /// | Enter | single-line: submit; multi-line: a line break |
    /// | Ctrl-S, Ctrl-D | submit |
    /// | Esc | cancel |
    /// | anything else (Tab…) | ignored |
    public mutating func handle(_ key: KeyEvent) -> EditOutcome {
        switch key {
        case .character(let character): return type(character)
        case .enter: return multiline ? insert("\n") : .submit
        case .ctrl("s"), .ctrl("d"): return .submit
        case .escape: return .cancel
        case .backspace, .ctrl("h"): return delete(Swift.max(position - 1, 0)..<position)
        case .delete: return delete(position..<Swift.min(position + 1, count))
        case .left: return move(to: position - 1)
        case .right: return move(to: position + 1)
        case .home, .ctrl("a"): return move(to: lineStart(of: position, in: Array(text)))
        case .end, .ctrl("e"): return move(to: lineEnd(of: position, in: Array(text)))
        case .up: return multiline ? moveVertically(by: -1) : .ignored
        case .down: return multiline ? moveVertically(by: 1) : .ignored
        case .ctrl("u"): return deleteToLineStart()
        case .ctrl("k"): return deleteToLineEnd()
        case .ctrl("w"), .modified(.backspace, .alt), .modified(.backspace, .ctrl):
            return delete(Self.wordStart(before: position, in: Array(text))..<position)
        case .modified(.delete, .ctrl), .modified(.delete, .alt), .alt("d"):
            return delete(position..<Self.wordEnd(after: position, in: Array(text)))
        case .alt("b"): return move(to: Self.wordStart(before: position, in: Array(text)))
        case .alt("f"): return move(to: Self.wordEnd(after: position, in: Array(text)))
        case .paste(let pasted):
            return paste(pasted).inserted > 0 ? .edited : .moved
        case .modified(let base, let modifiers):
            return handleModified(base, modifiers)
        default: return .ignored
        }
    }

    /// Movement keys held with modifiers: Ctrl or Alt makes ←/→ move by words and Home/End go to
    /// the ends of the text; Shift alone changes nothing (there is no selection).
    private mutating func handleModified(_ base: KeyEvent, _ modifiers: KeyModifiers) -> EditOutcome {
        let byWord = modifiers.contains(.ctrl) || modifiers.contains(.alt)
        switch base {
        case .left where byWord: return move(to: Self.wordStart(before: position, in: Array(text)))
        case .right where byWord: return move(to: Self.wordEnd(after: position, in: Array(text)))
        case .home where modifiers.contains(.ctrl): return move(to: 0)
        case .end where modifiers.contains(.ctrl): return move(to: count)
        case .left, .right, .home, .end, .up, .down:
            return modifiers == .shift ? handle(base) : .ignored
        default: return .ignored
        }
    }

    /// Inserts a typed character (a newline becomes a line break or a space; controls are ignored).
    private mutating func type(_ character: Character) -> EditOutcome {
        if character.isNewline { return insert(multiline ? "\n" : " ") }
        if character == "\t" { return insert(" ") }
        if Self.isControl(character) { return .ignored }
        return insert(String(character))
    }

    private mutating func insert(_ string: String) -> EditOutcome {
        replace(position..<position, with: string) ? .edited : .moved
    }

    private mutating func delete(_ range: Range<Int>) -> EditOutcome {
        guard !range.isEmpty else { return .moved }
        replace(range, with: "")
        return .edited
    }

    private mutating func move(to offset: Int) -> EditOutcome {
        cursor = offset
        return .moved
    }

    private mutating func deleteToLineStart() -> EditOutcome {
        let start = lineStart(of: position, in: Array(text))
        return delete(start < position ? start..<position : Swift.max(position - 1, 0)..<position)
    }

    private mutating func deleteToLineEnd() -> EditOutcome {
        let end = lineEnd(of: position, in: Array(text))
        return delete(end > position ? position..<end : position..<Swift.min(position + 1, count))
    }

    /// Offset of the start of the line holding `offset` (just after the previous "\n").
    func lineStart(of offset: Int, in characters: [Character]) -> Int {
        var start = offset
        while start > 0 && characters[start - 1] != "\n" { start -= 1 }
        return start
    }

    /// Offset of the end of the line holding `offset` (at the next "\n", or the text's end).
    func lineEnd(of offset: Int, in characters: [Character]) -> Int {
        var end = offset
        while end < characters.count && characters[end] != "\n" { end += 1 }
        return end
    }

    /// Moves to the row above (`-1`) or below (`1`), keeping the display column; rows are lines,
    /// or the soft-wrapped rows at `wrapWidth` when that is set.
    private mutating func moveVertically(by delta: Int) -> EditOutcome {
        let characters = Array(text)
        let widths = characters.map(\.displayWidth)
        let rows = EditorRows.rows(of: text, widths: widths, width: wrapWidth)
        let current = EditorRows.index(of: position, in: rows)
        let goal = goalColumn ?? EditorRows.column(of: position, in: rows[current], widths: widths)
        let target = current + delta
        guard rows.indices.contains(target) else { return move(to: delta < 0 ? 0 : count) }
        position = EditorRows.offset(atColumn: goal, in: rows[target], widths: widths)
        goalColumn = goal
        return .moved
    }

    /// Where a word-wise move or deletion back from `offset` ends (Ctrl-W, Ctrl-←, Alt-b): a line break right before the cursor is
    /// deleted alone; otherwise spaces are skipped, then one run of characters of the same kind:
    /// CJK (Han, kana, Hangul — so a Chinese phrase up to punctuation or a space goes at once),
    /// letters/digits/underscore, or other symbols (punctuation such as "，" or emoji).
    ///
    /// `LineEditor.wordStart(before: 8, in: Array("复核意见：同意 ok")) // 5`
    public static func wordStart(before offset: Int, in characters: [Character]) -> Int {
        var start = Swift.min(Swift.max(offset, 0), characters.count)
        guard start > 0 else { return 0 }
        if characters[start - 1] == "\n" { return start - 1 }
        while start > 0 && characters[start - 1] != "\n" && WordKind(characters[start - 1]) == .space { start -= 1 }
        guard start > 0, characters[start - 1] != "\n" else { return start }
        let kind = WordKind(characters[start - 1])
        while start > 0 && characters[start - 1] != "\n" && WordKind(characters[start - 1]) == kind { start -= 1 }
        return start
    }
}

extension LineEditor {
    /// Where a word-wise move or deletion forward from `offset` ends: a line break right after the
    /// cursor is a step of its own; otherwise spaces are skipped, then one run of characters of
    /// the same kind (as ``wordStart(before:in:)``, mirrored).
    ///
    /// `LineEditor.wordEnd(after: 0, in: Array("复核意见：同意 ok")) // 4`
    public static func wordEnd(after offset: Int, in characters: [Character]) -> Int {
        var end = Swift.min(Swift.max(offset, 0), characters.count)
        guard end < characters.count else { return end }
        if characters[end] == "\n" { return end + 1 }
        while end < characters.count && characters[end] != "\n" && WordKind(characters[end]) == .space { end += 1 }
        guard end < characters.count, characters[end] != "\n" else { return end }
        let kind = WordKind(characters[end])
        while end < characters.count && characters[end] != "\n" && WordKind(characters[end]) == kind { end += 1 }
        return end
    }
}

/// The kinds of character runs word-wise moves and deletions step over one at a time.
enum WordKind: Hashable {
    case space, cjk, word, symbol

    init(_ character: Character) {
        if character == " " || character == "\u{3000}" || character.isWhitespace {
            self = .space
        } else if let first = character.unicodeScalars.first, Self.isCJK(first) {
            self = .cjk
        } else if character.isLetter || character.isNumber || character == "_" {
            self = .word
        } else {
            self = .symbol
        }
    }

    /// Han ideographs (〇 and 々 included), kana and Hangul syllables.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return scalar.properties.isIdeographic
            || (0x3040...0x30FF).contains(value)
            || (0xAC00...0xD7AF).contains(value)
    }
}
