import Foundation
import FuheCore

/// Writes dossiers as `fuhe.dossier/1` JSON that `DossierDecoder` reads back to equal values.
public enum DossierEncoder {
    /// One dossier per call, or several in one file (`dossiers: [...]`). Templates that are not
    /// in `sharedTemplateIDs` (the bundled ones) are embedded.
    /// `sources` (by dossier id) adds each dossier's report text as `report_source`.
    public static func encode(_ dossiers: [Dossier], sharedTemplateIDs: Set<String>, sources: [String: ReportSource] = [:]) -> String {
        if dossiers.count == 1 {
            var b = ObjectBuilder()
            b.add("format", "fuhe.dossier/1")
            addDossier(dossiers[0], shared: sharedTemplateIDs, into: &b)
            if let s = sources[dossiers[0].id] { b.add("report_source", ReportSourceJSON.object(s)) }
            return b.json.render()
        }
        var list: [JSONOut] = []
        for d in dossiers {
            var b = ObjectBuilder()
            addDossier(d, shared: sharedTemplateIDs, into: &b)
            if let s = sources[d.id] { b.add("report_source", ReportSourceJSON.object(s)) }
            list.append(b.json)
        }
        return JSONOut.object([("format", .string("fuhe.dossier/1")), ("dossiers", .array(list))]).render()
    }

    static func addDossier(_ d: Dossier, shared: Set<String>, into b: inout ObjectBuilder) {
        b.add("unit", unit(d.unit))
        b.add("cycle", cycle(d.cycle))
        if shared.contains(d.template.id) {
            b.add("template_id", d.template.id)
        } else {
            b.add("template", TemplateEncoder.object(d.template))
        }
        b.add("self_evaluation", EvaluationEncoder.object(d.evaluation))
        b.add("self_team", list: d.selfTeam.map { team($0) })
        b.add("evidence", list: d.evidence.map { evidence($0) })
        var rows: [JSONOut] = []
        for node in d.template.nodes {
            if let row = d.results[node.id] { rows.append(result(node, row)) }
        }
        b.add("results", list: rows)
        if let r = d.review { b.add("review", review(r)) }
        var findingList: [JSONOut] = []
        for f in d.findings { findingList.append(finding(f, d)) }
        b.add("findings", list: findingList)
    }

    static func unit(_ u: EvaluatedUnit) -> JSONOut {
        var b = ObjectBuilder()
        b.add("id", u.id); b.add("name", u.name); b.add("short_name", u.shortName); b.add("budget_code", u.budgetCode)
        b.add("parent_dept", u.parentDept); b.add("region", u.region); b.add("admin_level", u.adminLevel?.rawValue)
        b.add("unit_kind", u.unitKind); b.add("staffing_quota", u.staffingQuota); b.add("headcount", u.headcount)
        b.add("retirees", u.retirees); b.add("vehicle_quota", u.vehicleQuota); b.add("contact_name", u.contactName)
        b.add("contact_phone", u.contactPhone); b.add("internal_orgs", texts: u.internalOrgs)
        return b.json
    }

    static func cycle(_ c: EvaluationCycle) -> JSONOut {
        var b = ObjectBuilder()
        b.add("id", c.id); b.add("fiscal_year", c.fiscalYear)
        if c.yearIsDemo { b.add("year_is_demo", true) }
        b.add("name", c.name); b.add("notice_doc_no", c.noticeDocNo); b.add("issuer", c.issuer)
        b.add("eval_types", texts: c.evalTypes.map(\.rawValue))
        b.add("submit_deadline", describing: c.submitDeadline); b.add("review_deadline", describing: c.reviewDeadline)
        return b.json
    }

    static func team(_ m: TeamMember) -> JSONOut {
        var b = ObjectBuilder()
        b.add("name", m.name); b.add("title", m.title); b.add("org", m.org); b.add("role", m.role.rawValue)
        b.add("signed", m.signed); b.add("signed_on", describing: m.signedOn)
        return b.json
    }

    static func evidence(_ e: Evidence) -> JSONOut {
        var b = ObjectBuilder()
        b.add("id", e.id); b.add("title", e.title); b.add("kind", e.kind.rawValue); b.add("locator", e.locator)
        b.add("provided_by", e.providedBy.rawValue); b.add("received_on", describing: e.receivedOn); b.add("verified", e.verified)
        return b.json
    }

    static func observed(_ v: ObservedValue, unit: String) -> JSONOut {
        var b = ObjectBuilder()
        b.add("text", v.text)
        if let n = v.number, ObservedValue.parse(v.text, unit: unit).number != n { b.add("num", ExactDecimal.plain(n)) }
        b.add("met", v.met); b.add("level", v.level?.rawValue)
        if let items = v.items { b.add("items", .array(items.map(JSONOut.string))) }
        return b.json
    }

    static func result(_ node: IndicatorNode, _ r: IndicatorResult) -> JSONOut {
        var b = ObjectBuilder()
        let unit = node.unitOfMeasure
        b.add("code", node.code)
        if let t = r.target { b.add("target", observed(t, unit: unit)) }
        if let a = r.actual { b.add("actual", observed(a, unit: unit)) }
        b.add("self_score", describing: r.selfScore); b.add("self_note", r.selfNote)
        if let v = r.verifiedActual { b.add("verified_actual", observed(v, unit: unit)) }
        b.add("review_score", describing: r.reviewScore); b.add("deduction_reason", r.deductionReason)
        b.add("review_note", r.reviewNote); b.add("evidence_ids", texts: r.evidenceIDs)
        if r.status != .unreviewed { b.add("status", r.status.rawValue) }
        b.add("reviewed_by", r.reviewedBy); b.add("reviewed_at", r.reviewedAt.map(ISO8601.format))
        return b.json
    }

    static func review(_ r: Review) -> JSONOut {
        var b = ObjectBuilder()
        b.add("id", r.id); b.add("mode", r.mode.rawValue); b.add("team", list: r.team.map { team($0) })
        if !r.conclusion.isEmpty { b.add("conclusion", r.conclusion) }
        b.add("status", r.status.rawValue); b.add("started_at", r.startedAt.map(ISO8601.format))
        b.add("submitted_at", r.submittedAt.map(ISO8601.format)); b.add("finalized_at", r.finalizedAt.map(ISO8601.format))
        b.add("frozen_total", describing: r.frozenTotal); b.add("frozen_grade", r.frozenGrade)
        return b.json
    }

    static func finding(_ f: Finding, _ d: Dossier) -> JSONOut {
        var b = ObjectBuilder()
        b.add("id", f.id); b.add("seq", f.seq)
        b.add("indicator_code", f.nodeID.flatMap { d.template.node(id: $0)?.code })
        b.add("category", f.category.rawValue); b.add("description", f.description)
        b.add("amount_involved", describing: f.amountInvolved); b.add("basis", f.basis)
        b.add("origin", f.origin.rawValue); b.add("severity", f.severity.rawValue)
        b.add("recommendation", f.recommendation); b.add("rule_code", f.ruleCode)
        b.add("items", list: d.items.filter { $0.findingID == f.id }.map { item($0) })
        return b.json
    }

    static func item(_ i: RectificationItem) -> JSONOut {
        var b = ObjectBuilder()
        b.add("id", i.id); b.add("seq", i.seq); b.add("measure", i.measure); b.add("rect_type", i.rectType.rawValue)
        b.add("resp_unit", i.respUnit); b.add("resp_person", i.respPerson); b.add("resp_leader", i.respLeader)
        b.add("created_on", describing: i.createdOn); b.add("deadline", describing: i.deadline)
        b.add("next_check_on", describing: i.nextCheckOn); b.add("status", i.status.rawValue)
        b.add("progress", list: i.progress.map { p in
            var pb = ObjectBuilder()
            pb.add("date", p.date.description); pb.add("text", p.text); pb.add("by", p.by); pb.add("percent", p.percent)
            return pb.json
        })
        b.add("completion_desc", i.completionDesc); b.add("submitted_on", describing: i.submittedOn)
        b.add("deadline_history", list: i.deadlineHistory.map { h in
            var hb = ObjectBuilder()
            hb.add("old", h.old.description); hb.add("new", h.new.description); hb.add("reason", h.reason)
            hb.add("by", h.by); hb.add("on", h.on.description)
            return hb.json
        })
        b.add("evidence_ids", texts: i.evidenceIDs); b.add("closed_by", i.closedBy)
        b.add("closed_on", describing: i.closedOn); b.add("closure_note", i.closureNote)
        if i.returnCount > 0 { b.add("return_count", i.returnCount) }
        return b.json
    }
}
