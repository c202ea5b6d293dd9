import Foundation
import Testing
@testable import FuheCore

/// The 通报's figures: averages over compared units, grade changes, deviations, findings by
/// category, closure and overdue counts.
@Suite struct CycleSummaryTests {
    private let today = CalendarDay("2022-07-05")!

    private func unit(_ id: String, self s: Int?, review r: Int?, complete: Bool = true, selfGrade: String?, reviewGrade: String?,
                      type: EvalType = .project) -> UnitSummary {
        UnitSummary(dossierID: id, unitName: id, fiscalYear: 2021, yearIsDemo: false, evalType: type, status: .inReview,
                    reviewStatus: .draft, selfTotal: s.map { Score(hundredths: $0) }, selfGrade: selfGrade,
                    reviewTotal: r.map { Score(hundredths: $0) }, reviewComplete: complete, reviewGrade: reviewGrade, reviewedRows: 1,
                    scorableRows: 1, warningCount: 0, openItems: 0, totalItems: 0, overdueItems: 0)
    }

    private func followUp(_ id: String, findings: [Finding] = [], items: [RectificationItem] = []) -> DossierFollowUp {
        DossierFollowUp(dossierID: id, unit: EvaluatedUnit(id: "U-" + id, name: id), cycle: EvaluationCycle(id: "C", fiscalYear: 2021, name: "c"),
                        template: IndicatorTemplate(id: "T", name: "t", evalType: .project, nodes: []), findings: findings, items: items)
    }

    private func item(_ id: String, _ status: RectStatus, deadline: String) -> RectificationItem {
        RectificationItem(id: id, findingID: "F", seq: 1, measure: "m", respUnit: "u", respPerson: "p",
                          createdOn: CalendarDay("2022-01-01")!, deadline: CalendarDay(deadline)!, status: status,
                          completionDesc: status == .closed ? "done" : nil, evidenceIDs: status == .closed ? ["E"] : [])
    }

    @Test func figures() {
        let units = [
            unit("A", self: 9_500, review: 8_800, selfGrade: "优", reviewGrade: "良"),
            unit("B", self: 9_000, review: 9_100, selfGrade: "优", reviewGrade: "优", type: .deptOverall),
            unit("C", self: 8_000, review: 7_001, selfGrade: "良", reviewGrade: "中"),
            unit("D", self: 9_900, review: 5_000, complete: false, selfGrade: "优", reviewGrade: nil),  // review unfinished
            unit("E", self: nil, review: 8_500, selfGrade: nil, reviewGrade: "良"),  // no self total
        ]
        let f1 = Finding(id: "F1", seq: 1, category: .procurement, description: "x", amountInvolved: Money(yuan: 120_000))
        let f2 = Finding(id: "F2", seq: 2, category: .procurement, description: "y", amountInvolved: Money(yuan: 5_000))
        let f3 = Finding(id: "F3", seq: 1, category: .staffing, description: "z")
        let followUps = [
            followUp("A", findings: [f1, f3], items: [item("1", .closed, deadline: "2022-06-01"), item("2", .pending, deadline: "2022-07-01"),
                                                      item("3", .inProgress, deadline: "2022-07-10"), item("4", .withdrawn, deadline: "2022-06-01")]),
            followUp("B", findings: [f2], items: [item("5", .longTerm, deadline: "2022-12-31"), item("6", .pending, deadline: "2022-06-30")]),
            followUp("C"), followUp("D"), followUp("E"),
        ]
        let s = CycleSummary(units: units, followUps: followUps, schemes: ["MOF_4": .mof4], today: today)
        #expect(s.comparisons.map(\.summary.dossierID) == ["A", "B", "C"])
        #expect(s.averageSelf == Score(hundredths: 8_833))     // 265.00 / 3 = 88.333…
        #expect(s.averageReview == Score(hundredths: 8_300))   // 249.01 / 3 = 83.0033…
        #expect(s.averageDiff == Score(hundredths: 533))       // 15.99 / 3 = 5.33
        #expect(s.gradeChanges.map(\.summary.dossierID) == ["A", "C"])
        #expect(s.gradeMatrix["优"]?["良"] == 1 && s.gradeMatrix["优"]?["优"] == 1 && s.gradeMatrix["良"]?["中"] == 1)
        #expect(s.gradeLabels == ["优", "良", "中", "差"])
        #expect(s.byDeviation.map(\.summary.dossierID) == ["C", "A", "B"])
        #expect(s.byDeviation[0].deviation.diff == Score(hundredths: 999))
        #expect(s.categories.map(\.category) == [.procurement, .staffing])
        #expect(s.categories[0].findings == 2 && s.categories[0].units == 2 && s.categories[0].amount == Money(yuan: 125_000))
        #expect(s.findingCount == 3)
        #expect(s.itemCount == 6)
        #expect(s.itemsByLabel["已整改"] == 1 && s.itemsByLabel["未整改"] == 2 && s.itemsByLabel["正在整改"] == 1 && s.itemsByLabel["持续整改"] == 1)
        #expect(s.itemsByLabel["已撤销"] == 1)
        #expect(s.closureRate == Decimal(20))                   // 1 closed of 5 not withdrawn
        #expect(s.overdueItems == 2)                            // item 2 (07-01) and item 6 (06-30); item 3 is due 07-10
        #expect(s.overdueUnits.map(\.summary.dossierID) == ["A", "B"])
        #expect(s.byType.map(\.type) == [.project, .deptOverall])
    }

    /// A stated grade in 繁体 (優良, 優) is the band it names: the dashboard, `fuhe stats` and the
    /// 通报 count it as 优, and 優良 → 优 is no change of grade.
    @Test func aTraditionalStatedGradeCountsAsItsBand() {
        let units = [
            unit("A", self: 10_100, review: 9_700, selfGrade: "優良", reviewGrade: "优"),
            unit("B", self: 9_500, review: 8_800, selfGrade: "優", reviewGrade: "良"),
            unit("C", self: 9_200, review: 9_100, selfGrade: "优", reviewGrade: "优"),
            unit("D", self: 7_000, review: 6_500, selfGrade: "較好", reviewGrade: "中"),
        ]
        let stats = CycleStats.compute(units: units.map { CycleUnit(summary: $0, firstLevel: [], application: nil, applicationReason: nil) },
                                       findings: [], items: [], today: today)
        #expect(stats.grades.map(\.grade) == ["优", "良", "中", "较好"])
        #expect(stats.grades.first { $0.grade == "优" }?.selfCount == 3)
        #expect(stats.gradeChanged == 2, "B 优 → 良 and D 较好 → 中; A 優良 → 优 is no change")
        let report = CycleSummary(units: units, followUps: units.map { followUp($0.dossierID) }, schemes: ["MOF_4": .mof4], today: today)
        #expect(report.selfGradeCounts["优"] == 3 && report.selfGradeCounts["優良"] == nil && report.selfGradeCounts["優"] == nil)
        #expect(report.gradeChanges.map(\.summary.dossierID) == ["B", "D"])
    }
}
