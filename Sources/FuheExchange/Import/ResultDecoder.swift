import Foundation
import FuheCore

/// Reads scoresheet rows (`results`) and the `review` object.
enum ResultDecoder {
    static func results(_ r: inout FieldReader, template: IndicatorTemplate,
                        evidenceIDs: Set<String>) throws(ImportError) -> [String: IndicatorResult] {
        var out: [String: IndicatorResult] = [:]
        // Indicators by code, the first of a code as `template.node(code:)` finds it: a scan per
        // row made the rows × the template's size.
        var byCode: [String: IndicatorNode] = [:]
        for node in template.nodes where byCode[node.code] == nil { byCode[node.code] = node }
        for row in try r.list("results") {
            var rr = try FieldReader(row.node, file: r.file, path: row.path)
            let code = try rr.requiredString("code")
            guard let node = byCode[code] else {
                throw rr.fail("code", tr("模板 \(template.id) 中没有指标“\(code)”", "indicator \"\(code)\" is not in template \(template.id)"))
            }
            guard out[node.id] == nil else { throw rr.fail("code", tr("指标“\(code)”有两行", "indicator \"\(code)\" has two rows")) }
            var result = IndicatorResult(nodeID: node.id)
            result.target = try ValueDecoder.observed(&rr, "target", unit: node.unitOfMeasure)
            result.actual = try ValueDecoder.observed(&rr, "actual", unit: node.unitOfMeasure)
            result.selfScore = try rr.score("self_score")
            result.selfNote = try rr.string("self_note")
            result.verifiedActual = try ValueDecoder.observed(&rr, "verified_actual", unit: node.unitOfMeasure)
            result.reviewScore = try rr.score("review_score")
            if let score = result.reviewScore, score < node.minScore || score > node.maxScore {
                throw rr.fail("review_score", tr("\(score) 超出 \(node.code) \(node.name) 的范围 [\(node.minScore), \(node.maxScore)]", "\(score) is outside \(node.code) \(node.name)'s range [\(node.minScore), \(node.maxScore)]"), rule: "R-001")
            }
            result.deductionReason = try rr.string("deduction_reason")
            result.reviewNote = try rr.string("review_note")
            result.evidenceIDs = try rr.stringList("evidence_ids")
            try ValueDecoder.checkEvidenceIDs(result.evidenceIDs, known: evidenceIDs, reader: rr, key: "evidence_ids")
            result.status = try rr.enumeration("status", RowStatus.self) ?? .unreviewed
            result.reviewedBy = try rr.string("reviewed_by")
            result.reviewedAt = try rr.dateTime("reviewed_at")
            result.question = try rr.string("question")
            result.queriedBy = try rr.string("queried_by")
            result.queriedAt = try rr.dateTime("queried_at")
            try rr.finish()
            out[node.id] = result
        }
        return out
    }

    static func review(_ r: inout FieldReader) throws(ImportError) -> Review {
        var review = Review(id: try r.requiredString("id"), mode: try r.enumeration("mode", ReviewMode.self) ?? .desk,
                            team: try ValueDecoder.team(&r, "team"), conclusion: try r.string("conclusion") ?? "",
                            status: try r.enumeration("status", ReviewStatus.self) ?? .draft,
                            startedAt: try r.dateTime("started_at"), submittedAt: try r.dateTime("submitted_at"),
                            finalizedAt: try r.dateTime("finalized_at"), frozenTotal: try r.score("frozen_total"),
                            frozenGrade: try r.string("frozen_grade"))
        if var a = try r.object("application") {
            guard let kind = try a.enumeration("kind", ApplicationKind.self) else { throw a.fail("kind", "required field is missing") }
            review.application = ResultApplication(kind: kind, reason: try a.requiredString("reason"),
                                                   decidedBy: try a.requiredString("decided_by"), decidedOn: try a.requiredDay("decided_on"))
            try a.finish()
        }
        try r.finish()
        return review
    }
}
