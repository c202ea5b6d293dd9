import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// The workstation's search reads Han characters with FuheCore's tables (`HanPinyin`, given to
/// TermCore's matcher): 繁体 and 简体, full pinyin with and without tones, initials and a
/// polyphone's other reading find the same units as before, by `/` in the unit list.
@Suite struct SearchReadingsTests {
    @Test func theUnitListFindsAUnitByEveryReading() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let found: [(query: String, id: String)] = [
            ("黃土礦鎮", "SE-HTK-2020"),           // 繁体 finds 简体
            ("黄土矿", "SE-HTK-2020"),
            ("huangtukuang", "SE-HTK-2020"),
            ("huang2 tu3 kuang4", "SE-HTK-2020"),  // tones as digits
            ("huáng tǔ", "SE-HTK-2020"),           // tones as marks
            ("htkz", "SE-HTK-2020"),               // initials
            ("汨羅市", "SE-MLZFB-2017"),
            ("mlszfb", "SE-MLZFB-2017"),
            ("guanweikuai", "SE-MX-2020"),         // 会 read kuai: a polyphone's other reading
            ("宜章縣", "SE-YZ-2019"),
        ]
        for (query, id) in found {
            let w = s.workstation()
            ApplicationTests.open(w, query)
            #expect(w.state.dossier?.id == id, "\(query)")
        }
        let w = s.workstation()
        w.press(.character("/"))
        w.type("huang3tu")  // a wrong tone finds nothing
        w.press(.enter)
        #expect(w.state.message?.contains("没有找到") == true)
    }

    /// The readings the workstation gives the matcher are FuheCore's, character by character.
    @Test func keysAreMadeFromFuheCoresReadings() {
        let key = TextMatcher.Key("績效評價長沙", readings: HanPinyin.searchReading)
        #expect(key.foldedText == "绩效评价长沙")
        #expect(key.foldedText == ChineseText.simplified("績效評價長沙"))
        let matcher = TextMatcher(query: "ji1xiao4", readings: HanPinyin.searchReading)
        #expect(matcher.matches(key))
        #expect(TextMatcher(query: "jxpjcs", readings: HanPinyin.searchReading).matches(key))
        #expect(TextMatcher(query: "changsha", readings: HanPinyin.searchReading).matches(key))
    }
}
