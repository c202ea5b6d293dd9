/// Whether a draft may become a dossier: unit, year, type and template decided with a usable
/// value, and every stated score (totals and indicators) confirmed, corrected or marked absent,
/// each kept score mapped to its own node of the template. Other values still pending are taken
/// as proposed (they are printed text and stay editable in the dossier).
public struct IntakeReadiness: Hashable, Sendable {
    /// What still stands in the way, one Chinese sentence each, with the value id it concerns.
    public var blockers: [(valueID: String, message: String)]

    public var isReady: Bool { blockers.isEmpty }

    /// How many values are decided out of those the readiness counts.
    public var settled: Int
    public var required: Int

    public static func == (a: IntakeReadiness, b: IntakeReadiness) -> Bool {
        a.settled == b.settled && a.required == b.required && a.blockers.map { $0.valueID + $0.message } == b.blockers.map { $0.valueID + $0.message }
    }

    public func hash(into h: inout Hasher) {
        h.combine(settled)
        h.combine(required)
        for b in blockers { h.combine(b.valueID); h.combine(b.message) }
    }
}

extension IntakeDraft {
    /// The readiness rule (the only one: the store's conversion and the queue screen ask it).
    public func readiness(templates: (String) -> IndicatorTemplate?) -> IntakeReadiness {
        var blockers: [(String, String)] = []
        var settled = 0, required = 0
        func need(_ id: String, _ name: String, _ v: DraftValue, valid: (String) -> String?) {
            required += 1
            guard v.decision.isSettled else {
                blockers.append((id, v.value == nil ? "\(name)：原文未找到，请填写" : "\(name)：待确认"))
                return
            }
            settled += 1
            guard let e = v.effective else {
                blockers.append((id, "\(name)：卷宗必须有\(name)，已标记原文未载，请填写"))
                return
            }
            if let problem = valid(e) { blockers.append((id, "\(name)：\(problem)")) }
        }
        need("unit", "单位", unit) { $0.isEmpty ? "不能为空" : nil }
        need("year", "年度", year) { Int($0).map { (1990...2100).contains($0) } == true ? nil : "“\($0)”不是年度" }
        need("eval_type", "评价类型", evalType) { IntakeDraft.evalType($0) == nil ? "“\($0)”不是评价类型" : nil }
        var chosen: IndicatorTemplate?
        need("template", "模板", template) { id in
            guard let t = templates(id) else { return "没有编号为 \(id) 的模板" }
            chosen = t
            if let e = evalType.effective, let type = IntakeDraft.evalType(e), type != t.evalType {
                return "模板 \(t.id) 用于\(t.evalType.label)，与评价类型“\(type.label)”不符"
            }
            return nil
        }
        for t in totals {
            required += 1
            guard t.decision.isSettled else { blockers.append((t.id, "总分 \(t.value)：待确认")); continue }
            settled += 1
            if let e = t.effective, Score(e) == nil { blockers.append((t.id, "总分“\(e)”不是分数")) }
        }
        var used: [String: String] = [:]
        for ind in indicators where ind.score != nil {
            required += 1
            guard ind.decision.isSettled else { blockers.append((ind.id, "“\(ind.label)”自评分：待确认")); continue }
            settled += 1
            guard let e = ind.effectiveScore else { continue }
            if Score(e) == nil { blockers.append((ind.id, "“\(ind.label)”自评分“\(e)”不是分数")); continue }
            guard let code = ind.node else {
                blockers.append((ind.id, "“\(ind.label)”未对应模板指标：请选择对应指标，或标记原文未载"))
                continue
            }
            if let chosen, chosen.node(code: code) == nil {
                blockers.append((ind.id, "“\(ind.label)”对应的 \(code) 不在模板 \(chosen.id) 中"))
            }
            if let other = used[code] { blockers.append((ind.id, "“\(ind.label)”与“\(other)”对应同一指标 \(code)")) }
            used[code] = ind.label
        }
        return IntakeReadiness(blockers: blockers, settled: settled, required: required)
    }
}
