extension String {
    /// Soft-wraps the text into lines of at most `width` cells.
    ///
    /// `"复核意见：indicator OK".wrapped(toWidth: 12) // ["复核意见：", "indicator OK"]`
    ///
    /// - Every newline (`\n`, `\r\n`, U+2028…) ends a line; an empty paragraph gives an empty line.
    /// - Breaks may fall between any two CJK (wide) characters and at spaces; a Latin word is
    ///   kept whole unless it alone is wider than a line, then it is cut between characters.
    /// - Chinese line-breaking rules: closing punctuation (，。、；：！？）》」… and the like)
    ///   never starts a line and opening punctuation (（《「“) never ends one when avoidable.
    /// - The spaces where a line breaks are dropped; leading indentation of a paragraph is kept.
    /// - No line is wider than `width` (taken as at least 1), except a single character that is
    ///   wider than the whole line, which then stands alone.
    public func wrapped(toWidth width: Int) -> [String] {
        var wrapper = LineWrapper(limit: Swift.max(width, 1))
        for paragraph in split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            wrapper.wrap(paragraph)
        }
        return wrapper.lines
    }
}

/// Greedy line filling over unbreakable tokens; see `String.wrapped(toWidth:)`.
struct LineWrapper {
    let limit: Int
    private(set) var lines: [String] = []
    private var line = ""
    private var lineWidth = 0
    private var wrappedInParagraph = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Wraps one paragraph (text without newlines), appending its lines to ``lines``.
    mutating func wrap(_ paragraph: Substring) {
        line = ""
        lineWidth = 0
        wrappedInParagraph = false
        for token in LineBreaking.tokens(of: paragraph) {
            let text = paragraph[token.range]
            if token.isSpace {
                if lineWidth + token.width <= limit {
                    if !(line.isEmpty && wrappedInParagraph) { append(text, token.width) }
                } else {
                    breakLine()
                }
            } else if lineWidth + token.width <= limit {
                append(text, token.width)
            } else if token.width <= limit {
                breakLine()
                append(text, token.width)
            } else {
                for character in text {
                    let cells = character.displayWidth
                    if lineWidth + cells > limit && lineWidth > 0 { breakLine() }
                    append(String(character), cells)
                }
            }
        }
        if !line.isEmpty || !wrappedInParagraph { lines.append(line) }
    }

    private mutating func append(_ text: some StringProtocol, _ cells: Int) {
        line += text
        lineWidth += cells
    }

    /// Ends the current line at a soft break, dropping its trailing spaces; a line that is
    /// nothing but spaces is discarded instead of becoming an empty line.
    private mutating func breakLine() {
        while let last = line.last, LineBreaking.isSpace(last) { line.removeLast() }
        if !line.isEmpty { lines.append(line) }
        line = ""
        lineWidth = 0
        wrappedInParagraph = true
    }
}

/// Where a line of mixed Chinese and Latin text may break.
enum LineBreaking {
    /// A run of text with no break opportunity inside, or a run of spaces.
    struct Token {
        var range: Range<String.Index>
        var width: Int
        var isSpace: Bool
    }

    /// Characters that must not start a line (closing punctuation, Chinese and Latin).
    static let noStart: Set<Character> = [
        "，", "。", "、", "；", "：", "！", "？", "）", "］", "｝", "》", "〉", "」", "』", "】", "〕", "〗",
        "”", "’", "…", "—", "～", "·", "・", "％", "．",
        ",", ".", ";", ":", "!", "?", ")", "]", "}", "%",
    ]

    /// Characters that must not end a line (opening punctuation).
    static let noEnd: Set<Character> = [
        "（", "［", "｛", "《", "〈", "「", "『", "【", "〔", "〖", "“", "‘", "(", "[", "{",
    ]

    /// Breakable spaces: ASCII space and the ideographic space U+3000.
    static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\u{3000}"
    }

    /// Splits a paragraph into tokens: space runs, single CJK characters (with any punctuation
    /// that may not be separated from them), and Latin words.
    static func tokens(of text: Substring) -> [Token] {
        var tokens: [Token] = []
        var start = text.startIndex
        var width = 0
        var previous: Character?
        var previousWide = false
        for index in text.indices {
            let character = text[index]
            let cells = character.displayWidth
            if let before = previous, canBreak(between: before, previousWide, and: character, cells) {
                tokens.append(Token(range: start..<index, width: width, isSpace: isSpace(before)))
                start = index
                width = 0
            }
            width += cells
            previous = character
            if cells > 0 { previousWide = cells == 2 }
        }
        if let last = previous {
            tokens.append(Token(range: start..<text.endIndex, width: width, isSpace: isSpace(last)))
        }
        return tokens
    }

    private static func canBreak(
        between before: Character, _ beforeWide: Bool, and after: Character, _ afterCells: Int
    ) -> Bool {
        let spaceBefore = isSpace(before)
        let spaceAfter = isSpace(after)
        if spaceBefore || spaceAfter { return spaceBefore != spaceAfter }
        if afterCells == 0 || noStart.contains(after) || noEnd.contains(before) { return false }
        return afterCells == 2 || beforeWide
    }
}
