import FuheCore
@testable import FuheStore
import Testing

/// The `l1_scores` summary column is read back exactly as `CycleColumns.firstLevel` writes it:
/// one line per first-level indicator, tab-separated, scores in hundredths, empty when missing.
@Suite struct FirstLevelColumnTests {
    @Test func linesAndFieldsAreReadByByte() {
        let text = "一、投入\t1000\t950\t\n二、過程（繁體）👩‍👩‍👧\t5000\t\t4800\n坏行没有分隔\n缺分值\t\t1\t2\n三、产出\u{301}\t2500\t-25\t2475"
        let scores = FuheStore.firstLevel(text)
        #expect(scores == [
            FirstLevelScore(name: "一、投入", weight: Score(hundredths: 1000), selfScore: Score(hundredths: 950), reviewScore: nil),
            FirstLevelScore(name: "二、過程（繁體）👩‍👩‍👧", weight: Score(hundredths: 5000), selfScore: nil, reviewScore: Score(hundredths: 4800)),
            FirstLevelScore(name: "三、产出\u{301}", weight: Score(hundredths: 2500), selfScore: Score(hundredths: -25), reviewScore: Score(hundredths: 2475)),
        ])
        #expect(FuheStore.firstLevel(nil).isEmpty && FuheStore.firstLevel("").isEmpty && FuheStore.firstLevel("\n\n").isEmpty)
    }
}
