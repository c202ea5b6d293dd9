import Foundation
import FuheApp
import FuheCore

/// A demo earlier year for a sample unit: 黄土矿镇政府's 2019 review (finalized), made from its
/// 2020 sample, with one item still open and overdue and a finding the 2020 review repeats. The
/// bundled samples have one year per unit; tests of year over year import this beside them.
public enum PreviousYear {
    public static let dossierID = "SE-HTK-2019"

    public static func huangtukuang2019(today: CalendarDay = SampleStore.today) throws -> Dossier {
        guard var d = try BundledData.samples(today: today).first(where: { $0.id == "SE-HTK-2020" }) else {
            throw AppFailure("no 黄土矿 2020 sample")
        }
        d.cycle = EvaluationCycle(id: "C-SN-2019", fiscalYear: 2019, name: "2019年度部门整体支出绩效自评", noticeDocNo: "绥财绩[2020]4号",
                                  issuer: "绥宁县财政局", evalTypes: [.deptOverall])
        d.evaluation.id = dossierID
        d.evaluation.cycleID = d.cycle.id
        d.evaluation.statedTotals = [Score("88")!]
        d.evaluation.statedGrade = "良"
        d.evaluation.status = .rectifying
        d.evaluation.threePublic = d.evaluation.threePublic.map { line in
            var l = line
            l.budget = Money(yuan: line.budget.yuan * 11 / 10)
            l.final = Money(yuan: line.final.yuan * 12 / 10)
            l.statedVariance = nil
            l.statedRatio = nil
            return l
        }
        let reviewedAt = Date(timeIntervalSince1970: TimeInterval(today.adding(days: -400).dayNumber) * 86_400)
        var results: [String: IndicatorResult] = [:]
        for node in d.template.scorableLeaves {
            var r = d.result(for: node.id)
            r.selfScore = node.maxScore
            r.reviewScore = node.code == "2.1.4" ? Score(hundredths: node.maxScore.hundredths / 2) : node.maxScore
            r.deductionReason = node.code == "2.1.4" ? "“三公”经费节约比率计算错误，扣一半" : nil
            r.status = .reviewed
            r.reviewedBy = "(demo) 李某"
            r.reviewedAt = reviewedAt
            r.question = nil
            results[node.id] = r
        }
        d.results = results
        // A chosen level or tier bounds the review score: full marks where the band allows.
        let scheme = (try BundledData.gradeSchemes()).first { $0.id == d.template.gradeSchemeID } ?? GradeScheme.mof4
        for (id, row) in DossierScorer.score(d, scheme: scheme).rows {
            guard let range = row.allowedRange, let score = d.results[id]?.reviewScore, !range.contains(score) else { continue }
            guard var r = d.results[id] else { continue }
            r.reviewScore = range.upperBound
            if range.upperBound < d.template.node(id: id)?.maxScore ?? range.upperBound, r.deductionReason == nil {
                r.deductionReason = "按所选档次评分"
            }
            d.results[id] = r
        }
        let node = d.template.node(code: "2.1.4")?.id
        d.findings = [
            Finding(id: "F-HTK19-01", seq: 1, nodeID: node, category: .calcError,
                    description: "“三公”经费表超支节约比率计算错误：公务接待费节约比率列示有误"),
            Finding(id: "F-HTK19-02", seq: 2, category: .evidence, description: "绩效考核佐证材料收集不全"),
        ]
        let evidence = d.evidence.first?.id
        d.items = [
            RectificationItem(id: "RI-HTK19-01", findingID: "F-HTK19-01", seq: 1, measure: "复核“三公”经费表各项比率，建立报表复核制度",
                              respUnit: "黄土矿镇财政所", respPerson: "(demo) 王某某", createdOn: today.adding(days: -400),
                              deadline: today.adding(days: -120), status: .inProgress,
                              progress: [ProgressEntry(date: today.adding(days: -300), text: "已起草报表复核制度", by: "(demo) 王某某")]),
            RectificationItem(id: "RI-HTK19-02", findingID: "F-HTK19-02", seq: 2, measure: "建立佐证材料清单", respUnit: "黄土矿镇党政综合办",
                              respPerson: "(demo) 刘某", createdOn: today.adding(days: -400), deadline: today.adding(days: -330),
                              status: .closed, completionDesc: "已建立并执行", submittedOn: today.adding(days: -340),
                              evidenceIDs: evidence.map { [$0] } ?? [], closedBy: "(demo) 李某", closedOn: today.adding(days: -335)),
        ]
        d.review = Review(id: "RV-HTK-2019", team: [TeamMember(name: "(demo) 李某", role: .leader)], conclusion: "自评基本客观。",
                          status: .finalized, startedAt: reviewedAt, submittedAt: reviewedAt, finalizedAt: reviewedAt,
                          frozenTotal: nil, frozenGrade: nil)
        // Frozen at what the rows add up to, as finalizing does (I-006).
        let scored = DossierScorer.score(d, scheme: scheme)
        d.review?.frozenTotal = scored.total(.review).value
        d.review?.frozenGrade = scored.reviewGrade?.label
        return d
    }
}
