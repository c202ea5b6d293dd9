import Foundation
import FuheCore
import FuheExchange
import FuheStore

/// Test fixtures shared by the test targets.
/// A small template and dossier in the exchange format, with one-line edits for bad-input tests.
public enum Fixture {
    public static let templateJSON = """
    {
      "format": "fuhe.template/1",
      "id": "TX", "name": "测试模板", "eval_type": "DEPT_OVERALL", "base_total": "100", "total_cap": "100",
      "grade_scheme": "MOF_4",
      "nodes": [
        {"code": "1", "name": "投入", "weight": "10", "children": [
          {"code": "1.1", "name": "在职人员控制率", "weight": "5", "direction": "NEGATIVE", "unit": "%",
           "method": {"type": "STEP_DEDUCT", "baseline": "100", "side": "over", "step": "1", "deduct": "0.5"}},
          {"code": "1.2", "name": "三公经费变动率", "weight": "5", "unit": "%",
           "method": {"type": "TIERED", "tiers": [{"lower": null, "upper": "0", "points": "5"}, {"lower": "0", "upper": null, "points": "0"}]}}
        ]},
        {"code": "2", "name": "产出", "weight": "90", "children": [
          {"code": "2.1", "name": "管理制度健全性", "weight": "90",
           "method": {"type": "CHECKLIST", "elements": [{"name": "已制定制度", "points": "45"}, {"name": "有效执行", "points": "45"}]}}
        ]}
      ]
    }
    """

    public static let dossierJSON = """
    {
      "format": "fuhe.dossier/1",
      "as_of": "2022-05-20",
      "unit": {"id": "U-1", "name": "益阳市赫山区政务服务中心", "staffing_quota": 10, "headcount": 11},
      "cycle": {"id": "C-1", "fiscal_year": 2021, "year_is_demo": true, "name": "2021年度部门整体支出绩效自评"},
      "template_id": "TX",
      "self_evaluation": {"id": "SE-1", "eval_type": "DEPT_OVERALL", "object_name": "益阳市赫山区政务服务中心",
        "stated_totals": ["98.5"], "stated_grade": "优", "budget_full_year": "933.09", "executed": "900.1234",
        "status": "IN_REVIEW"},
      "evidence": [{"id": "EV-1", "title": "在编人员花名册", "kind": "LEDGER"}],
      "results": [
        {"code": "1.1", "target": "≤100%", "actual": {"text": "11/10=110%", "num": "11/10"}, "self_score": "5",
         "review_score": "0", "deduction_reason": "实有11人、编制10人，超编", "evidence_ids": ["EV-1"], "status": "REVIEWED"},
        {"code": "2.1", "self_score": "90"}
      ],
      "review": {"id": "RV-1", "team": [{"name": "王某", "role": "LEADER"}]},
      "findings": [
        {"id": "F-1", "seq": 1, "indicator_code": "1.1", "category": "STAFFING", "description": "超编1人",
         "items": [{"id": "RI-1", "seq": 1, "measure": "按编制核定人员", "resp_unit": "赫山区政务服务中心",
                    "resp_person": "(demo) 李某", "created_on": "2022-05-01", "deadline": "2022-06-30"}]}
      ]
    }
    """

    public static func template() throws -> IndicatorTemplate {
        try TemplateLoader.template(Array(templateJSON.utf8), file: "TX.json")
    }

    public static func decode(_ json: String, file: String = "d.json") throws(ImportError) -> DossierFile {
        let t: IndicatorTemplate
        do { t = try template() } catch { fatalError("fixture template invalid: \(error)") }
        return try DossierDecoder.decode(Array(json.utf8), file: file, templates: { $0 == t.id ? t : nil })
    }

    /// The fixture with `old` replaced by `new` (exactly once).
    public static func edited(_ old: String, _ new: String) -> String {
        precondition(dossierJSON.components(separatedBy: old).count == 2, "fixture edit must match once: \(old)")
        return dossierJSON.replacingOccurrences(of: old, with: new)
    }

    /// Line (1-based) of the first occurrence of `text` in `json`.
    public static func line(of text: String, in json: String) -> Int {
        let prefix = json.components(separatedBy: text)[0]
        return prefix.filter { $0 == "\n" }.count + 1
    }
}

/// A fresh store in a temporary folder, loaded with the fixture template and dossier.
public struct TempStore {
    public let directory: URL
    public let path: String
    public let store: FuheStore

    public init(clock: any Clock = FixedClock(day: CalendarDay("2022-07-05")!), loadFixture: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("store.sqlite").path
        store = try FuheStore.open(path: path, createIfMissing: true, clock: clock)
        try store.saveGradeSchemes([.mof4])
        let template = try Fixture.template()
        try store.saveTemplates([template], bundled: true)
        if loadFixture {
            try store.importDossiers(try Fixture.decode(Fixture.dossierJSON).dossiers, actor: "测试")
        }
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }
}
