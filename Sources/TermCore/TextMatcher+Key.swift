extension TextMatcher {
    /// A text prepared for search once, to be matched against many queries: per character its
    /// folded form (simplified, lower case, half-width) and, for Han characters, its pinyin and
    /// tone, packed into one 64-bit word (``Letters``), kept as a number among the distinct
    /// words of the keys built together (``KeyWords``). An immutable value: build keys once per
    /// list (``TextMatcher/keys(for:readings:)``), keep them beside the rows, share them freely
    /// across threads. A key of a 30-character row takes about 110 bytes beside its text (two
    /// bytes a character and the key itself), so the keys of 20,000 rows stay near 2 MB.
    ///
    /// `let key = TextMatcher.Key("绥宁县黄土矿镇", readings: r); TextMatcher(query: "htkz", readings: r).matches(key) // true`
    public struct Key: Sendable, Hashable {
        /// The original text; match ranges are indices into it.
        public let text: String
        /// One packed word per character of `text` (``Letters``).
        let letters: KeyLetters
        /// The folded characters that are more than one scalar (code ``TextFolding/multiScalar``),
        /// by character offset; nil when there are none (almost always).
        let multiScalar: [Int: Character]?
        /// ``TextMatcher/bit(_:)`` of everything a query character could match here.
        let mask: UInt64

        /// Prepares one text, reading its Han characters with `readings`. For many texts use
        /// ``TextMatcher/keys(for:readings:)`` or a ``TextMatcher/KeyBuilder``, which read each
        /// distinct character once.
        ///
        /// `TextMatcher.Key("績效", readings: HanPinyin.searchReading).foldedText  // "绩效"`
        public init(_ text: String, readings: @escaping Readings) {
            var builder = KeyBuilder(readings: readings)
            self = builder.key(text)
        }

        init(text: String, letters: KeyLetters, multiScalar: [Int: Character]?, mask: UInt64) {
            self.text = text
            self.letters = letters
            self.multiScalar = multiScalar
            self.mask = mask
        }

        /// Appends the words of `text`'s characters to `words`; returns how many, the folded
        /// characters of more than one scalar and the mask.
        static func scan(_ text: String, readings: (Unicode.Scalar) -> HanReading, into words: inout KeyWordsBuilder)
            -> (count: Int, multiScalar: [Int: Character]?, mask: UInt64) {
            var count = 0
            var multiScalar: [Int: Character]?
            var mask: UInt64 = 0
            for character in text {
                var fold = TextFolding.fold(character)
                var word: UInt64
                if let han = HanReading.hanScalar(of: character) {
                    let reading = readings(han)
                    fold = Character(reading.folded)
                    word = Letters.pack(code: reading.folded.value, pinyin: reading.pinyin, tone: reading.tone)
                    for letter in reading.pinyin { mask |= TextMatcher.bit(UInt32(letter)) }
                    if let others = PolyphoneReadings.packed[reading.folded.value] {
                        word |= Letters.hasAlternates
                        for other in others { mask |= Letters.mask(of: other) }
                    }
                    if reading.pinyin.contains(UInt8(ascii: "v")) { mask |= TextMatcher.bit(UInt32(UInt8(ascii: "u"))) }
                    if !reading.pinyin.isEmpty { mask |= TextMatcher.bit(0x30 + UInt32(reading.tone)) }
                } else {
                    word = Letters.pack(code: TextFolding.code(fold), pinyin: [], tone: 5)
                }
                let code = Letters.code(word)
                if code == TextFolding.multiScalar {
                    multiScalar = multiScalar ?? [:]
                    multiScalar?[count] = fold
                }
                mask |= TextMatcher.bit(code)
                words.append(word)
                count += 1
            }
            return (count, multiScalar, mask)
        }

        /// Characters in the text.
        public var count: Int { letters.count }

        /// The text folded: simplified characters, lower case, half-width (繁简 and case compare equal).
        ///
        /// `TextMatcher.Key("績效ＡＢ", readings: r).foldedText // "绩效ab"`
        public var foldedText: String {
            var out = ""
            for (offset, word) in letters.enumerated() {
                let code = Letters.code(word)
                if code == TextFolding.multiScalar, let character = multiScalar?[offset] {
                    out.append(character)
                } else if let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }

        /// The folded character at `offset` (compared when either side is more than one scalar).
        func folded(at offset: Int) -> Character {
            if let character = multiScalar?[offset] { return character }
            return Unicode.Scalar(Letters.code(letters[offset])).map(Character.init) ?? " "
        }

        public static func == (lhs: Key, rhs: Key) -> Bool { lhs.text == rhs.text }
        public func hash(into hasher: inout Hasher) { hasher.combine(text) }
    }

    /// Builds ``Key``s, reading each distinct Han character once. A value with its own cache:
    /// keep one per list being indexed (no sharing, no locks).
    ///
    /// `var builder = TextMatcher.KeyBuilder(readings: r); let key = builder.key("黄土矿镇")`
    public struct KeyBuilder: Sendable {
        private let source: Readings
        private var readings: [Unicode.Scalar: HanReading] = [:]

        /// A builder reading Han characters with `readings`.
        public init(readings: @escaping Readings) {
            source = readings
        }

        /// Distinct Han characters read so far.
        public var cachedCharacters: Int { readings.count }

        /// The key of one text.
        public mutating func key(_ text: String) -> Key {
            keys(for: [text])[0]
        }

        /// The keys of many texts, their words kept together (``KeyWords``).
        public mutating func keys(for texts: [String]) -> [Key] {
            var words = KeyWordsBuilder(characters: texts.reduce(0) { $0 + $1.unicodeScalars.count })
            var scanned: [(start: Int, count: Int, multiScalar: [Int: Character]?, mask: UInt64)] = []
            scanned.reserveCapacity(texts.count)
            for text in texts {
                let start = words.count
                let found = Key.scan(text, readings: { read($0) }, into: &words)
                scanned.append((start, found.count, found.multiScalar, found.mask))
            }
            let storage = words.finish()
            return zip(texts, scanned).map { text, key in
                Key(text: text, letters: KeyLetters(storage: storage, start: key.start, count: key.count),
                    multiScalar: key.multiScalar, mask: key.mask)
            }
        }

        /// The reading of one Han character, read once.
        private mutating func read(_ scalar: Unicode.Scalar) -> HanReading {
            if let known = readings[scalar] { return known }
            let reading = HanReading(scalar, from: source)
            readings[scalar] = reading
            return reading
        }
    }

    /// Keys for many texts (a list's rows), reading each distinct Han character once.
    ///
    /// `let keys = TextMatcher.keys(for: units.map(\.name), readings: HanPinyin.searchReading)`
    public static func keys(for texts: some Sequence<String>, readings: @escaping Readings) -> [Key] {
        var builder = KeyBuilder(readings: readings)
        return builder.keys(for: Array(texts))
    }
}

/// One character of a ``TextMatcher/Key`` in 64 bits: bits 0–20 the folded character's code
/// (a scalar, or ``TextFolding/multiScalar``), 21–23 the tone (1–4, 5 for neutral or none),
/// bit 24 whether it is a polyphone with other readings (``PolyphoneReadings/packed``), and
/// from bit 25 the pinyin, up to 7 letters of 5 bits each (`letter - 0x60`, 0 ends it). the
/// longest reading of FuheCore's table is 6 letters (`everyReadingFitsAKey`, `HanPinyinTableTests`).
enum Letters {
    static let codeBits: UInt64 = (1 << 21) - 1
    static let hasAlternates: UInt64 = 1 << 24
    static let maxLetters = 7

    /// The word of one character (a reading longer than ``maxLetters`` keeps its first letters).
    static func pack(code: UInt32, pinyin: [UInt8], tone: UInt8) -> UInt64 {
        var word = UInt64(code) & codeBits | UInt64(tone & 7) << 21
        for (i, letter) in pinyin.prefix(maxLetters).enumerated() {
            word |= (UInt64(letter &- 0x60) & 31) << UInt64(25 + 5 * i)
        }
        return word
    }

    /// A reading alone (an other reading of a polyphone): letters from bit 25, as in a word.
    static func pack(_ pinyin: [UInt8]) -> UInt64 { pack(code: 0, pinyin: pinyin, tone: 0) }

    @inline(__always) static func code(_ word: UInt64) -> UInt32 {
        let code = UInt32(word & codeBits)
        return code == UInt32(codeBits) ? TextFolding.multiScalar : code
    }

    @inline(__always) static func tone(_ word: UInt64) -> UInt8 { UInt8(word >> 21 & 7) }

    /// Whether the character has a pinyin reading.
    @inline(__always) static func hasPinyin(_ word: UInt64) -> Bool { word >> 25 != 0 }

    /// The pinyin letter `i` as ASCII, or 0 past its end.
    @inline(__always) static func letter(_ word: UInt64, _ i: Int) -> UInt8 {
        guard i < maxLetters else { return 0 }
        let bits = UInt8(truncatingIfNeeded: word >> UInt64(25 + 5 * i) & 31)
        return bits == 0 ? 0 : bits + 0x60
    }

    /// Mask bits of a packed reading's letters.
    static func mask(of word: UInt64) -> UInt64 {
        var mask: UInt64 = 0
        var i = 0
        while i < maxLetters, case let l = letter(word, i), l != 0 {
            mask |= TextMatcher.bit(UInt32(l))
            i += 1
        }
        return mask
    }
}
