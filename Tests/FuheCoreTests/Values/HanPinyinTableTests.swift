import Foundation
import Testing
@testable import FuheCore

/// `HanPinyin` is ICU's `Mandarin-Latin` reading of single characters and, with `HanFold`, all
/// a search reads of a Han character: every ideograph from U+2E80 on reads as ICU reads it
/// alone. When they differ (a newer ICU), the test writes the table ICU gives now
/// (`ICUHanReadings.pinyinTableSource()`) beside the failure, to be copied over
/// `Sources/FuheCore/Values/HanPinyinTable.swift`.
@Suite struct HanPinyinTableTests {
    @Test func everyIdeographReadsAsICUReadsIt() throws {
        var differences: [String] = []
        var read = 0
        for scalar in ICUHanReadings.ideographs {
            let icu = ICUHanReadings.pinyin(scalar)
            let ours = HanPinyin.searchReading(of: scalar)
            if !icu.letters.isEmpty { read += 1 }
            if ours.pinyin != icu.letters || ours.tone != icu.tone || ours.folded != ICUHanReadings.simplified(scalar) {
                let name = "U+\(String(scalar.value, radix: 16, uppercase: true))"
                differences.append("\(name) ICU \(String(decoding: icu.letters, as: UTF8.self))\(icu.tone) table \(String(decoding: ours.pinyin, as: UTF8.self))\(ours.tone)")
            }
        }
        #expect(ICUHanReadings.ideographs.count > 100_000)
        #expect(read > 45_000)
        if !differences.isEmpty {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("HanPinyinTable.swift")
            try ICUHanReadings.pinyinTableSource().write(to: path, atomically: true, encoding: .utf8)
            Issue.record("\(differences.count) ideographs read otherwise than ICU, e.g. \(differences.prefix(10)); ICU's table is in \(path.path)")
        }
    }

    @Test func readingsAsTheSearchNeedsThem() {
        let ji = HanPinyin.searchReading(of: "績")
        #expect(ji.folded == "绩" && ji.pinyin == Array("ji".utf8) && ji.tone == 1)
        #expect(HanPinyin.reading(of: "绿")?.letters == Array("lv".utf8))
        #expect(HanPinyin.reading(of: "绿")?.tone == 4)
        #expect(HanPinyin.reading(of: "长")?.letters == Array("zhang".utf8))  // one reading, as ICU's
        #expect(HanPinyin.reading(of: "的")?.tone == 5)
        // Not ideographs, or ideographs ICU gives no reading: nothing.
        for scalar: Unicode.Scalar in ["a", "。", "Ａ", "\u{2E80}", "\u{17000}", "\u{10FFFF}"] {
            #expect(HanPinyin.reading(of: scalar) == nil, "\(scalar.value)")
            #expect(HanPinyin.searchReading(of: scalar) == (scalar, [], 5))
        }
    }

    /// Every block's text holds two characters for each of its scalars, `perLine` a line; the
    /// longest syllable fits TermCore's key (seven letters).
    @Test func theTableIsWellFormed() {
        for block in HanPinyin.blocks {
            let lines = (block.count + HanPinyin.perLine - 1) / HanPinyin.perLine
            #expect(block.codes.utf8CodeUnitCount == block.count * 2 + lines - 1)
        }
        #expect(HanPinyin.syllableList.count == 419)
        #expect(HanPinyin.syllableList.map(\.count).max() == 6)
        #expect(HanPinyin.syllableList == HanPinyin.syllableList.sorted { $0.lexicographicallyPrecedes($1) })
    }
}
