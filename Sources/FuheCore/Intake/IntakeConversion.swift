import Foundation

/// Turns a ready draft into a dossier and the report source kept beside it. Only what the reviewer
/// confirmed (or left as proposed, for values outside the readiness rule) goes in; no responsible
/// person, deadline or review value is made up: the dossier has no review, findings or items yet.
public enum IntakeConversion {
    /// Ids and records the store supplies: an existing unit of the same name is reused as stored.
    public struct Context: Sendable {
        public var dossierID: String
        public var unit: EvaluatedUnit?
        public var unitID: String
        public var cycleID: String
        /// SHA-256 of the draft's text (hex), kept with the report source.
        public var textSHA256: String

        public init(dossierID: String, unit: EvaluatedUnit?, unitID: String, cycleID: String, textSHA256: String) {
            self.dossierID = dossierID
            self.unit = unit
            self.unitID = unitID
            self.cycleID = cycleID
            self.textSHA256 = textSHA256
        }
    }

    public static func dossier(from draft: IntakeDraft, template: IndicatorTemplate,
                               context: Context) throws(IntakeDraftError) -> (Dossier, ReportSource) {
        let readiness = draft.readiness { $0 == template.id ? template : nil }
        if let first = readiness.blockers.first { throw IntakeDraftError(first.valueID, first.message) }
        guard let unitName = draft.unit.effective, let yearText = draft.year.effective, let year = Int(yearText),
              let typeText = draft.evalType.effective, let type = IntakeDraft.evalType(typeText) else {
            throw IntakeDraftError("unit", "草稿未就绪")
        }
        var unit = context.unit ?? EvaluatedUnit(id: context.unitID, name: unitName)
        let staffing = draft.figures.filter { $0.kind == .staffing }
        if unit.staffingQuota == nil, let q = staffing.first(where: { $0.label.contains("编制") && !$0.label.contains("在职") })?.effective {
            unit.staffingQuota = Int(q)
        }
        if unit.headcount == nil, let h = staffing.first(where: { $0.label.contains("实有") || $0.label.contains("在编") })?.effective {
            unit.headcount = Int(h)
        }
        let basis = draft.basisDocs.compactMap(\.effective)
        let hiddenYear = (draft.year.printed ?? "").lowercased().contains("xx")
        let cycle = EvaluationCycle(id: context.cycleID, fiscalYear: year, yearIsDemo: hiddenYear,
                                    name: "\(year)年度\(type.label)绩效自评", noticeDocNo: basis.first.flatMap(docNumber),
                                    evalTypes: [type])
        let title = draft.source.title.trimmingCharacters(in: .whitespaces)
        let lines = "\(draft.source.file) 第\(draft.source.firstLine)–\(draft.source.lastLine)行"
        let evaluation = SelfEvaluation(
            id: context.dossierID, cycleID: cycle.id, unitID: unit.id, templateID: template.id, evalType: type,
            objectName: type == .deptOverall || title.isEmpty ? unitName : title,
            statedTotals: draft.totals.compactMap { $0.effective.flatMap(Score.init) },
            statedGrade: draft.grade.effective, reportDate: draft.reportDate.effective.flatMap(CalendarDay.init),
            basisDocs: basis, statedProblems: draft.problems.compactMap(\.effective),
            statedMeasures: draft.measures.compactMap(\.effective), status: .selected, sourceRef: lines)
        var results: [String: IndicatorResult] = [:]
        var rowSpans: [String: [SourceSpan]] = [:]
        for ind in draft.indicators {
            guard let code = ind.node, let node = template.node(code: code) else { continue }
            rowSpans[node.id, default: []] += ind.spans
            guard let text = ind.effectiveScore, let score = Score(text) else { continue }
            results[node.id] = IndicatorResult(nodeID: node.id, selfScore: score)
        }
        var fields: [String: [SourceSpan]] = [:]
        func field(_ name: String, _ spans: [SourceSpan]) { if !spans.isEmpty { fields[name, default: []] += spans } }
        field("unit", draft.unit.effective == nil ? [] : draft.unit.spans)
        field("year", draft.year.spans)
        field("eval_type", draft.evalType.spans)
        field("stated_totals", draft.totals.filter { $0.effective != nil }.flatMap(\.spans))
        field("stated_grade", draft.grade.effective == nil ? [] : draft.grade.spans)
        field("report_date", draft.reportDate.effective == nil ? [] : draft.reportDate.spans)
        field("basis_docs", draft.basisDocs.filter { $0.effective != nil }.flatMap(\.spans))
        field("stated_problems", draft.problems.filter { $0.effective != nil }.flatMap(\.spans))
        field("stated_measures", draft.measures.filter { $0.effective != nil }.flatMap(\.spans))
        let figures = draft.figures.compactMap { f in
            f.effective.map { SourceFigure(label: f.label, value: $0, unit: f.unit, spans: f.spans) }
        }
        let source = ReportSource(file: draft.source.file, kind: draft.source.kind, encoding: draft.source.encoding,
                                  title: draft.source.title, firstLine: draft.source.firstLine, text: draft.source.text,
                                  textSHA256: context.textSHA256, draftID: draft.id, rowSpans: rowSpans,
                                  fieldSpans: fields, figures: figures,
                                  suggestions: draft.checks.compactMap(FindingSuggestion.init))
        let dossier = Dossier(unit: unit, cycle: cycle, template: template, evaluation: evaluation, results: results)
        return (dossier, source)
    }

    /// "江财绩[20xx]2号" out of "江财绩[20xx]2号《…》".
    static func docNumber(_ text: String) -> String? {
        guard let end = text.firstIndex(of: "号") else { return nil }
        let head = text[...end]
        if let open = head.lastIndex(of: "》") { return String(head[head.index(after: open)...]).trimmingCharacters(in: .whitespaces) }
        return String(head).trimmingCharacters(in: .whitespaces)
    }
}
