/// What a key did to a ``LineEditor``.
///
/// `if editor.handle(key) == .submit { save(editor.text) }`
public enum EditOutcome: Hashable, Sendable {
    /// The text changed.
    case edited
    /// An editing or movement key was consumed and the text is unchanged; the cursor may have
    /// stayed put (← at the start, Backspace at the start, an insertion refused by `maxLength`).
    case moved
    /// Enter in a single-line field; Ctrl-S or Ctrl-D in any field.
    case submit
    /// Esc.
    case cancel
    /// The editor has no use for the key (Tab, Shift-Tab, PgUp/PgDn, function keys, resize,
    /// other Ctrl keys, ↑/↓ in a single-line field): the application may use it.
    case ignored
}

/// The state of a text field, single-line (a search box, a score) or multi-line (a deduction
/// reason written in Chinese): the text, and a cursor counted in whole characters.
///
/// `var e = LineEditor(); _ = e.handle(.character("复")); e.text // "复"`
///
/// - The cursor is an offset in `Character`s (grapheme clusters): 中, 👍 and e + U+0301 are
///   each one step, never a byte or a scalar. A character typed next to another may merge with
///   it (a combining mark); the cursor then stays after what was typed.
/// - The text holds no control characters: newlines become "\n" in a multi-line field and a
///   space in a single-line one, a tab becomes a space, other controls are dropped.
/// - `maxLength` counts characters, newlines included; longer initial text is cut to it.
/// - Keys: see ``handle(_:)``; drawing: see ``layout(width:height:)`` and
///   ``render(into:rect:style:)``.
public struct LineEditor: Sendable, Hashable {
    /// The text being edited.
    public private(set) var text: String
    /// Whether Enter inserts a line break (multi-line) or submits (single-line).
    public let multiline: Bool
    /// The most characters the text may hold, nil for no limit.
    public let maxLength: Int?
    /// The width the field is drawn at. When set, ↑/↓ in a multi-line field move between the
    /// rows as soft-wrapped at that width; nil moves between lines ("\n"-separated).
    public var wrapWidth: Int?

    /// Characters in `text`.
    public private(set) var count: Int
    /// The cursor offset, 0...count.
    var position: Int
    /// The display column ↑/↓ aim for, kept across a run of vertical moves.
    var goalColumn: Int?
    /// What the last ``paste(_:)`` (or `.paste` key) did, for the status line; nil before any.
    public internal(set) var lastPaste: PasteResult?

    /// A field holding `text` (cleaned of control characters and cut to `maxLength`), with the
    /// cursor at its end.
    public init(text: String = "", multiline: Bool = false, maxLength: Int? = nil) {
        var clean = Self.sanitized(text, multiline: multiline)
        if let maxLength, clean.count > maxLength { clean = String(clean.prefix(Swift.max(0, maxLength))) }
        self.text = clean
        self.multiline = multiline
        self.maxLength = maxLength.map { Swift.max(0, $0) }
        self.count = clean.count
        self.position = self.count
    }

    /// The cursor, as an offset in characters from the start (0...`count`); setting it clamps.
    public var cursor: Int {
        get { position }
        set {
            position = Swift.min(Swift.max(newValue, 0), count)
            goalColumn = nil
        }
    }

    /// Text as it may be stored: see the type's rules on control characters.
    static func sanitized(_ text: String, multiline: Bool) -> String {
        var clean = ""
        clean.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isNewline {
                clean.append(multiline ? "\n" : " ")
            } else if character == "\t" {
                clean.append(" ")
            } else if !isControl(character) {
                clean.append(character)
            }
        }
        return clean
    }

    /// C0 and C1 controls (other than newlines, which callers handle first).
    static func isControl(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return true }
        return value < 0x20 || (value >= 0x7F && value <= 0x9F)
    }

    /// The index in `text` of a character offset.
    func index(at offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: Swift.min(Swift.max(offset, 0), count))
    }

    /// Replaces the characters `range` (offsets) with `replacement` and puts the cursor after it.
    /// Refused (returns false) when the text would grow beyond `maxLength`.
    @discardableResult
    mutating func replace(_ range: Range<Int>, with replacement: String) -> Bool {
        let lower = index(at: range.lowerBound)
        let upper = index(at: range.upperBound)
        var edited = text
        edited.replaceSubrange(lower..<upper, with: replacement)
        let editedCount = edited.count
        if let maxLength, editedCount > maxLength, editedCount > count { return false }
        let boundary = text.utf8.distance(from: text.startIndex, to: lower) + replacement.utf8.count
        text = edited
        count = editedCount
        position = Self.characterOffset(in: text, utf8Offset: boundary, roundingUp: !replacement.isEmpty)
        goalColumn = nil
        return true
    }

    /// The character offset of a UTF-8 offset; one inside a character (after a merge) is rounded
    /// to that character's end or start.
    static func characterOffset(in text: String, utf8Offset target: Int, roundingUp: Bool) -> Int {
        var offset = 0
        var index = text.startIndex
        while index < text.endIndex {
            let here = text.utf8.distance(from: text.startIndex, to: index)
            if here == target { return offset }
            if here > target { return roundingUp ? offset : offset - 1 }
            index = text.index(after: index)
            offset += 1
        }
        return offset
    }
}
