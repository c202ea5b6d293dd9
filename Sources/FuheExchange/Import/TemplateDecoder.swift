import Foundation
import FuheCore

/// Reads `fuhe.template/1` objects (files or embedded in a dossier) into `IndicatorTemplate`s.
enum TemplateDecoder {
    static func decode(_ reader: inout FieldReader) throws(ImportError) -> IndicatorTemplate {
        let id = try reader.requiredString("id")
        let name = try reader.requiredString("name")
        let version = try reader.string("version") ?? "1"
        guard let evalType = try reader.enumeration("eval_type", EvalType.self) else {
            throw reader.fail("eval_type", tr("缺少必填字段", "required field is missing"))
        }
        let source = try reader.string("source") ?? ""
        let baseTotal = try reader.score("base_total") ?? Score(hundredths: 10_000)
        let capPresent = reader.has("total_cap")
        let cap = try reader.score("total_cap")
        let totalCap: Score? = capPresent ? cap : baseTotal
        let maxBonus = try reader.score("max_bonus_total")
        let maxPenalty = try reader.score("max_penalty_total")
        let scheme = try reader.string("grade_scheme") ?? "MOF_4"
        let basedOn = try reader.string("based_on")
        var nodes: [IndicatorNode] = []
        var codes: Set<String> = []
        let roots = try reader.list("nodes")
        if roots.isEmpty { throw reader.fail("nodes", tr("模板至少要有一个指标", "a template needs at least one indicator")) }
        for root in roots {
            try decodeNode(root.node, path: root.path, file: reader.file, templateID: id, parent: nil, into: &nodes, codes: &codes)
        }
        try reader.finish()
        return IndicatorTemplate(id: id, name: name, version: version, evalType: evalType, source: source,
                                 baseTotal: baseTotal, totalCap: totalCap, maxBonusTotal: maxBonus,
                                 maxPenaltyTotal: maxPenalty, gradeSchemeID: scheme, basedOn: basedOn, nodes: nodes)
    }

    private static func decodeNode(_ json: JSONNode, path: String, file: String, templateID: String, parent: IndicatorNode?,
                                   into nodes: inout [IndicatorNode], codes: inout Set<String>) throws(ImportError) {
        var r = try FieldReader(json, file: file, path: path)
        let code = try r.requiredString("code")
        guard codes.insert(code).inserted else { throw r.fail("code", tr("指标编码“\(code)”在模板 \(templateID) 中用了两次", "indicator code \"\(code)\" is used twice in template \(templateID)"), rule: "T-000") }
        let name = try r.requiredString("name")
        let kind = try r.enumeration("kind", NodeKind.self) ?? parent?.kind ?? .base
        var weight = try r.score("weight") ?? .zero
        let maxBonus = try r.score("max_bonus")
        let maxPenalty = try r.score("max_penalty")
        var minScore = Score.zero
        var maxScore = weight
        if kind == .adjust {
            minScore = -(maxPenalty ?? .zero)
            maxScore = maxBonus ?? .zero
            weight = .zero
        } else if kind == .trial {
            maxScore = .zero
        }
        let direction = try r.enumeration("direction", Direction.self) ?? .qualitative
        let unit = try r.string("unit") ?? ""
        let common = try r.bool("common") ?? true
        let definition = try r.string("definition") ?? ""
        let formula = try r.string("formula") ?? ""
        let standard = try r.string("standard") ?? ""
        let hint = try r.string("evidence_hint") ?? ""
        var method: ScoringMethod = kind == .adjust ? .adjust : .manual
        if var m = try r.object("method") {
            method = try decodeMethod(&m)
        }
        let children = try r.list("children")
        try r.finish()
        let node = IndicatorNode(id: "\(templateID)-\(code)", parentID: parent?.id, code: code, level: (parent?.level ?? 0) + 1,
                                 name: name, kind: kind, weight: weight, minScore: minScore, maxScore: maxScore,
                                 method: method, direction: direction, unitOfMeasure: unit, isCommon: common,
                                 definition: definition, formulaText: formula, standardText: standard, evidenceHint: hint)
        nodes.append(node)
        for child in children {
            try decodeNode(child.node, path: child.path, file: file, templateID: templateID, parent: node, into: &nodes, codes: &codes)
        }
    }

    static func decodeMethod(_ r: inout FieldReader) throws(ImportError) -> ScoringMethod {
        let type = try r.requiredString("type")
        let method: ScoringMethod
        switch type {
        case "BUDGET_EXEC": method = .budgetExecution
        case "PROP_POS": method = .proportionalPositive(overshootRatio: try r.decimal("overshoot_ratio"))
        case "PROP_NEG":
            method = .proportionalNegative(variant: try r.enumeration("variant", NegativeVariant.self) ?? .ratio)
        case "OVERSHOOT_CHECK": method = .overshootCheck(ratio: try r.decimal("ratio") ?? Decimal(string: "1.2")!)
        case "FULL_OR_ZERO": method = .fullOrZero
        case "STEP_DEDUCT":
            let side = try r.string("side") ?? "over"
            guard let s = StepDeductRule.Side(rawValue: side) else { throw r.fail("side", tr("“\(side)”不是 over、under 之一", "\"\(side)\" is not one of over, under")) }
            let step = try r.requiredDecimal("step")
            guard step > 0 else { throw r.fail("step", tr("步长须大于 0", "the step must be greater than 0")) }
            method = .stepDeduct(StepDeductRule(baseline: try r.requiredDecimal("baseline"), side: s, step: step,
                                                deduct: try r.requiredDecimal("deduct"),
                                                stepMode: try r.enumeration("step_mode", StepDeductRule.StepMode.self) ?? .perFullStep))
        case "TIERED":
            var tiers: [Tier] = []
            for t in try r.list("tiers") {
                var tierReader = try FieldReader(t.node, file: r.file, path: t.path)
                tiers.append(Tier(lower: try tierReader.decimal("lower"), lowerInclusive: try tierReader.bool("lower_inclusive") ?? false,
                                  upper: try tierReader.decimal("upper"), upperInclusive: try tierReader.bool("upper_inclusive") ?? true,
                                  points: try tierReader.requiredDecimal("points"), pointsMax: try tierReader.decimal("points_max"),
                                  label: try tierReader.string("label")))
                try tierReader.finish()
            }
            if tiers.isEmpty { throw r.fail("tiers", tr("TIERED 方法至少要有一档", "a TIERED method needs at least one tier")) }
            method = .tiered(tiers)
        case "PER_OCCURRENCE": method = .perOccurrence(deduct: try r.requiredDecimal("deduct"))
        case "CHECKLIST":
            var elements: [ChecklistElement] = []
            for e in try r.list("elements") {
                var er = try FieldReader(e.node, file: r.file, path: e.path)
                elements.append(ChecklistElement(name: try er.requiredString("name"), points: try er.requiredDecimal("points")))
                try er.finish()
            }
            if elements.isEmpty { throw r.fail("elements", tr("CHECKLIST 方法至少要有一项", "a CHECKLIST method needs at least one element")) }
            method = .checklist(elements)
        case "QUAL_3LEVEL": method = .qualitative3Level
        case "RANK": method = .rank(step: try r.requiredDecimal("step"))
        case "MANUAL": method = .manual
        case "ADJUST": method = .adjust
        default:
            throw r.fail("type", tr("未知的评分方法“\(type)”（可用 BUDGET_EXEC、PROP_POS、PROP_NEG、OVERSHOOT_CHECK、FULL_OR_ZERO、STEP_DEDUCT、TIERED、PER_OCCURRENCE、CHECKLIST、QUAL_3LEVEL、RANK、MANUAL、ADJUST）", "unknown scoring method \"\(type)\" (BUDGET_EXEC, PROP_POS, PROP_NEG, OVERSHOOT_CHECK, FULL_OR_ZERO, STEP_DEDUCT, TIERED, PER_OCCURRENCE, CHECKLIST, QUAL_3LEVEL, RANK, MANUAL, ADJUST)"))
        }
        try r.finish()
        return method
    }

    /// Reads `Resources/grade-schemes.json`-style files.
    static func decodeSchemes(_ root: JSONNode, file: String) throws(ImportError) -> [GradeScheme] {
        var r = try FieldReader(root, file: file, path: "")
        let format = try r.requiredString("format")
        guard format == "fuhe.grade-schemes/1" else { throw r.fail("format", tr("应为 \"fuhe.grade-schemes/1\"，实际是“\(format)”", "expected \"fuhe.grade-schemes/1\", found \"\(format)\"")) }
        var schemes: [GradeScheme] = []
        for s in try r.list("schemes") {
            var sr = try FieldReader(s.node, file: file, path: s.path)
            let id = try sr.requiredString("id")
            let name = try sr.string("name") ?? id
            var bands: [GradeBand] = []
            for b in try sr.list("bands") {
                var br = try FieldReader(b.node, file: file, path: b.path)
                guard let minimum = try br.score("minimum") else { throw br.fail("minimum", tr("缺少必填字段", "required field is missing")) }
                bands.append(GradeBand(code: try br.requiredString("code"), label: try br.requiredString("label"), minimum: minimum))
                try br.finish()
            }
            if bands.isEmpty { throw sr.fail("bands", tr("等次方案至少要有一档", "a grade scheme needs at least one band")) }
            try sr.finish()
            schemes.append(GradeScheme(id: id, name: name, bands: bands))
        }
        try r.finish()
        return schemes
    }
}
