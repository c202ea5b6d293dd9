import Foundation
import FuheCore

/// What one `fuhe.dossier/1` file holds.
public struct DossierFile: Sendable {
    /// The day the file's dates describe (bundled samples), if stated.
    public var asOf: CalendarDay?
    public var dossiers: [Dossier]
    /// Report texts carried with dossiers (`report_source`), by dossier id.
    public var sources: [String: ReportSource] = [:]
}

/// Reads `fuhe.dossier/1` files into `Dossier`s, checking every reference and rule on the way.
/// Nothing is returned unless the whole file is valid.
public enum DossierDecoder {
    /// Parses and validates a dossier file. `templates` resolves a `template_id` (store or bundle).
    public static func decode(_ bytes: [UInt8], file: String,
                              templates: (String) -> IndicatorTemplate?) throws(ImportError) -> DossierFile {
        let root = try parse(bytes, file: file)
        var r = try FieldReader(root, file: file, path: "")
        let format = try r.string("format")
        guard format == "fuhe.dossier/1" else {
            if format == "fuhe.template/1" { throw r.fail("format", tr("这是模板文件；请和它的档案一起导入，或放进模板文件夹", "this is a template file; import it with its dossiers or place it in the templates folder")) }
            throw r.fail("format", format == nil ? "missing: a dossier file starts with \"format\": \"fuhe.dossier/1\"" : "expected \"fuhe.dossier/1\", found \"\(format!)\"")
        }
        let asOf = try r.day("as_of")
        var dossiers: [Dossier] = []
        var sources: [String: ReportSource] = [:]
        if r.has("dossiers") {
            for d in try r.list("dossiers") {
                var dr = try FieldReader(d.node, file: file, path: d.path)
                let one = try dossier(&dr, templates: templates)
                dossiers.append(one)
                if let s = try reportSource(&dr) { sources[one.id] = s }
                try dr.finish()
            }
        } else {
            let one = try dossier(&r, templates: templates)
            dossiers.append(one)
            if let s = try reportSource(&r) { sources[one.id] = s }
        }
        try r.finish()
        var ids: Set<String> = []
        for d in dossiers where !ids.insert(d.id).inserted {
            throw ImportError(file: file, line: nil, path: "self_evaluation.id", message: tr("档案“\(d.id)”在文件中出现了两次", "dossier \"\(d.id)\" appears twice in the file"))
        }
        return DossierFile(asOf: asOf, dossiers: dossiers, sources: sources)
    }

    /// The optional `report_source` of a dossier.
    private static func reportSource(_ r: inout FieldReader) throws(ImportError) -> ReportSource? {
        guard let node = r.value("report_source") else { return nil }
        return try ReportSourceJSON.decode(node, file: r.file, path: r.childPath("report_source"))
    }

    static func parse(_ bytes: [UInt8], file: String) throws(ImportError) -> JSONNode {
        if bytes.isEmpty { throw ImportError(file: file, line: nil, path: "", message: tr("文件是空的", "the file is empty")) }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw ImportError(file: file, line: error.line, path: "", message: tr("第 \(error.column) 列：\(error.message)", "column \(error.column): \(error.message)"))
        }
    }

    private static func dossier(_ r: inout FieldReader, templates: (String) -> IndicatorTemplate?) throws(ImportError) -> Dossier {
        guard var ur = try r.object("unit") else { throw r.fail("unit", tr("缺少必填字段", "required field is missing")) }
        let unit = try EvaluationDecoder.unit(&ur)
        guard var cr = try r.object("cycle") else { throw r.fail("cycle", tr("缺少必填字段", "required field is missing")) }
        let cycle = try EvaluationDecoder.cycle(&cr)
        let template = try resolveTemplate(&r, templates: templates)
        guard var er = try r.object("self_evaluation") else { throw r.fail("self_evaluation", tr("缺少必填字段", "required field is missing")) }
        let evaluation = try EvaluationDecoder.evaluation(&er, cycleID: cycle.id, unitID: unit.id, templateID: template.id)
        guard evaluation.evalType == template.evalType else {
            throw r.fail("self_evaluation", tr("eval_type \(evaluation.evalType.rawValue) 与模板 \(template.id)（\(template.evalType.rawValue)）不符", "eval_type \(evaluation.evalType.rawValue) does not match template \(template.id) (\(template.evalType.rawValue))"))
        }
        let selfTeam = try ValueDecoder.team(&r, "self_team")
        let evidence = try ValueDecoder.evidence(&r)
        let known = Set(evidence.map(\.id))
        let results = try ResultDecoder.results(&r, template: template, evidenceIDs: known)
        var review: Review?
        if var rr = try r.object("review") {
            review = try ResultDecoder.review(&rr)
        }
        let (findings, items) = try FindingDecoder.findings(&r, template: template, evidenceIDs: known)
        return Dossier(unit: unit, cycle: cycle, template: template, evaluation: evaluation, results: results,
                       evidence: evidence, selfTeam: selfTeam, review: review, findings: findings, items: items)
    }

    private static func resolveTemplate(_ r: inout FieldReader, templates: (String) -> IndicatorTemplate?) throws(ImportError) -> IndicatorTemplate {
        if var embedded = try r.object("template") {
            let t = try TemplateDecoder.decode(&embedded)
            try TemplateChecks.requireValid(t, file: r.file, line: embedded.node.line, path: embedded.path)
            if r.has("template_id") { throw r.fail("template_id", tr("template_id 和内嵌模板只能给一个", "give either template_id or an embedded template, not both")) }
            return t
        }
        let id = try r.string("template_id")
        guard let id else { throw r.fail("template_id", tr("缺少必填字段（或内嵌一个 \"template\"）", "required field is missing (or embed a \"template\")")) }
        guard let t = templates(id) else { throw r.fail("template_id", tr("没有模板“\(id)”（库中和内置模板中都没有）", "unknown template \"\(id)\" (not in the store or the bundled templates)")) }
        return t
    }
}

/// Applies the template rules (T-000…T-002) at import time.
enum TemplateChecks {
    static func requireValid(_ t: IndicatorTemplate, file: String, line: Int?, path: String) throws(ImportError) {
        if let first = TemplateRules.validate(t).first(where: { $0.level == .error }) {
            throw ImportError(file: file, line: line, path: path, message: first.message, rule: first.code)
        }
    }
}
