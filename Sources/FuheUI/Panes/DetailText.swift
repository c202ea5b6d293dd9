import FuheCore

/// The full text of a unit, a scoresheet row or an item, as labelled paragraphs for the detail
/// area (each pane's `detail` picks one).
enum DetailText {
    static func unit(_ u: UnitSummary, openKey: String) -> [String] {
        var p = ["编号 \(u.dossierID) · \(u.fiscalYear)\(u.yearIsDemo ? "（示例年度，原文为20xx）" : "") · \(u.evalType.label) · 状态 \(u.status.label) · 复核 \(u.reviewStatus?.label ?? "未开始")"]
        if u.isSample { p.append("\(UnitSummary.sampleMarker) 示例数据（不是真实复核）：fuhe samples --remove 可一并删除") }
        let review = Rollup.text(value: u.reviewTotal, complete: u.reviewComplete)
        p.append("自评总分 \(u.selfTotal?.description ?? "未填")　复核总分 \(review)　差异 \(u.delta?.signedDescription ?? "—")　等次 \(u.gradeText)")
        if review.hasPrefix("~") { p.append(Rollup.incompleteLegend) }
        p.append("复核进度 \(u.reviewedRows)/\(u.scorableRows) 行　校验提示 \(u.warningCount) 条　整改事项 \(u.totalItems) 项，未完成 \(u.openItems)，逾期 \(u.overdueItems)")
        p.append("\(openKey) 打开评分表。")
        return p
    }

    static func node(_ n: IndicatorNode, d: Dossier, scored: ScoredDossier) -> [String] {
        let r = d.result(for: n.id)
        let eval = scored.rows[n.id]
        var p: [String] = []
        p.append("分值 \(n.weight)（范围 \(n.minScore)–\(n.maxScore)）　方法 \(n.method.label) \(n.method.code)\(n.unitOfMeasure.isEmpty ? "" : "　单位 \(n.unitOfMeasure)")")
        if !n.definition.isEmpty { p.append("指标解释：\(n.definition)") }
        if !n.formulaText.isEmpty { p.append("计算公式：\(n.formulaText)") }
        if !n.standardText.isEmpty { p.append("评分标准：\(n.standardText)") }
        var values: [String] = []
        if let t = r.target { values.append("目标 \(t.text)") }
        if let a = r.actual { values.append("实际 \(a.text)") }
        if let v = r.verifiedActual { values.append("核实 \(v.text)") }
        if !values.isEmpty { p.append(values.joined(separator: "　")) }
        if d.template.children(of: n.id).isEmpty {
            p.append("自评 \(r.selfScore?.description ?? "—")　建议 \(eval?.suggestion?.description ?? "—")　复核 \(r.reviewScore?.description ?? "—")\(r.reviewedBy.map { "（\($0)）" } ?? "")")
        } else {
            // A heading: its subtotals, partial ones marked as everywhere ("~", `Rollup.text`).
            let figures = [ScoresheetView.selfText(n, r, scored), scored.score(n.id, .suggested).text, scored.score(n.id, .review).text]
            p.append("小计：自评 \(figures[0])　建议 \(figures[1])　复核 \(figures[2])")
            if figures.contains(where: { $0.hasPrefix("~") }) { p.append(Rollup.incompleteLegend) }
        }
        if let e = eval, !e.explanation.isEmpty { p.append("引擎：\(e.explanation)") }
        if let note = r.selfNote, !note.isEmpty { p.append("单位说明：\(note)") }
        if let reason = r.deductionReason, !reason.isEmpty { p.append("扣分原因：\(reason)") }
        if let note = r.reviewNote, !note.isEmpty { p.append("复核备注：\(note)") }
        let evidence = r.evidenceIDs.compactMap { id in d.evidence.first { $0.id == id } }
        if !evidence.isEmpty { p.append("佐证：" + evidence.map { "\($0.title)\($0.verified ? "✓" : "")" }.joined(separator: "；")) }
        for m in (eval?.flags ?? []) + scored.messages where m.nodeID == n.id {
            p.append("\(m.code) \(m.level == .error ? "错误" : "提示")：\(m.message)")
        }
        return p
    }

    static func item(_ i: RectificationItem, d: Dossier, today: CalendarDay) -> [String] {
        var p: [String] = []
        let finding = d.findings.first { $0.id == i.findingID }
        if let f = finding { p.append("问题（\(f.category.label)）：\(f.description)") }
        p.append("整改措施：\(i.measure)")
        let due = Deadlines.due(i, today: today)
        p.append("类型 \(i.rectType.label)　责任 \(i.respUnit)/\(i.respPerson)\(i.respLeader.map { "　分管 \($0)" } ?? "")　状态 \(i.status.label)")
        // Each figure beside its own date: the deadline, and a 持续整改 item's next check.
        p.append("整改时限 \(due.deadline)\(due.deadlineText.isEmpty ? "" : " " + due.deadlineText)"
                 + (due.nextCheck.map { "　下次检查 \($0)\(due.nextCheckText.map { " " + $0 } ?? "")" } ?? ""))
        if due.nextCheck == nil, let next = i.nextCheckOn { p.append("下次检查 \(next)") }
        for e in i.progress { p.append("进度 \(e.date) \(e.by)：\(e.text)\(e.percent.map { "（\($0)%）" } ?? "")") }
        if let c = i.completionDesc { p.append("完成情况：\(c)") }
        if !i.evidenceIDs.isEmpty {
            p.append("佐证：" + i.evidenceIDs.map { id in d.evidence.first { $0.id == id }?.title ?? id }.joined(separator: "；"))
        }
        if let by = i.closedBy { p.append("销号 \(by) \(i.closedOn?.description ?? "")\(i.closureNote.map { "：\($0)" } ?? "")") }
        if i.returnCount > 0 { p.append("已退回 \(i.returnCount) 次") }
        for h in i.deadlineHistory { p.append("延期 \(h.old)→\(h.new)（\(h.by)）：\(h.reason)") }
        for m in ItemRules.validate(i) { p.append("\(m.code)：\(m.message)") }
        return p
    }
}
