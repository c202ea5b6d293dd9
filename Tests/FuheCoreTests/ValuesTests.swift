import Foundation
import Testing
@testable import FuheCore

@Suite struct ScoreTests {
    @Test func parsesAndPrintsTwoDecimals() {
        #expect(Score("5")?.description == "5.00")
        #expect(Score("98.2")?.hundredths == 9820)
        #expect(Score("-3")?.description == "-3.00")
        #expect(Score("5.123") == nil)
        #expect(Score("0.05")?.hundredths == 5 && Score("-12.5")?.hundredths == -1250 && Score("100")?.hundredths == 10000)
        #expect(Score("-") == nil && Score(".") == nil && Score("1.2.3") == nil && Score("") == nil && Score("5.-1") == nil)
        #expect(Score(" 7.5 ")?.hundredths == 750)
        #expect(Score("1e2") == nil)
        #expect(Score("abc") == nil)
    }

    @Test func roundsHalfUp() {
        #expect(Score(rounding: Decimal(string: "8.2446")!).description == "8.24")
        #expect(Score(rounding: Decimal(string: "2.415")!).description == "2.42")
        #expect(Score(rounding: Decimal(string: "-1.005")!).description == "-1.01")
    }

    @Test func moneyInWanYuanIsExact() {
        let m = Money(wanYuan: "682.1442")!
        #expect(m.yuan == 6_821_442)
        #expect(m.wanYuanText == "682.1442")
        #expect(m.formatted() == "682.14")
        #expect(Money(wanYuan: "1.23456") == nil)
        #expect(Money(wanYuan: "10")!.subtracting(Money(wanYuan: "8.62")!)?.wanYuanText == "1.38")
    }

    @Test func calendarDays() {
        let d = CalendarDay("2021-06-30")!
        #expect(d.description == "2021-06-30")
        #expect(d.days(until: CalendarDay("2021-07-05")!) == 5)
        #expect(CalendarDay("2021-02-30") == nil)
        #expect(CalendarDay("2024-02-29") != nil)
        #expect(FixedClock(day: d).today() == d)
    }

    @Test func exactDecimalFormatting() {
        #expect(ExactDecimal.format(Decimal(string: "13.8")!, places: 2) == "13.80")
        #expect(ExactDecimal.format(Decimal(string: "-0.004")!, places: 2) == "0.00")
        #expect(ExactDecimal.parse("007.50") == Decimal(string: "7.5"))
    }
}
