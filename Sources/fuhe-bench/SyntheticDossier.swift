import Foundation
import FuheCore

/// Builds one synthetic dossier: a distinct Chinese unit, the 2021 cycle, stated figures, rows,
/// evidence, a review with findings, and rectification items with mixed statuses and deadlines.
struct SyntheticDossierFactory {
    let template: IndicatorTemplate
    let scheme: GradeScheme
    /// The benchmark's fixed "today" (overdue counts depend on it).
    let today: CalendarDay

    static let cycle = EvaluationCycle(id: "C-2021", fiscalYear: 2021, yearIsDemo: true, name: "2021年度部门整体支出绩效自评复核",
                                       noticeDocNo: "湘财绩〔2022〕3号", issuer: "湖南省财政厅", evalTypes: [.deptOverall],
                                       submitDeadline: CalendarDay(year: 2022, month: 4, day: 30),
                                       reviewDeadline: CalendarDay(year: 2022, month: 8, day: 31))

    /// Dossier number `index` (unit name and data depend only on it) with `itemCount` items.
    func make(index: Int, id: String, itemCount: Int) -> Dossier {
        var rng = SplitMix(seed: index)
        let names = ChineseNames.unit(index)
        let unit = EvaluatedUnit(id: "U-\(id)", name: names.name, shortName: names.shortName,
                                 budgetCode: String(format: "%06d", 100_000 + index), region: names.region, adminLevel: .county,
                                 unitKind: names.kind, staffingQuota: 10 + rng.below(60), headcount: 10 + rng.below(62),
                                 contactName: ChineseNames.person(index), contactPhone: "0739-\(5_000_000 + index)")
        let depth: ReviewDepth = [.complete, .partial, .none][index % 3]
        let reviewer = ChineseNames.person(index + 7)
        let reviewedAt = Date(timeIntervalSince1970: TimeInterval(today.adding(days: -20 - rng.below(30)).dayNumber) * 86_400)
        let results = SyntheticRows.make(template: template, depth: depth, reviewer: reviewer, reviewedAt: reviewedAt, rng: &rng)
        let selfTotal = results.values.compactMap(\.selfScore).sum()

        let budgetYuan = Int64(3_000_000 + rng.below(27_000_000))
        var evaluation = SelfEvaluation(
            id: id, cycleID: Self.cycle.id, unitID: unit.id, templateID: template.id, evalType: .deptOverall,
            objectName: names.name, evalMethod: "部门(单位)绩效自评",
            budgetInitial: Money(yuan: budgetYuan * 9 / 10), budgetFullYear: Money(yuan: budgetYuan),
            executed: Money(yuan: budgetYuan * Int64(85 + rng.below(16)) / 100),
            statedTotals: [selfTotal], statedGrade: scheme.grade(for: selfTotal)?.label,
            reportDate: CalendarDay(year: 2022, month: 4, day: 1 + rng.below(28)),
            goalsText: "保障\(names.shortName)正常运转，完成年度重点工作任务。",
            achievementsText: "全年各项工作任务基本完成，资金使用总体规范。",
            statedProblems: ["预算执行进度不均衡"], statedMeasures: ["加强预算执行管理"],
            status: depth == .complete ? .reviewed : .inReview)
        if depth == .complete && itemCount > 0 { evaluation.status = .rectifying }

        let evidence = [
            Evidence(id: "EV-1", title: "2021年度部门决算报表", kind: .finalAccounts, providedBy: .unit, receivedOn: today.adding(days: -60)),
            Evidence(id: "EV-2", title: "在编人员花名册", kind: .ledger, providedBy: .unit, receivedOn: today.adding(days: -60)),
            Evidence(id: "EV-3", title: "党组会议纪要", kind: .minutes, providedBy: .unit, receivedOn: today.adding(days: -58)),
            Evidence(id: "EV-4", title: "整改佐证材料", kind: .other, providedBy: .unit, receivedOn: today.adding(days: -5)),
        ]
        let team = [TeamMember(name: reviewer, org: "湖南省财政厅绩效管理处", role: .leader),
                    TeamMember(name: ChineseNames.person(index + 3), org: "第三方评价机构", role: .member)]
        let review = Review(id: "RV-\(id)", mode: index % 5 == 0 ? .onSite : .desk, team: team,
                            conclusion: depth == .complete ? "自评结果基本客观，存在部分问题需整改。" : "",
                            status: depth == .complete ? .finalized : .draft,
                            startedAt: reviewedAt.addingTimeInterval(-86_400 * 3),
                            finalizedAt: depth == .complete ? reviewedAt.addingTimeInterval(86_400) : nil)

        let leafIDs = template.scorableLeaves.map(\.id)
        let findingCount = itemCount == 0 ? rng.below(2) : Swift.max(1, (itemCount + 2) / 3)
        let findings = (0..<findingCount).map { k -> Finding in
            let f = ChineseNames.findings[(index + k) % ChineseNames.findings.count]
            return Finding(id: "F-\(k + 1)", seq: k + 1, nodeID: rng.oneIn(2) ? rng.pick(leafIDs) : nil,
                           category: FindingCategory(rawValue: f.category) ?? .other, description: f.text,
                           amountInvolved: rng.oneIn(3) ? Money(yuan: Int64(10_000 * (1 + rng.below(50)))) : nil,
                           severity: rng.oneIn(6) ? .serious : .general, recommendation: "建议" + ChineseNames.measures[k % 10])
        }
        let items = (0..<itemCount).map { k in
            item(seq: k + 1, findingID: "F-\(k % Swift.max(findingCount, 1) + 1)", unit: names.shortName, rng: &rng)
        }
        var dossier = Dossier(unit: unit, cycle: Self.cycle, template: template, evaluation: evaluation, results: results,
                              evidence: evidence, selfTeam: [TeamMember(name: ChineseNames.person(index + 1), role: .leader)],
                              review: review, findings: findings, items: items)
        if depth == .complete {
            // A finalized review carries its frozen total and grade (I-006).
            let scored = DossierScorer.score(dossier, scheme: scheme)
            dossier.review?.frozenTotal = scored.total(.review).value
            dossier.review?.frozenGrade = scored.reviewGrade?.label
        }
        return dossier
    }

    /// One rectification item; status drawn from a realistic mix, deadlines around `today`.
    private func item(seq: Int, findingID: String, unit: String, rng: inout SplitMix) -> RectificationItem {
        let created = today.adding(days: -60 + rng.below(30))
        let deadline = created.adding(days: 30 + rng.below(120))
        let person = ChineseNames.person(seq + rng.below(20))
        var item = RectificationItem(id: "RI-\(seq)", findingID: findingID, seq: seq, measure: rng.pick(ChineseNames.measures),
                                     rectType: rng.oneIn(5) ? .immediate : .deadline, respUnit: unit, respPerson: person,
                                     respLeader: ChineseNames.person(seq + 11), createdOn: created, deadline: deadline)
        let roll = rng.below(100)
        let progressDay = Swift.min(today.adding(days: -1), created.adding(days: 10))
        switch roll {
        case 0..<25:
            item.status = .pending
        case 25..<55:
            item.status = .inProgress
            item.progress = [ProgressEntry(date: progressDay, text: rng.pick(ChineseNames.progressTexts), by: person,
                                           percent: 20 + rng.below(60))]
        case 55..<65:
            item.status = .submitted
            item.completionDesc = "已按要求完成整改，相关制度已印发执行"
            item.evidenceIDs = ["EV-4"]
            item.submittedOn = today.adding(days: -rng.below(10))
        case 65..<75:
            item.status = .longTerm
            item.rectType = .longTerm
            item.nextCheckOn = Swift.min(today.adding(days: -15 + rng.below(60)), deadline)
            item.longTermSince = created
        case 75..<95:
            item.status = .closed
            item.completionDesc = "整改完成，经核实予以销号"
            item.evidenceIDs = ["EV-4"]
            item.submittedOn = today.adding(days: -20)
            item.closedBy = ChineseNames.person(seq + 5) + "（复核组）"
            item.closedOn = today.adding(days: -10)
        default:
            item.status = .withdrawn
            item.closureNote = "问题经核实不成立，撤销整改"
        }
        return item
    }
}
