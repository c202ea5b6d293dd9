import Foundation

/// The journal as a person reads it (field history, `fuhe verify`, merge plans): Chinese names
/// for entities and fields, codes as their Chinese labels (`UNREVIEWED → REVIEWED` is
/// `未复核 → 已复核`), records as sentences instead of `key=value`, times in Beijing time, and
/// entries in the order they happened.
///
/// ```swift
/// JournalText.value("\"REVIEWED\"", entity: "result", field: "status")   // "已复核"
/// JournalText.lines(entry)  // ("2026-11-23 10:30 · 张三 · 副本 L-1 · 复核分", "（空） → 0.00 · 现场核查")
/// ```
public enum JournalText {
    /// The Chinese name of an entity ("result" → "评分表行").
    public static func entity(_ name: String) -> String {
        entities[name] ?? name
    }

    /// The Chinese name of a field ("*" = the whole entity).
    public static func field(_ name: String, entity: String = "") -> String {
        if entity == "lease" && name == "status" { return "借出状态" }
        return MergeLabels.field(name)
    }

    /// A stored JSON value as a person reads it: a code of `field` as its label, a time in
    /// Beijing time, a record (a progress entry, a deadline change, a team member, an observed
    /// value) as one phrase, lists joined with "；", "（空）" for absent.
    public static func value(_ json: String?, entity: String = "", field: String = "") -> String {
        guard let json, let object = JSONFields.parse(json) else { return "（空）" }
        if json == "true" { return "是" }
        if json == "false" { return "否" }
        return describe(object, entity: entity, field: field)
    }

    /// The two lines an entry is shown as: "2026-11-23 10:30 · 张三 · 副本 L-1 · 复核分" and
    /// "（空） → 0.00 · 现场核查".
    public static func lines(_ e: JournalEntry) -> (String, String) {
        let r = e.record
        let what = r.field == "*" && r.entity != "lease"
            ? (r.old == nil ? "新建" : r.new == nil ? "删除" : "整条记录") + entity(r.entity)
            : field(r.field, entity: r.entity)
        let head = "\(BeijingTime.display(e.at)) · \(r.actor) · \(JournalOrigin.label(r.origin)) · \(what)"
        var change: String
        if r.field == "*" && r.entity != "lease" {
            change = r.old == nil ? "（新建）" : r.new == nil ? "（删除）" : "（整条替换）"
            if r.entity == "dossier" && r.new == "\"imported\"" { change = "（导入）" }
        } else {
            change = "\(value(r.old, entity: r.entity, field: r.field)) → \(value(r.new, entity: r.entity, field: r.field))"
        }
        if let reason = r.reason, !reason.isEmpty { change += " · " + reason }
        return (head, change.replacingOccurrences(of: "\n", with: " "))
    }

    /// Entries newest first by the time they record (a change merged from a copy keeps its
    /// site's time, so store order is not time order); ties keep the store's order.
    public static func newestFirst(_ entries: [JournalEntry]) -> [JournalEntry] {
        let times = entries.map { BeijingTime.parse($0.at)?.timeIntervalSince1970 ?? 0 }
        return entries.indices.sorted { a, b in
            times[a] != times[b] ? times[a] > times[b] : entries[a].seq > entries[b].seq
        }.map { entries[$0] }
    }

    // MARK: - Values

    static func describe(_ object: Any, entity: String, field: String) -> String {
        switch object {
        case let s as String:
            if s.isEmpty { return "（空字符串）" }
            if let label = label(code: s, entity: entity, field: field) { return label }
            return BeijingTime.display(s)
        case let n as NSNumber: return n.stringValue
        case let array as [Any]:
            return array.isEmpty ? "（无）" : array.map { describe($0, entity: entity, field: field) }.joined(separator: "；")
        case let dict as [String: Any]:
            return record(dict, entity: entity, field: field)
        default: return "（空）"
        }
    }

    /// One record as a phrase.
    static func record(_ d: [String: Any], entity: String, field: String) -> String {
        func text(_ key: String) -> String? {
            guard let v = d[key], !(v is NSNull) else { return nil }
            let s = describe(v, entity: entity, field: key)
            return s.isEmpty ? nil : s
        }
        switch field {
        case "progress":
            // 2019-12-20 孙某：已制定计划（20%）
            let who = [text("date"), text("by")].compactMap { $0 }.joined(separator: " ")
            return who + "：" + (text("text") ?? "") + (text("percent").map { "（\($0)%）" } ?? "")
        case "deadlineHistory":
            // 2019-12-30 马某：2019-12-31 → 2020-01-10（部分项目冬季停工）
            let who = [text("on"), text("by")].compactMap { $0 }.joined(separator: " ")
            return who + "：" + (text("old") ?? "") + " → " + (text("new") ?? "") + (text("reason").map { "（\($0)）" } ?? "")
        case "team":
            let role = (d["role"] as? String).flatMap(TeamRole.init(rawValue:))?.label
            return (text("name") ?? "") + (role.map { "（\($0)）" } ?? "")
        default:
            if let t = d["text"] as? String { return t }
            let parts = d.keys.sorted().filter { $0 != "id" && $0 != "nodeID" }.compactMap { key in
                text(key).map { "\(MergeLabels.field(key))\($0)" }
            }
            return parts.joined(separator: "，")
        }
    }

    /// The label of a stored code, when `entity` and `field` say which vocabulary it is from.
    static func label(code: String, entity: String, field: String) -> String? {
        switch (entity, field) {
        case ("result", "status"): RowStatus(rawValue: code)?.label
        case ("item", "status"): RectStatus(rawValue: code)?.label
        case ("item", "rectType"): RectType(rawValue: code)?.label
        case ("review", "status"): ReviewStatus(rawValue: code)?.label
        case ("review", "mode"): ReviewMode(rawValue: code)?.label
        case (_, "role"): TeamRole(rawValue: code)?.label
        case ("evaluation", "status"): EvaluationStatus(rawValue: code)?.label
        case ("evaluation", "evalType"): EvalType(rawValue: code)?.label
        case ("finding", "category"): FindingCategory(rawValue: code)?.label
        case ("finding", "severity"): Severity(rawValue: code)?.label
        case ("finding", "origin"): FindingOrigin(rawValue: code)?.label
        case ("evidence", "kind"): EvidenceKind(rawValue: code)?.label
        case ("evidence", "providedBy"): EvidenceSource(rawValue: code)?.label
        case ("lease", "status"): ["out": "借出中", "merged": "已合并", "released": "已释放"][code]
        default: nil
        }
    }

    static let entities: [String: String] = [
        "result": "评分表行", "item": "整改事项", "finding": "问题", "evidence": "佐证材料", "review": "复核",
        "evaluation": "自评信息", "dossier": "单位档案", "lease": "借出",
    ]
}
