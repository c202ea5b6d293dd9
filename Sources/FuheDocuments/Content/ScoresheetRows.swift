import FuheCore

/// The whole scoresheet as table rows, in template order — the same figures `fuhe show` prints:
/// a leaf's own scores, a parent's roll-ups (the unit's stated subtotal when it gave one).
enum ScoresheetRows {
    static func records(_ d: Dossier, _ scored: ScoredDossier) -> [TemplateRecord] {
        let parents = d.template.parentIDs
        return d.template.nodes.map { node in
            let row = d.result(for: node.id)
            let isLeaf = !parents.contains(node.id)
            let selfScore = isLeaf ? DocText.score(row.selfScore)
                : (row.selfScore?.description ?? DocText.rollup(scored.score(node.id, .selfStated)))
            let review = isLeaf ? DocText.score(row.reviewScore) : DocText.rollup(scored.score(node.id, .review))
            let suggested = isLeaf ? DocText.score(scored.rows[node.id]?.suggestion) : DocText.rollup(scored.score(node.id, .suggested))
            return TemplateRecord([
                "指标编码": .text(node.code), "指标名称": .text(node.name), "层级": .text(String(node.level)),
                "缩进": .text(String(repeating: "\u{3000}", count: max(0, node.level - 1))),
                "一级": .flag(node.level == 1), "末级": .flag(isLeaf), "分值": .text(DocText.weight(node)),
                "自评得分": .text(selfScore), "建议得分": .text(suggested), "复核得分": .text(review),
                "差异": .text(DocText.diff(scored.rowDiff(node.id))), "扣分原因": .text(row.deductionReason ?? ""),
                "目标值": .text(row.target?.text ?? ""), "实际值": .text(row.actual?.text ?? ""),
                "核实值": .text(row.verifiedActual?.text ?? ""),
            ])
        }
    }
}
