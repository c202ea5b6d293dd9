import Foundation
import Testing
@testable import FuheCore

/// `HanSimplifiedTable` is ICU's `Hant-Hans` mapping of single characters: every scalar of the
/// ranges it was generated from folds as ICU transforms it alone (a newer ICU that maps more
/// characters fails here until the table is generated again).
@Suite struct HanFoldTableTests {
    @Test func theTableIsICUsCharacterMapping() {
        var differences: [String] = []
        var mapped = 0
        for range: ClosedRange<UInt32> in [0x2E80...0xFFEF, 0x20000...0x323AF] {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                let icu = String(s).applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? String(s)
                let ours = String(HanFold.simplified(s))
                if icu != String(s) { mapped += 1 }
                if icu != ours { differences.append("U+\(String(v, radix: 16, uppercase: true)) ICU \(icu) table \(ours)") }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20))")
        #expect(mapped == HanSimplifiedTable.map.count)
    }

    @Test func textsFoldCharacterByCharacter() {
        #expect(ChineseText.simplified("績效評價：優良") == "绩效评价：优良")
        #expect(HanFold.fold("後來的發展") == "后来的发展")
        #expect(ChineseText.simplified("ABC-123 简体") == "ABC-123 简体")
        // ICU's word rule (著作 keeps 著) is not applied; both sides of a comparison fold alike.
        #expect(ChineseText.same("著作", "着作"))
    }
}
