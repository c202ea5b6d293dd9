import Foundation
import Testing
@testable import FuheCore

/// `Money` reads and writes its common text in integers (`plainYuan`, `wanYuanText`); both must
/// give exactly what the `Decimal` route gives (`parsedYuan`, `ExactDecimal.plain(wanYuan)`).
@Suite struct MoneyTextTests {
    @Test func amountsAreWrittenAsBefore() {
        var random = SplitMix64(seed: 0x3E_2026)
        var amounts: [Int64] = [0, 1, -1, 9, 10, 99, 100, 999, 1_000, 9_999, 10_000, -10_000, 10_001, 12_345, -5_000, 50_000,
                                Money.limit, -Money.limit, Int64.max, Int64.min, Int64.min + 1, 999_999_999_999_999_999,
                                1_000_000_000_000_000_000, -1_000_000_000_000_000_000]
        for _ in 0..<100_000 {
            let magnitude = Int64(random.next() % UInt64([10_000, 100_000_000, 1_000_000_000_000_000_000][Int(random.next() % 3)]))
            amounts.append(random.next() % 2 == 0 ? magnitude : -magnitude)
        }
        for yuan in amounts {
            let m = Money(yuan: yuan)
            #expect(m.wanYuanText == ExactDecimal.plain(m.wanYuan), "\(yuan)")
        }
    }

    @Test func plainAmountsAreReadAsBefore() {
        var random = SplitMix64(seed: 0x3E_2027)
        var texts = ["0", "-0", "0.0", "00012", "1.", ".5", "-.5", "1.23456", "12345678901234", "123456789012345", "99999999999999.9999",
                     "-99999999999999.9999", "1.0000", "1.00000", " 1.5", "1.5 ", "+1", "1e3", "１２", "--1", "1.2.3", "", "-"]
        for _ in 0..<100_000 {
            var s = random.next() % 3 == 0 ? "-" : ""
            s += String(random.next() % [10, 100_000, 100_000_000_000_000][Int(random.next() % 3)])
            let places = Int(random.next() % 6)
            if places > 0 { s += "." + (0..<places).map { _ in String(random.next() % 10) }.joined() }
            texts.append(s)
        }
        for s in texts {
            let fast = Money.plainYuan(s)
            if let fast { #expect(fast == Money.parsedYuan(s), "\(s)") }
            #expect(Money(wanYuan: s)?.yuan == (fast ?? Money.parsedYuan(s)), "\(s)")
        }
        #expect(Money.plainYuan("12.3456") == 123_456 && Money.plainYuan("-0.0001") == -1 && Money.plainYuan("1.23456") == nil)
    }
}
