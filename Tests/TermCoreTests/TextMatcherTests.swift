import Testing
@testable import TermCore

/// The matched part of `text`, or nil.
private func highlight(_ query: String, in text: String) -> String? {
    TextMatcher(query: query).firstMatchRange(in: text).map { String(text[$0]) }
}

@Suite("TextMatcher")
struct TextMatcherTests {
    @Test func chineseSubstring() {
        #expect(TextMatcher(query: "黄土矿").matches("绥宁县黄土矿镇人民政府"))
        #expect(highlight("黄土矿", in: "绥宁县黄土矿镇人民政府") == "黄土矿")
        #expect(!TextMatcher(query: "黄土镇").matches("绥宁县黄土矿镇人民政府"))
    }

    @Test func fullPinyinWithOrWithoutSpacesAndTones() {
        for query in ["heshan", "he shan", "HeShan", "HESHAN", "hè shān", "he4shan1", "he4 shan", " heshan "] {
            #expect(TextMatcher(query: query).matches("赫山区财政局"), "\(query)")
            #expect(highlight(query, in: "赫山区财政局") == "赫山", "\(query)")
        }
        #expect(!TextMatcher(query: "he3shan").matches("赫山区财政局"))
        #expect(!TextMatcher(query: "heshang").matches("赫山区财政局"))
    }

    @Test func pinyinInitialsAndPartialSyllables() {
        #expect(TextMatcher(query: "hs").matches("赫山"))
        #expect(highlight("htkz", in: "绥宁县黄土矿镇人民政府") == "黄土矿镇")
        #expect(!TextMatcher(query: "ytkz").matches("绥宁县黄土矿镇人民政府"))
        for query in ["huangtkz", "htukz", "hutk", "huang tu kuang zhen", "HTKZ"] {
            #expect(TextMatcher(query: query).matches("黄土矿镇"), "\(query)")
        }
        #expect(highlight("zhf", in: "绥宁县人民政府") == "政府")
        #expect(highlight("hs", in: "黄山赫山") == "黄山")
    }

    @Test func traditionalAndSimplifiedFindEachOther() {
        #expect(TextMatcher(query: "績效").matches("部门绩效评价"))
        #expect(highlight("績效", in: "部门绩效评价") == "绩效")
        #expect(TextMatcher(query: "绩效").matches("績效評價"))
        #expect(highlight("评价", in: "績效評價複核") == "評價")
        for (traditional, simplified) in [("複核", "复核"), ("預算經費", "预算经费"), ("財務審計", "财务审计"),
                                          ("資金項目", "资金项目"), ("單位", "单位")] {
            #expect(TextMatcher(query: traditional).matches(simplified), "\(traditional)")
            #expect(TextMatcher(query: simplified).matches(traditional), "\(simplified)")
        }
        #expect(TextMatcher(query: "jxpj").matches("績效評價"))
    }

    @Test func asciiMatchesCaseInsensitively() {
        #expect(TextMatcher(query: "BUDGET").matches("Annual budget 2020"))
        #expect(highlight("Get 20", in: "Annual budget 2020") == "get 20")
        #expect(!TextMatcher(query: "report").matches("Annual budget 2020"))
        #expect(TextMatcher(query: "ａｂｃ").matches("xABCx"))
        #expect(TextMatcher(query: "abc").matches("ＡＢＣ"))
    }

    @Test func mixedChineseAndLatin() {
        #expect(highlight("zwab", in: "x中文ab") == "中文ab")
        #expect(TextMatcher(query: "zw ab").matches("中文ab"))
        #expect(highlight("2020hs", in: "第2020赫山") == "2020赫山")
        #expect(highlight("赫shan", in: "赫山区") == "赫山")
        #expect(highlight("grdb", in: "用GRDB存储") == "GRDB")
    }

    @Test func nonMatches() {
        let matcher = TextMatcher(query: "hsx")
        #expect(!matcher.matches("赫山区"))
        #expect(!TextMatcher(query: "山赫").matches("赫山区"))
        #expect(!TextMatcher(query: "xyz").matches("赫山区"))
        #expect(!TextMatcher(query: "赫").matches(""))
        #expect(TextMatcher(query: "hs").firstMatchRange(in: "汨罗市") == nil)
    }

    @Test func emptyQueryMatchesEverything() {
        for query in ["", "   ", "\u{3000}"] {
            let matcher = TextMatcher(query: query)
            #expect(matcher.isEmpty)
            #expect(matcher.matches("赫山区"))
            #expect(matcher.matches(""))
            let text = "赫山区"
            #expect(matcher.firstMatchRange(in: text) == text.startIndex..<text.startIndex)
        }
    }

    @Test func commonPolyphonesMatchEveryReading() {
        for query in ["changsha", "cs", "zhangsha", "長沙"] {
            #expect(highlight(query, in: "湖南省长沙市") == "长沙", "\(query)")
        }
        #expect(TextMatcher(query: "chongqing").matches("重慶"))
        #expect(TextMatcher(query: "kuaiji").matches("会计核算"))
        #expect(TextMatcher(query: "yinhang").matches("中国银行"))
        #expect(TextMatcher(query: "tiaozheng").matches("预算调整"))
        #expect(!TextMatcher(query: "chang3").matches("长沙"))
        #expect(TextMatcher(query: "zhang3").matches("长沙"))
    }

    @Test func umlautPinyinAndApostrophes() {
        #expect(TextMatcher(query: "lvse").matches("绿色"))
        #expect(TextMatcher(query: "luse").matches("绿色"))
        #expect(TextMatcher(query: "lǜsè").matches("绿色"))
        #expect(TextMatcher(query: "xi'an").matches("西安市"))
    }

    @Test func highlightRangesAreInTheOriginalText() {
        let text = "👍 e\u{301}績效評價：赫山"
        #expect(highlight("jixiao", in: text) == "績效")
        #expect(highlight("hs", in: text) == "赫山")
        #expect(highlight("E\u{301}", in: text) == "e\u{301}")
        #expect(highlight("👍", in: text) == "👍")
    }

    @Test func prebuiltKeysMatchLikeTexts() {
        let names = ["绥宁县黄土矿镇人民政府", "汨罗市政府办", "岳阳县政务服务中心", "赫山区财政局", "績效評價中心"]
        let keys = TextMatcher.keys(for: names)
        #expect(keys.map(\.text) == names)
        for query in ["hs", "zf", "績效", "绩效", "zhongxin", "岳阳", "x"] {
            let matcher = TextMatcher(query: query)
            #expect(keys.map { matcher.matches($0) } == names.map { matcher.matches($0) }, "\(query)")
            #expect(keys.map { matcher.firstMatchRange(in: $0) } == names.map { matcher.firstMatchRange(in: $0) })
        }
        #expect(keys.filter { TextMatcher(query: "zx").matches($0) }.map(\.text) == ["岳阳县政务服务中心", "績效評價中心"])
        var builder = TextMatcher.KeyBuilder()
        _ = builder.key("政府政府")
        _ = builder.key("人民政府")
        #expect(builder.cachedCharacters == 4)
    }

    @Test func veryLongQueriesCompareCharacters() {
        let long = String(repeating: "ab", count: 40)
        #expect(TextMatcher(query: long).matches("x" + long.uppercased() + "y"))
        #expect(!TextMatcher(query: long + "c").matches("x" + long + "y"))
    }

    @Test func readingsComeFromFoundation() {
        let reading = HanReading(Unicode.Scalar(0x7E3E)!)  // 績
        #expect(reading.folded == Unicode.Scalar(0x7EE9)!)  // 绩
        #expect(reading.pinyin == Array("ji".utf8))
        #expect(reading.tone == 1)
        #expect(HanReading(Unicode.Scalar(0x7EFF)!).pinyin == Array("lv".utf8))  // 绿
        #expect(TextFolding.strippingLatinMarks("hè shān lǜ") == "he shan lv")
    }

    @Test func keysKeepTheFoldedText() {
        #expect(TextMatcher.Key("績效ＡＢ").foldedText == "绩效ab")
        #expect(TextMatcher.Key("長沙 e\u{301}👍🏽x").foldedText == "长沙 e\u{301}👍🏽x")
        #expect(TextMatcher.Key("").foldedText == "")
        let key = TextMatcher.Key("重慶市長壽區")
        #expect(key.count == 6)
        #expect(TextMatcher(query: "chongqing").matches(key) && TextMatcher(query: "zhongqing").matches(key))
        #expect(TextMatcher(query: "cqs").matches(key) && TextMatcher(query: "changshou").matches(key))
        #expect(TextMatcher(query: "zhong4qing4").matches(key) && !TextMatcher(query: "chong2qing4").matches(key))
    }

    /// A key packs each character's pinyin in at most `Letters.maxLetters` letters: every Han
    /// character's reading fits (ICU's longest, e.g. zhuang, has six).
    @Test func everyReadingFitsAKey() {
        var longest = 0
        for value in UInt32(0x4E00)...0x9FFF {
            guard let scalar = Unicode.Scalar(value), HanReading.hanScalar(of: Character(scalar)) != nil else { continue }
            longest = max(longest, HanReading(scalar).pinyin.count)
        }
        #expect(longest == 6)
        #expect(longest <= Letters.maxLetters)
        let word = Letters.pack(code: 0x5E84, pinyin: Array("zhuang".utf8), tone: 1)
        #expect((0..<7).map { Letters.letter(word, $0) } == Array("zhuang".utf8) + [0])
        #expect(Letters.code(word) == 0x5E84 && Letters.tone(word) == 1 && Letters.hasPinyin(word))
        #expect(Letters.code(Letters.pack(code: TextFolding.multiScalar, pinyin: [], tone: 5)) == TextFolding.multiScalar)
    }
}
