import Foundation
import Testing
@testable import FuheCore

/// S-001…S-006: one case that fires and one that does not for each rule.
@Suite struct StatedScoreCheckTests {
    /// L1 "1" (15) with two leaves 10 + 5; a quantitative leaf and a qualitative one.
    static let template = Fx.template([
        Fx.node("1", nil, "项目支出进度", weight: "15"),
        Fx.node("1.1", "1", "资金拨付率", weight: "10", method: .proportionalPositive(overshootRatio: nil),
                direction: .positive, unit: "%"),
        Fx.node("1.2", "1", "制度执行", weight: "5"),
        Fx.node("2", nil, "产出", weight: "85"),
    ])

    static func dossier(_ scores: [String: String], totals: [String] = ["95"], grade: String? = "优",
                        team: [TeamMember] = [TeamMember(name: "张三", signed: true)],
                        sections: [ReportSection] = []) -> Dossier {
        var evaluation = Fx.blankEvaluation
        evaluation.statedTotals = totals.map(Fx.score)
        evaluation.statedGrade = grade
        evaluation.reportSections = sections
        let results = scores.map { id, s in
            IndicatorResult(nodeID: id, target: id == "1.1" ? ObservedValue.parse("≥95%", unit: "%") : nil,
                            selfScore: Fx.score(s))
        }
        return Fx.dossier(template, results: results, evaluation: evaluation, team: team)
    }

    func codes(_ dossier: Dossier, _ code: String) -> [ValidationMessage] {
        DossierChecks.warnings(dossier, scheme: Fx.mof4).filter { $0.code == code }
    }

    static let consistent = ["1": "15", "1.1": "10", "1.2": "5", "2": "80"]

    @Test func cleanDossierHasNoWarnings() {
        #expect(DossierChecks.warnings(Self.dossier(Self.consistent), scheme: Fx.mof4).isEmpty)
    }

    @Test func s001SelfScoreAboveWeight() {
        let fired = codes(Self.dossier(["1.1": "12", "1.2": "5", "1": "17", "2": "80"]), "S-001")
        #expect(fired.map(\.nodeID) == ["1", "1.1"])
        #expect(fired[1].message == "“资金拨付率”自评分12.00超过分值上限10.00")
        #expect(codes(Self.dossier(Self.consistent), "S-001").isEmpty)
    }

    @Test func s002SubtotalNotSumOfParts() {
        let fired = codes(Self.dossier(["1": "15", "1.1": "7", "1.2": "5", "2": "80"]), "S-002")
        #expect(fired.count == 1)
        #expect(fired.first?.nodeID == "1")
        #expect(fired.first?.message.contains("12.00") == true)
        // Parent stated without any scored part: nothing to compare.
        #expect(codes(Self.dossier(["1": "15", "2": "80"]), "S-002").isEmpty)
    }

    @Test func s003DifferentTotals() {
        let fired = codes(Self.dossier(Self.consistent, totals: ["87", "101"]), "S-003")
        #expect(fired.count == 1)
        #expect(fired.first?.message.contains("87.00、101.00") == true)
        #expect(codes(Self.dossier(Self.consistent, totals: ["95", "95.00"]), "S-003").isEmpty)
    }

    @Test func s004GradeMissingOrInconsistent() {
        #expect(codes(Self.dossier(Self.consistent, totals: ["90"], grade: nil), "S-004").count == 1)
        let wrong = codes(Self.dossier(Self.consistent, totals: ["85"], grade: "优"), "S-004")
        #expect(wrong.first?.message.contains("应为“良”") == true)
        #expect(codes(Self.dossier(Self.consistent, totals: [], grade: "优"), "S-004").first?.message
            == "报告写明等次“优”，但未给出得分")
        #expect(codes(Self.dossier(Self.consistent, totals: ["95"], grade: "优"), "S-004").isEmpty)
        #expect(codes(Self.dossier(Self.consistent, totals: [], grade: nil), "S-004").isEmpty)
    }

    @Test func s005BlankRequiredFields() {
        let team = [TeamMember(name: "周晓军"), TeamMember(name: "刘艳清", signed: true)]
        var d = Self.dossier([:], totals: [], grade: nil, team: team)
        d.results = [:]   // no target on the quantitative leaf 1.1
        let fired = codes(d, "S-005")
        #expect(fired.map(\.field) == ["stated_totals", "stated_grade", "self_team", "target"])
        #expect(fired[2].message == "评价人员周晓军未签字")
        #expect(fired[3].nodeID == "1.1")
        #expect(codes(Self.dossier(Self.consistent, team: []), "S-005").map(\.field) == ["self_team"])
        #expect(codes(Self.dossier(Self.consistent), "S-005").isEmpty)
    }

    @Test func s006TemplateTextLeftInReport() {
        let sections = [
            ReportSection(title: "（二）自评工作过程", text: "（说明：此处填写自评工作的组织和过程）"),
            ReportSection(title: "（三）存在问题", present: false),
            ReportSection(title: "一、单位基本情况", text: "本中心内设综合协调股、投资服务股、督察股。"),
        ]
        let fired = codes(Self.dossier(Self.consistent, sections: sections), "S-006")
        #expect(fired.count == 2)
        #expect(fired[0].message.contains("此处填写"))
        #expect(fired[1].message == "报告缺少“（三）存在问题”部分")
        #expect(CompletenessChecks.templatePhrases.contains("应包括"))
        #expect(codes(Self.dossier(Self.consistent, sections: [sections[2]]), "S-006").isEmpty)
    }
}
