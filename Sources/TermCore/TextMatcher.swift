/// Search as the Fuhe lists need it: a query finds Chinese text by a Chinese substring, by full
/// pinyin, by pinyin initials, and across traditional and simplified forms; other text matches
/// case-insensitively.
///
/// `TextMatcher(query: "hs", readings: HanPinyin.searchReading).matches("赫山区财政局") // true`
///
/// Each character of the text can be matched by its folded self (simplified form, lower case,
/// half-width: "績" matches "绩", "Ａ" matches "a") or, for a Han character, by any non-empty
/// prefix of its pinyin, optionally followed by its tone digit after the full syllable. So
/// all of these match 赫山: "赫山", "heshan", "HeShan", "he shan", "hè shān", "he4shan1",
/// "hs", "hesh", "hshan", "赫shan". Mixed text works the same: "zw ab" finds "中文ab".
/// - The query is trimmed; an empty query matches everything (with an empty range).
/// - Spaces and apostrophes in the query match spaces in the text; if that fails, the query
///   is tried again without them (and without tone marks), so "he shan" and "xi'an" work.
/// - "v" and "u" both match ü (绿: "lv", "lu").
/// - Simplified forms and pinyin come from `readings`, given by the application (TermCore knows
///   none; Fuhe passes FuheCore's `HanPinyin.searchReading`), one reading per character; common
///   polyphones also match their other readings (长沙: "changsha" and "zhangsha"; 会计:
///   "kuaiji"), without tones.
///
/// For a list, prepare each row once with ``keys(for:readings:)`` and match the ``Key``s: a
/// query against 2,000 keys takes well under a millisecond. Keys and matchers must be made with
/// the same `readings`.
public struct TextMatcher: Sendable {
    /// How the application reads one Han character: its simplified form (itself when it has
    /// none), its pinyin in lower-case ASCII with ü as "v" (empty when unknown), and its tone
    /// (1–4, 5 for neutral or none).
    public typealias Readings = @Sendable (Unicode.Scalar) -> (folded: Unicode.Scalar, pinyin: [UInt8], tone: UInt8)

    /// The query as given.
    public let query: String
    /// The trimmed query, folded.
    let literal: Key
    /// The query without spaces, apostrophes and Latin tone marks, when that differs.
    let compact: Key?
    /// How texts given as strings are read (``matches(_:)-(String)``).
    let readings: Readings

    /// A matcher for `query`, reading Han characters with `readings`.
    public init(query: String, readings: @escaping Readings) {
        self.query = query
        self.readings = readings
        let trimmed = Self.trimmed(query)
        literal = Key(trimmed, readings: readings)
        let squeezed = TextFolding.strippingLatinMarks(String(trimmed.filter { !Self.isSeparator($0) }))
        compact = squeezed == trimmed || squeezed.isEmpty ? nil : Key(squeezed, readings: readings)
    }

    /// Whether the query is empty (after trimming): it then matches everything.
    public var isEmpty: Bool { literal.count == 0 }

    /// Whether `text` matches.
    ///
    /// `TextMatcher(query: "績效", readings: r).matches("部门绩效评价") // true`
    public func matches(_ text: String) -> Bool {
        matches(Key(text, readings: readings))
    }

    /// Whether a prepared text matches (the fast path for lists).
    public func matches(_ key: Key) -> Bool {
        firstMatch(in: key) != nil
    }

    /// Where the first match is in `text`, for highlighting: the characters matched, whichever
    /// way they matched (by pinyin: the Han characters whose pinyin the query spelled).
    ///
    /// `TextMatcher(query: "htkz", readings: r).firstMatchRange(in: "绥宁县黄土矿镇") // the range of "黄土矿镇"`
    public func firstMatchRange(in text: String) -> Range<String.Index>? {
        firstMatchRange(in: Key(text, readings: readings))
    }

    /// Where the first match is in `key.text`.
    public func firstMatchRange(in key: Key) -> Range<String.Index>? {
        guard let match = firstMatch(in: key) else { return nil }
        let text = key.text
        let lower = text.index(text.startIndex, offsetBy: match.lowerBound)
        let upper = text.index(lower, offsetBy: match.count)
        return lower..<upper
    }

    /// The first match, in character offsets: the leftmost start, the shortest match from it.
    func firstMatch(in key: Key) -> Range<Int>? {
        if let found = Self.search(literal, in: key) { return found }
        return compact.flatMap { Self.search($0, in: key) }
    }

    static func isSeparator(_ character: Character) -> Bool {
        character == " " || character == "\u{3000}" || character == "'" || character == "’"
    }

    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }
}
