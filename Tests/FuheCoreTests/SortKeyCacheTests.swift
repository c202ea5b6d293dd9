import Foundation
import Testing
@testable import FuheCore

/// `SortKey.of` remembers the key of each text it made: the key it returns, first time or again,
/// is the one the ICU transforms make, and texts equal only canonically are transformed anew.
@Suite struct SortKeyCacheTests {
    @Test func aRememberedKeyIsTheTransformedOne() {
        let names = ["黄土矿镇政府", "長沙市芙蓉區財政局", "湘西土家族苗族自治州吉首市教育局", "Café 中心", "Cafe\u{301} 中心", "", "ÉCOLE 学校"]
        for _ in 0..<3 {
            for name in names { #expect(SortKey.of(name) == SortKey.make(name), "\(name)") }
        }
        #expect(SortKey.of("黄土矿镇政府") == "huang tu kuang zhen zheng fu")
    }
}
