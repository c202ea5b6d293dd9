import Foundation
import FuheCore

/// Writes the `self_evaluation` object with its report-level checks.
enum EvaluationEncoder {
    static func object(_ e: SelfEvaluation) -> JSONOut {
        var b = ObjectBuilder()
        b.add("id", e.id); b.add("eval_type", e.evalType.rawValue); b.add("object_name", e.objectName)
        b.add("eval_method", e.evalMethod)
        b.add("budget_initial", describing: e.budgetInitial); b.add("budget_full_year", describing: e.budgetFullYear)
        b.add("executed", describing: e.executed)
        b.add("stated_totals", texts: e.statedTotals.map(\.description)); b.add("stated_grade", e.statedGrade)
        b.add("report_date", describing: e.reportDate); b.add("disclosure_index_no", e.disclosureIndexNo)
        b.add("disclosure_date", describing: e.disclosureDate); b.add("basis_docs", texts: e.basisDocs)
        if !e.goalsText.isEmpty { b.add("goals_text", e.goalsText) }
        if !e.achievementsText.isEmpty { b.add("achievements_text", e.achievementsText) }
        b.add("stated_problems", texts: e.statedProblems); b.add("stated_measures", texts: e.statedMeasures)
        b.add("status", e.status.rawValue); b.add("source_ref", e.sourceRef)
        if let s = e.budgetSummary {
            var sb = ObjectBuilder()
            sb.add("income_total", describing: s.incomeTotal); sb.add("expenditure_total", describing: s.expenditureTotal)
            sb.add("personnel", describing: s.personnel); sb.add("public_operating", describing: s.publicOperating)
            sb.add("project_expenditure", describing: s.projectExpenditure); sb.add("budget_initial", describing: s.budgetInitial)
            sb.add("budget_supplement", describing: s.budgetSupplement); sb.add("carryover_begin", describing: s.carryoverBegin)
            sb.add("carryover_end", describing: s.carryoverEnd); sb.add("fixed_assets", describing: s.fixedAssets)
            b.add("budget_summary", sb.json)
        }
        b.add("three_public", list: e.threePublic.map { l in
            var lb = ObjectBuilder()
            lb.add("category", l.category.rawValue); lb.add("budget", l.budget.wanYuanText); lb.add("final", l.final.wanYuanText)
            lb.add("prior_final", describing: l.priorFinal); lb.add("stated_variance", describing: l.statedVariance)
            lb.add("stated_ratio", l.statedRatio.map(ExactDecimal.plain))
            return lb.json
        })
        b.add("amount_checks", list: e.amountChecks.map { a in
            var ab = ObjectBuilder()
            ab.add("label", a.label); ab.add("stated_total", a.statedTotal.wanYuanText)
            ab.add("components", list: a.components.map { c in
                .object([("label", .string(c.label)), ("amount", .string(c.amount.wanYuanText))])
            })
            return ab.json
        })
        b.add("share_checks", list: e.shareChecks.map { s in
            .object([("label", .string(s.label)), ("numerator", .string(s.numerator.wanYuanText)),
                     ("denominator", .string(s.denominator.wanYuanText)), ("stated_percent", .string(ExactDecimal.plain(s.statedPercent)))])
        })
        b.add("figure_conflicts", list: e.figureConflicts.map { f in
            .object([("quantity", .string(f.quantity)), ("statements", .array(f.statements.map { s in
                .object([("value", .string(s.value)), ("location", .string(s.location))])
            }))])
        })
        b.add("report_sections", list: e.reportSections.map { s in
            .object([("title", .string(s.title)), ("present", .bool(s.present)), ("text", .string(s.text))])
        })
        return b.json
    }
}

/// Writes `fuhe.template/1` objects.
public enum TemplateEncoder {
    /// A whole template file.
    public static func file(_ t: IndicatorTemplate) -> String {
        guard case .object(let members) = object(t) else { return "" }
        return JSONOut.object([("format", .string("fuhe.template/1"))] + members).render()
    }

    static func object(_ t: IndicatorTemplate) -> JSONOut {
        var b = ObjectBuilder()
        b.add("id", t.id); b.add("name", t.name); b.add("version", t.version); b.add("eval_type", t.evalType.rawValue)
        if !t.source.isEmpty { b.add("source", t.source) }
        b.add("base_total", t.baseTotal.description)
        b.add("total_cap", t.totalCap.map { JSONOut.string($0.description) } ?? .null)
        b.add("max_bonus_total", describing: t.maxBonusTotal); b.add("max_penalty_total", describing: t.maxPenaltyTotal)
        b.add("grade_scheme", t.gradeSchemeID); b.add("based_on", t.basedOn)
        b.add("nodes", .array(t.children(of: nil).map { node($0, t) }))
        return b.json
    }

    static func node(_ n: IndicatorNode, _ t: IndicatorTemplate) -> JSONOut {
        var b = ObjectBuilder()
        b.add("code", n.code); b.add("name", n.name)
        if n.kind != .base { b.add("kind", n.kind.rawValue) }
        switch n.kind {
        case .base: b.add("weight", n.weight.description)
        case .adjust:
            if n.maxScore > .zero { b.add("max_bonus", n.maxScore.description) }
            if n.minScore < .zero { b.add("max_penalty", (-n.minScore).description) }
        case .trial: b.add("weight", n.weight.description)
        }
        if n.direction != .qualitative { b.add("direction", n.direction.rawValue) }
        if !n.unitOfMeasure.isEmpty { b.add("unit", n.unitOfMeasure) }
        if !n.isCommon { b.add("common", false) }
        if !n.definition.isEmpty { b.add("definition", n.definition) }
        if !n.formulaText.isEmpty { b.add("formula", n.formulaText) }
        if !n.standardText.isEmpty { b.add("standard", n.standardText) }
        if !n.evidenceHint.isEmpty { b.add("evidence_hint", n.evidenceHint) }
        let children = t.children(of: n.id)
        if children.isEmpty || n.method != .manual { b.add("method", method(n.method)) }
        b.add("children", list: children.map { node($0, t) })
        return b.json
    }

    static func method(_ m: ScoringMethod) -> JSONOut {
        var b = ObjectBuilder()
        b.add("type", m.code)
        let d: (Decimal) -> JSONOut = { .string(ExactDecimal.plain($0)) }
        switch m {
        case .proportionalPositive(let ratio): if let ratio { b.add("overshoot_ratio", d(ratio)) }
        case .proportionalNegative(let variant): b.add("variant", variant.rawValue)
        case .overshootCheck(let ratio): b.add("ratio", d(ratio))
        case .stepDeduct(let s):
            b.add("baseline", d(s.baseline)); b.add("side", s.side.rawValue); b.add("step", d(s.step))
            b.add("deduct", d(s.deduct)); b.add("step_mode", s.stepMode.rawValue)
        case .tiered(let tiers):
            b.add("tiers", .array(tiers.map { t in
                var tb = ObjectBuilder()
                tb.add("lower", t.lower.map(d) ?? .null); tb.add("lower_inclusive", t.lowerInclusive)
                tb.add("upper", t.upper.map(d) ?? .null); tb.add("upper_inclusive", t.upperInclusive)
                tb.add("points", d(t.points)); if let p = t.pointsMax { tb.add("points_max", d(p)) }
                tb.add("label", t.label)
                return tb.json
            }))
        case .perOccurrence(let deduct): b.add("deduct", d(deduct))
        case .checklist(let elements):
            b.add("elements", .array(elements.map { .object([("name", .string($0.name)), ("points", d($0.points))]) }))
        case .rank(let step): b.add("step", d(step))
        case .budgetExecution, .fullOrZero, .qualitative3Level, .manual, .adjust: break
        }
        return b.json
    }
}
