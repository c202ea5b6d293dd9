import Foundation

/// Warnings on the figures of a report (spec §3.8, D-001…D-006). Money tolerance 0.01 万元,
/// percentage tolerance 0.1 percentage point.
enum DataChecks {
    /// 0.01 万元 in yuan.
    static let moneyTolerance: Int64 = 100
    /// 0.1 percentage point.
    static let percentTolerance = Decimal(1) / 10

    /// D-001: components that do not add up to the stated total (or whose sum is beyond what
    /// can be computed: `Money.limit`).
    static func amounts(_ evaluation: SelfEvaluation) -> [ValidationMessage] {
        evaluation.amountChecks.compactMap { check in
            guard let computed = check.computedTotal, let difference = computed.subtracting(check.statedTotal) else {
                return warning("D-001", "“\(check.label)”各项合计超出可计算的范围（±\(Money(yuan: Money.limit).wanYuanText)万元），无法核对")
            }
            guard abs(difference.yuan) > moneyTolerance else { return nil }
            let parts = check.components.map(\.amount.wanYuanText).joined(separator: "+")
            return warning("D-001", "“\(check.label)”各项合计\(parts)=\(computed.wanYuanText)万元，"
                + "与报告所列\(check.statedTotal.wanYuanText)万元相差\(difference.wanYuanText)万元")
        }
    }

    /// D-002: 三公 variance (budget − final) or ratio (variance / budget) not as printed.
    static func threePublic(_ evaluation: SelfEvaluation) -> [ValidationMessage] {
        var messages: [ValidationMessage] = []
        for line in evaluation.threePublic {
            let name = line.category.label
            guard let variance = line.computedVariance else { continue }
            if let stated = line.statedVariance, stated.subtracting(variance).map({ abs($0.yuan) > moneyTolerance }) ?? true {
                messages.append(warning("D-002", "\(name)金额差异应为\(line.budget.wanYuanText)−\(line.final.wanYuanText)="
                    + "\(variance.wanYuanText)万元，报告为\(stated.wanYuanText)万元"))
            }
            if let stated = line.statedRatio, let ratio = percent(variance.yuan, of: line.budget.yuan),
               abs(ratio - stated) > percentTolerance {
                messages.append(warning("D-002", "\(name)超支节约比率应为\(variance.wanYuanText)/\(line.budget.wanYuanText)="
                    + "\(ExactDecimal.format(ratio, places: 2))%，报告为\(ExactDecimal.plain(stated))%"))
            }
        }
        return messages
    }

    /// D-003: one quantity stated with different figures.
    static func conflicts(_ evaluation: SelfEvaluation) -> [ValidationMessage] {
        evaluation.figureConflicts.filter(\.isConflict).map { conflict in
            let list = conflict.statements.map { "\($0.value)（\($0.location)）" }.joined(separator: "、")
            return warning("D-003", "“\(conflict.quantity)”前后数据不一致：\(list)")
        }
    }

    /// The indicator D-004 names: the first node whose name contains it.
    static let staffingNodeName = "在职人员控制率"

    /// D-004: 在职人员控制率 = headcount / staffing quota above 100%.
    static func staffing(_ dossier: Dossier, _ context: CheckContext) -> [ValidationMessage] {
        guard let headcount = dossier.unit.headcount, let quota = dossier.unit.staffingQuota, quota > 0,
              headcount > quota else { return [] }
        // The rate's text rounded in integers when that decides it (else in `Decimal`, as before).
        let rate = ScoreText.pct(ExactFraction(Int128(headcount) * 100, Int128(quota))) { Decimal(headcount) / Decimal(quota) * 100 }
        let nodeID = context.index.staffingPosition.map { context.index.ids[$0] }
        return [ValidationMessage(code: "D-004", level: .warning, message:
            "实有人数\(headcount)人、编制数\(quota)人，在职人员控制率\(rate)，超过100%",
            nodeID: nodeID, field: nodeID == nil ? nil : "actual")]
    }

    /// D-005: execution rate below the threshold while the unit scores the BUDGET_EXEC row full
    /// or states the top grade. The rate is executed / full-year budget, else the BUDGET_EXEC row's value.
    static func execution(_ dossier: Dossier, _ context: CheckContext, scheme: GradeScheme,
                          threshold: Decimal) -> [ValidationMessage] {
        let evaluation = dossier.evaluation
        let execNodes = context.index.budgetExecPositions
        let rate: () -> Decimal
        let exactRate: ExactFraction?
        let below: Bool
        let source: () -> String
        if let executed = evaluation.executed, let budget = evaluation.budgetFullYear, budget.yuan != 0 {
            rate = { Decimal(executed.yuan) / Decimal(budget.yuan) * 100 }
            // executed × 100 / budget < threshold, decided in integers when the threshold is small.
            exactRate = ExactFraction(Int128(executed.yuan) * 100).divided(by: .whole(Int128(budget.yuan)))
            below = ExactFraction(threshold).flatMap { exactRate?.compare($0) }.map { $0 < 0 } ?? (rate() < threshold)
            source = { "（\(executed.wanYuanText)/\(budget.wanYuanText)万元）" }
        } else if let value = execNodes.lazy.compactMap({ context.results.effectiveActual($0)?.number }).first {
            rate = { value }
            exactRate = nil
            below = Decimal.order(value, threshold) < 0
            source = { "" }
        } else {
            return []
        }
        guard below else { return [] }
        // The rate's text rounded in integers when that decides it (else in `Decimal`, as before).
        let head = "预算执行率\(ScoreText.pct(exactRate, or: rate))\(source())，低于\(ScoreText.pct(threshold))"
        var messages: [ValidationMessage] = []
        let nodes = context.nodes
        for p in execNodes {
            guard let s = context.results.selfScore(p), s >= nodes[p].maxScore else { continue }
            messages.append(ValidationMessage(code: "D-005", level: .warning, message:
                "\(head)，但“\(nodes[p].name)”自评满分\(s)分", nodeID: nodes[p].id, field: "self_score"))
        }
        let top = scheme.bands.max { $0.minimum < $1.minimum }
        if let written = evaluation.statedGrade, let band = scheme.band(named: written), band.code == top?.code {
            messages.append(warning("D-005", "\(head)，但自评等次为“\(written)”", field: "stated_grade"))
        }
        return messages
    }

    /// D-006: a printed share that its numerator / denominator do not reproduce.
    static func shares(_ evaluation: SelfEvaluation) -> [ValidationMessage] {
        evaluation.shareChecks.compactMap { share in
            guard let computed = percent(share.numerator.yuan, of: share.denominator.yuan),
                  abs(computed - share.statedPercent) > percentTolerance else { return nil }
            return warning("D-006", "“\(share.label)”按\(share.numerator.wanYuanText)/\(share.denominator.wanYuanText)"
                + "计算为\(ExactDecimal.format(computed, places: 2))%，报告为\(ExactDecimal.plain(share.statedPercent))%")
        }
    }

    /// numerator / denominator × 100 from whole yuan (one division), nil for a zero denominator.
    static func percent(_ numerator: Int64, of denominator: Int64) -> Decimal? {
        denominator == 0 ? nil : Decimal(numerator) / Decimal(denominator) * 100
    }

    private static func warning(_ code: String, _ message: String, field: String? = nil) -> ValidationMessage {
        ValidationMessage(code: code, level: .warning, message: message, field: field)
    }
}
