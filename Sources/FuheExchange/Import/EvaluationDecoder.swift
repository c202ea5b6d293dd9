import Foundation
import FuheCore

/// Reads `unit`, `cycle` and `self_evaluation` (with its report-level checks).
enum EvaluationDecoder {
    static func unit(_ r: inout FieldReader) throws(ImportError) -> EvaluatedUnit {
        let u = EvaluatedUnit(id: try r.requiredString("id"), name: try r.requiredString("name"), shortName: try r.string("short_name"),
                              budgetCode: try r.string("budget_code"), parentDept: try r.string("parent_dept"),
                              region: try r.string("region"), adminLevel: try r.enumeration("admin_level", AdminLevel.self),
                              unitKind: try r.string("unit_kind"), staffingQuota: try nonNegative(&r, "staffing_quota"),
                              headcount: try nonNegative(&r, "headcount"), retirees: try nonNegative(&r, "retirees"),
                              vehicleQuota: try nonNegative(&r, "vehicle_quota"), contactName: try r.string("contact_name"),
                              contactPhone: try r.string("contact_phone"), internalOrgs: try r.stringList("internal_orgs"))
        try r.finish()
        return u
    }

    private static func nonNegative(_ r: inout FieldReader, _ key: String) throws(ImportError) -> Int? {
        guard let v = try r.int(key) else { return nil }
        guard v >= 0 else { throw r.fail(key, tr("不能为负数", "must not be negative")) }
        return v
    }

    static func cycle(_ r: inout FieldReader) throws(ImportError) -> EvaluationCycle {
        let year = try r.requiredInt("fiscal_year")
        guard (1990...2100).contains(year) else { throw r.fail("fiscal_year", tr("\(year) 不是合理的年度", "\(year) is not a plausible fiscal year")) }
        var types: [EvalType] = []
        for s in try r.stringList("eval_types") {
            guard let t = EvalType(rawValue: s) else { throw r.fail("eval_types", tr("“\(s)”不是 PROJECT、DEPT_OVERALL、SPECIAL_FUND 之一", "\"\(s)\" is not one of PROJECT, DEPT_OVERALL, SPECIAL_FUND")) }
            types.append(t)
        }
        let c = EvaluationCycle(id: try r.requiredString("id"), fiscalYear: year, yearIsDemo: try r.bool("year_is_demo") ?? false,
                                name: try r.requiredString("name"), noticeDocNo: try r.string("notice_doc_no"),
                                issuer: try r.string("issuer"), evalTypes: types, submitDeadline: try r.day("submit_deadline"),
                                reviewDeadline: try r.day("review_deadline"))
        try r.finish()
        return c
    }

    static func evaluation(_ r: inout FieldReader, cycleID: String, unitID: String, templateID: String) throws(ImportError) -> SelfEvaluation {
        let id = try r.requiredString("id")
        guard let evalType = try r.enumeration("eval_type", EvalType.self) else { throw r.fail("eval_type", tr("缺少必填字段", "required field is missing")) }
        var totals: [Score] = []
        for t in try r.list("stated_totals") {
            let text: String
            switch t.node.value {
            case .string(let s): text = s
            case .number(let s): text = s
            default: throw ImportError(file: r.file, line: t.node.line, path: t.path, message: tr("应为分数，如 \"90.00\"", "expected a score such as \"90.00\""))
            }
            guard let s = Score(text) else {
                throw ImportError(file: r.file, line: t.node.line, path: t.path, message: tr("“\(text)”不是最多两位小数的分数", "\"\(text)\" is not a score with at most 2 decimals"), rule: "R-002")
            }
            totals.append(s)
        }
        var e = SelfEvaluation(id: id, cycleID: cycleID, unitID: unitID, templateID: templateID, evalType: evalType,
                               objectName: try r.requiredString("object_name"))
        e.evalMethod = try r.string("eval_method")
        e.budgetInitial = try r.money("budget_initial")
        e.budgetFullYear = try r.money("budget_full_year")
        e.executed = try r.money("executed")
        e.statedTotals = totals
        e.statedGrade = try r.string("stated_grade").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        e.reportDate = try r.day("report_date")
        e.disclosureIndexNo = try r.string("disclosure_index_no")
        e.disclosureDate = try r.day("disclosure_date")
        e.basisDocs = try r.stringList("basis_docs")
        e.goalsText = try r.string("goals_text") ?? ""
        e.achievementsText = try r.string("achievements_text") ?? ""
        e.statedProblems = try r.stringList("stated_problems")
        e.statedMeasures = try r.stringList("stated_measures")
        e.status = try r.enumeration("status", EvaluationStatus.self) ?? .selected
        e.sourceRef = try r.string("source_ref")
        if var b = try r.object("budget_summary") {
            e.budgetSummary = BudgetSummary(incomeTotal: try b.money("income_total"), expenditureTotal: try b.money("expenditure_total"),
                                            personnel: try b.money("personnel"), publicOperating: try b.money("public_operating"),
                                            projectExpenditure: try b.money("project_expenditure"), budgetInitial: try b.money("budget_initial"),
                                            budgetSupplement: try b.money("budget_supplement"), carryoverBegin: try b.money("carryover_begin"),
                                            carryoverEnd: try b.money("carryover_end"), fixedAssets: try b.money("fixed_assets"))
            try b.finish()
        }
        e.threePublic = try threePublic(&r)
        e.amountChecks = try amountChecks(&r)
        for s in try r.list("share_checks") {
            var sr = try FieldReader(s.node, file: r.file, path: s.path)
            e.shareChecks.append(ShareCheck(label: try sr.requiredString("label"), numerator: try sr.requiredMoney("numerator"),
                                            denominator: try sr.requiredMoney("denominator"), statedPercent: try sr.requiredDecimal("stated_percent")))
            try sr.finish()
        }
        for f in try r.list("figure_conflicts") {
            var fr = try FieldReader(f.node, file: r.file, path: f.path)
            let quantity = try fr.requiredString("quantity")
            var statements: [FigureConflict.Statement] = []
            for s in try fr.list("statements") {
                var st = try FieldReader(s.node, file: r.file, path: s.path)
                statements.append(.init(value: try st.requiredString("value"), location: try st.string("location") ?? ""))
                try st.finish()
            }
            try fr.finish()
            e.figureConflicts.append(FigureConflict(quantity: quantity, statements: statements))
        }
        for s in try r.list("report_sections") {
            var sr = try FieldReader(s.node, file: r.file, path: s.path)
            e.reportSections.append(ReportSection(title: try sr.requiredString("title"), present: try sr.bool("present") ?? true,
                                                  text: try sr.string("text") ?? ""))
            try sr.finish()
        }
        try r.finish()
        return e
    }

    private static func threePublic(_ r: inout FieldReader) throws(ImportError) -> [ThreePublicLine] {
        var out: [ThreePublicLine] = []
        for l in try r.list("three_public") {
            var lr = try FieldReader(l.node, file: r.file, path: l.path)
            guard let category = try lr.enumeration("category", ThreePublicCategory.self) else { throw lr.fail("category", tr("缺少必填字段", "required field is missing")) }
            out.append(ThreePublicLine(category: category, budget: try lr.requiredMoney("budget"), final: try lr.requiredMoney("final"),
                                       priorFinal: try lr.money("prior_final"), statedVariance: try lr.money("stated_variance"),
                                       statedRatio: try lr.decimal("stated_ratio")))
            try lr.finish()
        }
        return out
    }

    private static func amountChecks(_ r: inout FieldReader) throws(ImportError) -> [AmountCheck] {
        var out: [AmountCheck] = []
        for a in try r.list("amount_checks") {
            var ar = try FieldReader(a.node, file: r.file, path: a.path)
            let label = try ar.requiredString("label")
            let total = try ar.requiredMoney("stated_total")
            var components: [AmountCheck.Component] = []
            var running = Money.zero
            for c in try ar.list("components") {
                var cr = try FieldReader(c.node, file: r.file, path: c.path)
                let amount = try cr.requiredMoney("amount")
                guard let sum = running.adding(amount) else {
                    throw cr.fail("amount", tr("各项合计到这里超出金额上限（±\(Money(yuan: Money.limit).wanYuanText) 万元），无法计算；请检查金额",
                                               "the components add up beyond the largest amount (±\(Money(yuan: Money.limit).wanYuanText) 万元) here and cannot be computed; check the amounts"),
                                  rule: "IM-004")
                }
                running = sum
                components.append(.init(label: try cr.requiredString("label"), amount: amount))
                try cr.finish()
            }
            try ar.finish()
            out.append(AmountCheck(label: label, statedTotal: total, components: components))
        }
        return out
    }
}
