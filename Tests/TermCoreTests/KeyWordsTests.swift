import Testing
@testable import TermCore

/// Keys built together keep their characters' words once, numbered (`KeyWords`): two bytes a
/// character, four once there are more than 65,536 distinct words; either way a key reads the
/// words a key built alone has.
@Suite struct KeyWordsTests {
    @Test func keysBuiltTogetherShareTheirWordsAndReadAsAlone() {
        let texts = ["绥宁县黄土矿镇人民政府", "汨罗市政府办", "ＡＢｃ績效長沙", "e\u{301}👍🏽x", "", "政府政府"]
        let together = TextMatcher.keys(for: texts)
        for (text, key) in zip(texts, together) {
            let alone = TextMatcher.Key(text)
            #expect(Array(key.letters) == Array(alone.letters), "\(text)")
            #expect(key.foldedText == alone.foldedText && key.mask == alone.mask && key.count == text.count)
        }
        #expect(together[0].letters.storage === together[5].letters.storage)
        #expect(together[5].letters.storage.words.count < texts.joined().count)
    }

    @Test func moreThan65536DistinctWordsTakeFourBytes() throws {
        let scalars = (UInt32(0x20000)..<0x20000 + 70_000).compactMap(Unicode.Scalar.init)
        let texts = stride(from: 0, to: scalars.count, by: 100).map { start in
            String(String.UnicodeScalarView(scalars[start..<min(start + 100, scalars.count)]))
        }
        let keys = TextMatcher.keys(for: texts)
        #expect(keys[0].letters.storage.words.count > 65_536)
        for (text, key) in zip(texts, keys) {
            #expect(Array(key.letters) == Array(TextMatcher.Key(text).letters))
        }
        let last = try #require(texts.last)
        let query = TextMatcher(query: String(last.suffix(3)))
        #expect(query.matches(keys[keys.count - 1]) && !query.matches(keys[0]))
    }
}
