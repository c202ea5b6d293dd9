import Foundation
import Testing
@testable import FuheCore

/// Money sums, differences and 序号 never trap: beyond their range they give nil (or a refusal).
@Suite struct CheckedArithmeticTests {
    let largest = Money(wanYuan: "99999999999999.9999")!

    @Test func amountsBeyondTheLimitAreRefusedWhenRead() {
        #expect(largest.yuan == Money.limit)
        #expect(Money(wanYuan: "100000000000000") == nil)
        #expect(Money(wanYuan: "-99999999999999.9999")?.yuan == -Money.limit)
        // The repro's amount (92233720368.5477 万元 = Int64.max yuan / 10⁴) is valid on its own.
        #expect(Money(wanYuan: "92233720368.5477") != nil)
    }

    @Test func sumsThatWouldOverflowGiveNilInsteadOfTrapping() {
        let amount = Money(wanYuan: "92233720368.5477")!
        // 10,050 of them overflowed Int64 in `Money.+` (SIGILL) before.
        #expect(Array(repeating: amount, count: 10_050).sum() == nil)
        #expect(Array(repeating: amount, count: 10).sum()?.wanYuanText == "922337203685.477")
        #expect(largest.adding(Money(yuan: 1)) == nil)
        #expect(largest.adding(largest) == nil)
        #expect(Money(yuan: Int64.max).adding(Money(yuan: Int64.max)) == nil)
        #expect(Money(yuan: Int64.min).subtracting(Money(yuan: 1)) == nil)
        #expect(largest.subtracting(Money(yuan: -Money.limit)) == nil)
        #expect([Money]().sum() == .zero)
    }

    @Test func anAmountCheckBeyondTheLimitIsAWarningNotACrash() {
        let amount = Money(wanYuan: "92233720368.5477")!
        let check = AmountCheck(label: "合计", statedTotal: amount,
                                components: Array(repeating: .init(label: "x", amount: amount), count: 10_050))
        #expect(check.computedTotal == nil)
        let line = ThreePublicLine(category: .reception, budget: Money(yuan: Int64.max), final: Money(yuan: -Int64.max))
        #expect(line.computedVariance == nil)
        #expect(line.computedRatio == nil)
    }

    @Test func numbersStayInTheirRange() {
        #expect(Numbering.next(after: []) == 1)
        #expect(Numbering.next(after: [1, 2, 7]) == 8)
        #expect(Numbering.next(after: [Numbering.range.upperBound]) == nil)
        #expect(Numbering.next(after: [Int.max]) == nil)
        #expect(Numbering.check(Int.max, what: "问题")?.code == "N-001")
        #expect(Numbering.check(0, what: "问题")?.code == "N-001")
        #expect(Numbering.check(99_999, what: "问题") == nil)
    }

    @Test func newIDsNeverTrap() {
        #expect(Numbering.nextID("F", existing: []) == "F-1")
        #expect(Numbering.nextID("F", existing: ["F-1", "F-7", "RI-9"]) == "F-8")
        #expect(Numbering.nextID("F", tag: "L1", existing: ["F-L1-2", "F-9"]) == "F-L1-3")
        // An imported id with Int.max: "largest + 1" trapped in the workstation.
        #expect(Numbering.nextID("F", existing: ["F-9223372036854775807", "F-1"]) == "F-2")
        #expect(Numbering.nextID("F", existing: ["F--5"]) == "F-1")
    }
}
