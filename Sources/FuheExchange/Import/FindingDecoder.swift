import Foundation
import FuheCore

/// Reads `findings` with their nested rectification `items`, enforcing K-001…K-004.
enum FindingDecoder {
    static func findings(_ r: inout FieldReader, template: IndicatorTemplate,
                         evidenceIDs: Set<String>) throws(ImportError) -> ([Finding], [RectificationItem]) {
        var findings: [Finding] = []
        var items: [RectificationItem] = []
        var findingIDs: Set<String> = []
        var itemIDs: Set<String> = []
        for f in try r.list("findings") {
            var fr = try FieldReader(f.node, file: r.file, path: f.path)
            let id = try fr.requiredString("id")
            guard findingIDs.insert(id).inserted else { throw fr.fail("id", tr("问题编号“\(id)”用了两次", "finding id \"\(id)\" is used twice")) }
            var nodeID: String?
            if let code = try fr.string("indicator_code") {
                guard let node = template.node(code: code) else { throw fr.fail("indicator_code", tr("模板 \(template.id) 中没有指标“\(code)”", "indicator \"\(code)\" is not in template \(template.id)")) }
                nodeID = node.id
            }
            guard let category = try fr.enumeration("category", FindingCategory.self) else { throw fr.fail("category", tr("缺少必填字段", "required field is missing")) }
            var finding = Finding(id: id, seq: try fr.seq("seq", what: "问题"), nodeID: nodeID, category: category,
                                  description: try fr.requiredString("description"), amountInvolved: try fr.money("amount_involved"),
                                  basis: try fr.string("basis"), origin: try fr.enumeration("origin", FindingOrigin.self) ?? .review,
                                  severity: try fr.enumeration("severity", Severity.self) ?? .general,
                                  recommendation: try fr.string("recommendation"), ruleCode: try fr.string("rule_code"))
            finding.repeatOf = try fr.string("repeat_of")
            findings.append(finding)
            for i in try fr.list("items") {
                var ir = try FieldReader(i.node, file: r.file, path: i.path)
                let item = try self.item(&ir, findingID: id, evidenceIDs: evidenceIDs)
                guard itemIDs.insert(item.id).inserted else { throw ir.fail("id", tr("整改事项编号“\(item.id)”用了两次", "rectification item id \"\(item.id)\" is used twice")) }
                items.append(item)
            }
            try fr.finish()
        }
        return (findings, items)
    }

    private static func item(_ r: inout FieldReader, findingID: String, evidenceIDs: Set<String>) throws(ImportError) -> RectificationItem {
        let id = try r.requiredString("id")
        let seq = try r.seq("seq", what: "整改事项")
        guard let measure = try r.string("measure"), !FieldReader.isBlank(measure) else {
            throw r.fail("measure", tr("整改措施必填", "整改措施 is required"), rule: "K-001")
        }
        guard let respUnit = try r.string("resp_unit"), !FieldReader.isBlank(respUnit, newlines: false) else {
            throw r.fail("resp_unit", tr("整改责任单位必填", "整改责任单位 is required"), rule: "K-001")
        }
        guard let respPerson = try r.string("resp_person"), !FieldReader.isBlank(respPerson, newlines: false) else {
            throw r.fail("resp_person", tr("责任人必填", "责任人 is required"), rule: "K-001")
        }
        let created = try r.requiredDay("created_on")
        guard let deadline = try r.day("deadline") else { throw r.fail("deadline", tr("整改时限必填", "整改时限 is required"), rule: "K-001") }
        var item = RectificationItem(id: id, findingID: findingID, seq: seq, measure: measure,
                                     rectType: try r.enumeration("rect_type", RectType.self) ?? .deadline,
                                     respUnit: respUnit, respPerson: respPerson, respLeader: try r.string("resp_leader"),
                                     createdOn: created, deadline: deadline)
        item.nextCheckOn = try r.day("next_check_on")
        item.status = try r.enumeration("status", RectStatus.self) ?? .pending
        for p in try r.list("progress") {
            var pr = try FieldReader(p.node, file: r.file, path: p.path)
            let percent = try pr.int("percent")
            if let percent, !(0...100).contains(percent) { throw pr.fail("percent", tr("\(percent) 不在 0 到 100 之间", "\(percent) is not between 0 and 100")) }
            item.progress.append(ProgressEntry(date: try pr.requiredDay("date"), text: try pr.requiredString("text"),
                                               by: try pr.requiredString("by"), percent: percent))
            try pr.finish()
        }
        item.completionDesc = try r.string("completion_desc")
        item.submittedOn = try r.day("submitted_on")
        for h in try r.list("deadline_history") {
            var hr = try FieldReader(h.node, file: r.file, path: h.path)
            item.deadlineHistory.append(DeadlineChange(old: try hr.requiredDay("old"), new: try hr.requiredDay("new"),
                                                       reason: try hr.requiredString("reason"), by: try hr.requiredString("by"),
                                                       on: try hr.requiredDay("on")))
            try hr.finish()
        }
        item.evidenceIDs = try r.stringList("evidence_ids")
        try ValueDecoder.checkEvidenceIDs(item.evidenceIDs, known: evidenceIDs, reader: r, key: "evidence_ids")
        item.closedBy = try r.string("closed_by")
        item.closedOn = try r.day("closed_on")
        item.closureNote = try r.string("closure_note")
        item.returnCount = try r.int("return_count") ?? 0
        guard (0...9_999).contains(item.returnCount) else { throw r.fail("return_count", tr("须在 0 到 9999 之间", "must be 0 to 9999")) }
        for e in try r.list("escalations") {
            var er = try FieldReader(e.node, file: r.file, path: e.path)
            guard let kind = try er.enumeration("kind", EscalationKind.self) else { throw er.fail("kind", tr("缺少必填字段", "required field is missing")) }
            let record = Escalation(kind: kind, date: try er.requiredDay("date"), by: try er.requiredString("by"),
                                    reason: try er.requiredString("reason"), target: try er.string("target"))
            item.escalations = item.escalationRecords + [record]
            try er.finish()
        }
        if item.status == .longTerm { item.longTermSince = item.progress.last?.date ?? created }
        try r.finish()
        if let violation = ItemRules.validate(item).first(where: { $0.level == .error }) {
            throw r.fail(violation.field, violation.message, rule: violation.code)
        }
        return item
    }
}
