import Foundation
import Testing
@testable import FuheCore

/// 繁体 written where 简体 is expected counts the same: grades, yes/no and level words, checklist
/// elements (they were refused or silently ignored before).
@Suite struct TraditionalTextTests {
    @Test func aTraditionalChecklistItemCountsForItsElement() {
        let node = Fx.leaf(.checklist([ChecklistElement(name: "建立公告公示制度", points: 2),
                                       ChecklistElement(name: "项目村（户）公告公示到位", points: 2)]),
                           weight: "4", unit: "", name: "信息公开和公告公示制建设和执行情况")
        let row = Fx.run(node, actual: "建立公告公示製度；項目村（戶）公告公示到位")
        #expect(row.suggestion == Fx.score("4.00"), "\(row.explanation)")
        // An element in 繁体 in the template, the item in 简体.
        let traditional = Fx.leaf(.checklist([ChecklistElement(name: "有效執行", points: 1)]), weight: "1", unit: "")
        #expect(Fx.suggested(traditional, "有效执行") == "1.00")
    }

    @Test func traditionalGradesAndWords() {
        #expect(Fx.mof4.band(named: "優")?.code == "A")
        #expect(Fx.mof4.band(named: "優良")?.code == "A")
        #expect(Fx.mof4.band(named: "良")?.code == "B")
        #expect(ObservedValue.parse("達標", unit: "").met == true)
        #expect(ObservedValue.parse("未達標", unit: "").met == false)
        #expect(ObservedValue.parse("已達成", unit: "").level == .a)
        #expect(ChineseText.same("績效評價", "绩效评价"))
        #expect(ChineseText.contains("某區扶貧考評辦公室", "扶贫考评"))
        #expect(ChineseText.simplified("ABC-123") == "ABC-123")
    }

    @Test func aStatedTraditionalGradeMatchesItsTotal() {
        var e = Fx.blankEvaluation
        e.statedTotals = [Fx.score("101")]
        e.statedGrade = "優良"
        #expect(StatedScoreChecks.grade(e, scheme: Fx.mof4).isEmpty)
        e.statedGrade = "中"
        #expect(StatedScoreChecks.grade(e, scheme: Fx.mof4).map(\.code) == ["S-004"])
    }
}
