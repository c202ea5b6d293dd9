import Foundation
import Testing
@testable import FuheCore

/// Spec §3.9 vectors 1–14: STEP_DEDUCT, TIERED, PER_OCCURRENCE, CHECKLIST.
@Suite struct StepAndTierVectorTests {
    let staff = Fx.leaf(.stepDeduct(Fx.staffRule), weight: "5", direction: .negative, name: "在职人员控制率")

    @Test func v01_staffing72of72IsFull() {
        let row = Fx.run(staff, actual: "72/72")
        #expect(row.suggestion == Fx.score("5.00"))
        #expect(row.measure == 100)
    }

    @Test func v02_staffing11of10LosesEverything() {
        let row = Fx.run(staff, actual: "11/10")
        #expect(row.suggestion == Fx.score("0.00"))
        #expect(row.measure == 110)
        #expect(row.explanation == "在职人员控制率110%，超过基准10个百分点，每1个百分点扣0.5分，扣5.00分，得0.00分")
    }

    @Test func v03_staffing4of10IsFull() {
        #expect(Fx.suggested(staff, "4/10") == "5.00")
    }

    @Test func v04_staffing136of143WithWeight8IsFull() {
        let node = Fx.leaf(.stepDeduct(Fx.staffRule), weight: "8", direction: .negative)
        let row = Fx.run(node, actual: "136/143")
        #expect(row.suggestion == Fx.score("8.00"))
        #expect(Fx.two(row.measure) == "95.10")
    }

    @Test func v05_threePublicChangeNegativeIsFull() {
        let rule = StepDeductRule(baseline: 0, side: .over, step: 1, deduct: Fx.dec("0.5"))
        let node = Fx.leaf(.stepDeduct(rule), weight: "5", direction: .negative, name: "“三公经费”变动率")
        let row = Fx.run(node, actual: "-6.67%")
        #expect(row.suggestion == Fx.score("5.00"))
        #expect(row.measure == Fx.dec("-6.67"))
    }

    @Test func v06_threePublicChange98PercentClampsToZero() {
        let rule = StepDeductRule(baseline: 0, side: .over, step: 1, deduct: Fx.dec("0.8"))
        let node = Fx.leaf(.stepDeduct(rule), weight: "8", direction: .negative)
        let row = Fx.run(node, actual: "(63.46-32)/32")
        #expect(row.suggestion == Fx.score("0.00"))
        #expect(Fx.two(row.measure) == "98.31")
        #expect(row.explanation.contains("扣完为止"))
    }

    static let completion = StepDeductRule(baseline: 100, side: .under, step: 5, deduct: 2, stepMode: .perFullStep)
    let budgetCompletion = Fx.leaf(.stepDeduct(completion), weight: "5", name: "预算完成率")

    @Test func v07_budgetCompletion99_27IsFull() {
        let row = Fx.run(budgetCompletion, actual: "(19.8+1922.76+767.86−19.8)/(19.8+1922.76+767.86)")
        #expect(row.suggestion == Fx.score("5.00"))
        #expect(Fx.two(row.measure) == "99.27")
    }

    @Test func v08_budgetCompletion90LosesTwoSteps() {
        #expect(Fx.suggested(budgetCompletion, "90.00%") == "1.00")
    }

    @Test func v09_budgetCompletion84ClampsToZero() {
        let row = Fx.run(budgetCompletion, actual: "84.00%")
        #expect(row.suggestion == Fx.score("0.00"))
        #expect(row.explanation.contains("计3步"))
    }

    static let controlTiers = [
        Tier(lower: 0, lowerInclusive: true, upper: 0, upperInclusive: true, points: 5),
        Tier(lower: 0, upper: 10, points: 4),
        Tier(lower: 10, upper: 20, points: 3),
        Tier(lower: 20, upper: 30, points: 2),
        Tier(lower: 30, upper: nil, points: 0),
    ]
    let control = Fx.leaf(.tiered(controlTiers), weight: "5", direction: .negative, name: "预算控制率")

    @Test func v10_budgetControlTiers() {
        let inputs = ["0%", "8%", "10.00%", "10.01%", "30%", "39.94%"]
        #expect(inputs.map { Fx.suggested(control, $0) } == ["5.00", "4.00", "4.00", "3.00", "2.00", "0.00"])
    }

    @Test func v11_budgetControlD1SupplementOverInitial() {
        let row = Fx.run(control, actual: "1269.31/682.1442")
        #expect(row.suggestion == Fx.score("0.00"))
        #expect(Fx.two(row.measure) == "186.08")
        #expect(row.explanation.contains(">30%"))
    }

    @Test func v12_balanceTierD1CarryoverBelowPriorYear() {
        // 无结余 3; 有结余但不超过上年结转 2; 超过上年结转 0 — measured as 年末结转结余 / 年初结转结余.
        let tiers = [
            Tier(lower: 0, lowerInclusive: true, upper: 0, upperInclusive: true, points: 3, label: "无结余"),
            Tier(lower: 0, upper: 100, points: 2, label: "有结余但不超过上年结转"),
            Tier(lower: 100, upper: nil, points: 0, label: "超过上年结转"),
        ]
        let node = Fx.leaf(.tiered(tiers), weight: "3", name: "资金结余")
        let row = Fx.run(node, actual: "269.01/403.13")
        #expect(row.suggestion == Fx.score("2.00"))
        #expect(row.explanation.contains("有结余但不超过上年结转"))
    }

    @Test func v13_paymentProgressTwoLateFunds() {
        let node = Fx.leaf(.perOccurrence(deduct: Fx.dec("0.5")), weight: "3", unit: "个", name: "支付进度")
        let row = Fx.run(node, actual: "2")
        #expect(row.suggestion == Fx.score("2.00"))
        #expect(row.explanation == "发现2处不符合要求，每处扣0.5分，扣1.00分，得2.00分")
    }

    static let systemElements = [
        ChecklistElement(name: "制度已制定", points: 1),
        ChecklistElement(name: "合法合规完整", points: 1),
        ChecklistElement(name: "有效执行", points: 1),
    ]
    let system = Fx.leaf(.checklist(systemElements), weight: "3", unit: "", name: "管理制度健全性")

    @Test func v14_checklistTwoOfThree() {
        let byName = Fx.run(system, actual: "制度已制定；有效执行")
        #expect(byName.suggestion == Fx.score("2.00"))
        #expect(byName.explanation.contains("未满足：合法合规完整"))
        #expect(Fx.suggested(system, "1、3") == "2.00")
        #expect(Fx.suggested(system, "1、2、3") == "3.00")
        #expect(Fx.suggested(system, "有效执行") == "1.00")
        #expect(Fx.suggested(system, "否") == "0.00")
    }

    @Test func stepModesCountPartialStepsDifferently() {
        let started = StepDeductRule(baseline: 100, side: .under, step: 5, deduct: 2, stepMode: .perStartedStep)
        let continuous = StepDeductRule(baseline: 100, side: .under, step: 5, deduct: 2, stepMode: .continuous)
        #expect(Fx.suggested(Fx.leaf(.stepDeduct(started), weight: "5"), "99.27%") == "3.00")
        // 0.73 / 5 × 2 = 0.292 → 5 − 0.292 = 4.708 → 4.71
        #expect(Fx.suggested(Fx.leaf(.stepDeduct(continuous), weight: "5"), "99.27%") == "4.71")
    }

    @Test func tierWithPointRangeGivesAllowedRange() {
        let tiers = [Tier(lower: 1, upper: 2, points: 8, pointsMax: 9), Tier(lower: 2, upper: nil, points: 0)]
        let row = Fx.run(Fx.leaf(.tiered(tiers), weight: "10", unit: "月"), actual: "1.5个月")
        #expect(row.allowedRange == Fx.score("8")...Fx.score("9"))
        #expect(row.suggestion == Fx.score("9.00"))
        let outside = Fx.run(Fx.leaf(.tiered(tiers), weight: "10", unit: "月"), actual: "0.5")
        #expect(outside.suggestion == nil)
    }
}
