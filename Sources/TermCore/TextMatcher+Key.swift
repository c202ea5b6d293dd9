extension TextMatcher {
    /// A text prepared for search once, to be matched against many queries: per character its
    /// folded form (simplified, lower case, half-width) and, for Han characters, its pinyin.
    /// An immutable value: build keys once per row (``TextMatcher/keys(for:)`` for many at
    /// once), keep them beside the rows, share them freely across threads.
    ///
    /// `let key = TextMatcher.Key("绥宁县黄土矿镇"); TextMatcher(query: "htkz").matches(key) // true`
    public struct Key: Sendable, Hashable {
        /// The original text; match ranges are indices into it.
        public let text: String
        /// Folded characters, one per character of `text`.
        let folded: [Character]
        /// `TextFolding.code` of each folded character.
        let codes: [UInt32]
        /// Pinyin of each character (empty when it is not Han or has no known reading).
        let pinyin: [[UInt8]]
        /// Tone of each character (5 when neutral or not Han).
        let tones: [UInt8]
        /// Other pinyin readings of each character (polyphones; usually empty).
        let alternates: [[[UInt8]]]
        /// ``TextMatcher/bit(_:)`` of everything a query character could match here.
        let mask: UInt64

        /// Prepares one text. Each Han character costs a Foundation transform (~10 µs): for many
        /// texts use ``TextMatcher/keys(for:)`` or a ``TextMatcher/KeyBuilder``, which read
        /// each distinct character once.
        public init(_ text: String) {
            var builder = KeyBuilder()
            self = builder.key(text)
        }

        init(text: String, readings: (Unicode.Scalar) -> HanReading) {
            self.text = text
            var folded: [Character] = []
            var codes: [UInt32] = []
            var pinyin: [[UInt8]] = []
            var tones: [UInt8] = []
            var alternates: [[[UInt8]]] = []
            var mask: UInt64 = 0
            for character in text {
                var fold = TextFolding.fold(character)
                var syllable: [UInt8] = []
                var tone: UInt8 = 5
                var others: [[UInt8]] = []
                if let han = HanReading.hanScalar(of: character) {
                    let reading = readings(han)
                    fold = Character(reading.folded)
                    syllable = reading.pinyin
                    tone = reading.tone
                    others = reading.alternates
                    for letter in syllable { mask |= TextMatcher.bit(UInt32(letter)) }
                    for other in others { for letter in other { mask |= TextMatcher.bit(UInt32(letter)) } }
                    if syllable.contains(UInt8(ascii: "v")) { mask |= TextMatcher.bit(UInt32(UInt8(ascii: "u"))) }
                    if !syllable.isEmpty { mask |= TextMatcher.bit(0x30 + UInt32(tone)) }
                }
                let code = TextFolding.code(fold)
                mask |= TextMatcher.bit(code)
                folded.append(fold)
                codes.append(code)
                pinyin.append(syllable)
                tones.append(tone)
                alternates.append(others)
            }
            self.folded = folded
            self.codes = codes
            self.pinyin = pinyin
            self.tones = tones
            self.alternates = alternates
            self.mask = mask
        }

        /// Characters in the text.
        public var count: Int { codes.count }

        /// The text folded: simplified characters, lower case, half-width (繁简 and case compare equal).
        ///
        /// `TextMatcher.Key("績效ＡＢ").foldedText // "绩效ab"`
        public var foldedText: String { String(folded) }

        public static func == (lhs: Key, rhs: Key) -> Bool { lhs.text == rhs.text }
        public func hash(into hasher: inout Hasher) { hasher.combine(text) }
    }

    /// Builds ``Key``s, reading each distinct Han character once. A value with its own cache:
    /// keep one per list being indexed (no sharing, no locks).
    ///
    /// `var builder = TextMatcher.KeyBuilder(); let key = builder.key("黄土矿镇")`
    public struct KeyBuilder: Sendable {
        private var readings: [Unicode.Scalar: HanReading] = [:]

        public init() {}

        /// Distinct Han characters read so far.
        public var cachedCharacters: Int { readings.count }

        /// The key of one text.
        public mutating func key(_ text: String) -> Key {
            Key(text: text) { scalar in
                if let known = readings[scalar] { return known }
                let reading = HanReading(scalar)
                readings[scalar] = reading
                return reading
            }
        }
    }

    /// Keys for many texts (a list's rows), reading each distinct Han character once.
    ///
    /// `let keys = TextMatcher.keys(for: units.map(\.name))`
    public static func keys(for texts: some Sequence<String>) -> [Key] {
        var builder = KeyBuilder()
        return texts.map { builder.key($0) }
    }
}
