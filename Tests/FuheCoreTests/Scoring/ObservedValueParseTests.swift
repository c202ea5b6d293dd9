import Foundation
import Testing
@testable import FuheCore

@Suite struct ObservedValueParseTests {
    func number(_ text: String, _ unit: String = "") -> Decimal? { ObservedValue.parse(text, unit: unit).number }

    @Test func plainNumbersAndPercentages() {
        #expect(number("9768") == 9768)
        #expect(number("≥3000人次", "人次") == 3000)
        #expect(number("110%", "%") == 110)
        #expect(number("-6.67%", "%") == Fx.dec("-6.67"))
        #expect(number("−6.67%", "%") == Fx.dec("-6.67"))
        #expect(number("第5名") == 5)
        #expect(number("1-7天", "天") == 1)
        #expect(number("9,768万元") == 9768)
        #expect(number("１１０％", "%") == 110)
        #expect(number("审批9天", "天") == 9)
    }

    @Test func ratiosAreExact() {
        #expect(number("11/10", "%") == 110)
        #expect(number("11/10", "") == Fx.dec("1.1"))
        let rate = number("37.2/45.12", "%")
        #expect(rate == Fx.dec("37.2") / Fx.dec("45.12") * 100)
        #expect(Fx.two(rate) == "82.45")
        #expect(number("37.2万元/45.12万元", "%") == rate)
        #expect(Fx.two(number("(63.46 − 32) / 32", "%")) == "98.31")
    }

    @Test func explicitRatioIsPreferredOverPrintedResult() {
        #expect(number("11/10=110%", "%") == 110)
        #expect(number("11/10=110%", "") == 110)
        #expect(number("11/10=100%", "%") == 110)
        #expect(Fx.two(number("136/143=95.1%", "%")) == "95.10")
        #expect(number("=95%", "%") == 95)
    }

    @Test func metAnswers() {
        let answers = ["是", "否", "达标", "未达标", "有", "无", "符合"].map { ObservedValue.parse($0, unit: "").met }
        #expect(answers == [true, false, true, false, true, false, true])
        #expect(ObservedValue.parse("达标", unit: "").number == nil)
    }

    @Test func qualitativeLevels() {
        let levels = ["A", "b", "C档", "达成", "部分达成", "未达成", "部分达成并具有一定效果"]
            .map { ObservedValue.parse($0, unit: "").level }
        #expect(levels == [.a, .b, .c, .a, .b, .c, .b])
    }

    @Test func checklistItemsKeepRawPieces() {
        #expect(ObservedValue.parse("已制定制度、有效执行", unit: "").items == ["已制定制度", "有效执行"])
        #expect(ObservedValue.parse("1、3", unit: "").items == ["1", "3"])
        #expect(ObservedValue.parse("甲；乙;丙,丁，戊", unit: "").items == ["甲", "乙", "丙", "丁", "戊"])
        #expect(ObservedValue.parse("1、3", unit: "").number == nil)
    }

    @Test func originalTextIsKept() {
        let value = ObservedValue.parse(" 11/10=110% ", unit: "%")
        #expect(value.text == " 11/10=110% ")
        #expect(ObservedValue.parse("圆满完成", unit: "").number == nil)
        #expect(ObservedValue.parse("", unit: "%") == ObservedValue(text: ""))
    }

    @Test func neverCrashesOnOddInput() {
        let odd = ["", "   ", "/", "1/", "/2", "1/0", "11/0=∞", "((((1", "1))))/2", "−", "..", "1..2/3", "1e999",
                   String(repeating: "9", count: 200), String(repeating: "(", count: 500) + "1/2",
                   String(repeating: "9", count: 40) + "/" + String(repeating: "9", count: 40),
                   "🙂/🙂", "=", "==", "%", "1/2/0", "0.0000000000000000000000000001/3", "-", "+-+-1/2"]
        for text in odd {
            let value = ObservedValue.parse(text, unit: "%")
            #expect(value.text == text)
            _ = ObservedValue.parseNumber(text, unit: "%")
        }
        #expect(number("1/0", "%") == nil)
        #expect(ObservedValue.hasZeroDenominator("11/0"))
        #expect(!ObservedValue.hasZeroDenominator("11/10"))
    }

    @Test func parseNumberForTheNumField() {
        #expect(ObservedValue.parseNumber("110", unit: "%") == 110)
        #expect(ObservedValue.parseNumber("-6.67", unit: "%") == Fx.dec("-6.67"))
        #expect(ObservedValue.parseNumber("11/10", unit: "%") == 110)
        #expect(ObservedValue.parseNumber("11/10", unit: "人") == Fx.dec("1.1"))
        #expect(ObservedValue.parseNumber("37.2/45.12", unit: "%") == Fx.dec("37.2") / Fx.dec("45.12") * 100)
        #expect(ObservedValue.parseNumber("110%", unit: "%") == 110)
        #expect(ObservedValue.parseNumber("abc", unit: "%") == nil)
        #expect(ObservedValue.parseNumber("1/0", unit: "%") == nil)
        #expect(ObservedValue.parseNumber("1/2/3", unit: "%") == nil)
        #expect(ObservedValue.parseNumber("1e5", unit: "") == nil)
    }
}
