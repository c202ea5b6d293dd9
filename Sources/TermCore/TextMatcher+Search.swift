extension TextMatcher {
    /// The mask bit of a character code: a–z, 0–9, other ASCII, anything else.
    ///
    /// `TextMatcher.bit(0x61) // 1 (a)`
    static func bit(_ code: UInt32) -> UInt64 {
        switch code {
        case 0x61...0x7A: 1 << UInt64(code - 0x61)
        case 0x30...0x39: 1 << UInt64(26 + code - 0x30)
        case 0..<0x80: 1 << 36
        default: 1 << 37
        }
    }

    /// The first match of `query` in `key`, in character offsets: the leftmost start and the
    /// shortest match from there; an empty query matches at 0.
    ///
    /// From each start the set of query positions reached so far is carried along the text as
    /// a bit set, each character advancing it by one (its folded self), by a prefix of its
    /// pinyin, or by its full pinyin plus tone digit. A quick reject first: every ASCII
    /// character of the query must occur in the text or its pinyin.
    static func search(_ query: Key, in key: Key) -> Range<Int>? {
        let length = query.count
        guard length > 0 else { return 0..<0 }
        guard length <= key.count * 8, queryMask(query) & ~key.mask == 0 else { return nil }
        guard length < 64 else { return literalSearch(query, in: key) }
        let done: UInt64 = 1 << UInt64(length)
        for start in 0..<key.count {
            var reached: UInt64 = 1
            var index = start
            while index < key.count && reached != 0 {
                reached = advance(reached, over: index, of: key, query: query)
                index += 1
                if reached & done != 0 { return start..<index }
            }
        }
        return nil
    }

    /// The query positions reached after text character `index`, from those `reached` before it.
    private static func advance(_ reached: UInt64, over index: Int, of key: Key, query: Key) -> UInt64 {
        let length = query.count
        let word = key.letters[index]
        var next: UInt64 = 0
        var pending = reached
        while pending != 0 {
            let position = pending.trailingZeroBitCount
            pending &= pending - 1
            guard position < length else { continue }
            if same(key, index, query, position) { next |= 1 << UInt64(position + 1) }
            guard Letters.hasPinyin(word) else { continue }
            next |= spell(word, tone: Letters.tone(word), from: position, of: query)
            if word & Letters.hasAlternates != 0, let others = PolyphoneReadings.packed[Letters.code(word)] {
                for other in others { next |= spell(other, tone: nil, from: position, of: query) }
            }
        }
        return next
    }

    /// Query positions reached by spelling a prefix of the reading packed in `word` from
    /// `position` (all of it may be followed by the `tone` digit).
    @inline(__always)
    private static func spell(_ word: UInt64, tone: UInt8?, from position: Int, of query: Key) -> UInt64 {
        let length = query.count
        var reached: UInt64 = 0
        var spelled = 0
        while position + spelled < length, case let letter = Letters.letter(word, spelled), letter != 0,
              pinyinLetter(letter, matches: Letters.code(query.letters[position + spelled])) {
            spelled += 1
            reached |= 1 << UInt64(position + spelled)
        }
        let after = position + spelled
        if let tone, Letters.letter(word, spelled) == 0, after < length,
           Letters.code(query.letters[after]) == 0x30 + UInt32(tone) {
            reached |= 1 << UInt64(after + 1)
        }
        return reached
    }

    /// Contiguous comparison of folded characters only, for queries too long for a bit set.
    private static func literalSearch(_ query: Key, in key: Key) -> Range<Int>? {
        guard query.count <= key.count else { return nil }
        for start in 0...(key.count - query.count)
        where (0..<query.count).allSatisfy({ same(key, start + $0, query, $0) }) {
            return start..<start + query.count
        }
        return nil
    }

    /// Whether text character `index` and query character `position` fold alike.
    @inline(__always)
    private static func same(_ key: Key, _ index: Int, _ query: Key, _ position: Int) -> Bool {
        let a = Letters.code(key.letters[index])
        let b = Letters.code(query.letters[position])
        if a != TextFolding.multiScalar && b != TextFolding.multiScalar { return a == b }
        return key.folded(at: index) == query.folded(at: position)
    }

    @inline(__always)
    private static func pinyinLetter(_ letter: UInt8, matches code: UInt32) -> Bool {
        UInt32(letter) == code || (letter == UInt8(ascii: "v") && code == 0x75)
    }

    /// Mask bits of the query's own characters (not of its pinyin).
    private static func queryMask(_ query: Key) -> UInt64 {
        query.letters.reduce(0) { $0 | bit(Letters.code($1)) }
    }
}
