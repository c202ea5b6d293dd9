/// Says in Chinese who changed what: "李某 修改了 2.1.2 复核分 4.50 → 3.00", for the status line
/// of a session that follows the store, and names places and values for `StaleWrite`.
public enum ChangeText {
    /// One sentence for a batch. `dossier` names rows and items (pass the dossier the batch
    /// touched when it is at hand); `withUnit` puts the unit's name first (when the batch is not
    /// about the dossier on screen).
    public static func sentence(_ batch: ChangeBatch, dossier: Dossier?, withUnit: Bool = false) -> String {
        let actor = batch.actor.isEmpty ? "有人" : batch.actor
        let entries = batch.entries
        guard let first = entries.first else { return "\(actor) 没有修改" }
        let unit = withUnit ? (dossier?.unit.displayName ?? first.record.dossierID ?? "") + " " : ""
        if first.record.entity == "dossier" {
            let count = batch.dossierIDs.count
            return "\(actor) 导入了 " + (count > 1 ? "\(count) 个单位" : dossier?.unit.displayName ?? first.record.dossierID ?? "")
        }
        if first.record.entity == "lease" {
            let lease = first.record.entityID
            let verb = switch first.record.new {
            case "\"out\""?: "借出了"
            case "\"merged\""?: "合并了"
            case "\"released\""?: "放弃了"
            default: "修改了"
            }
            return "\(actor) \(verb)副本 \(lease)\(first.record.reason.map { "：" + $0 } ?? "")"
        }
        let origin = first.record.origin
        let prefix: String
        if let reason = first.record.reason, reason.hasPrefix("撤销 #") {
            prefix = "\(actor) 撤销了 #\(reason.dropFirst(4))，"
        } else if origin.hasPrefix("copy:") || origin.hasPrefix("merge:") {
            prefix = "\(actor) 经\(JournalOrigin.label(origin)) "
        } else {
            prefix = "\(actor) "
        }
        let main = headline(entries)
        let place = self.place(EntityKey(dossierID: main.record.dossierID ?? "", entity: main.record.entity, id: main.record.entityID),
                               in: dossier, named: false)
        let what: String
        switch (main.record.field, main.record.old, main.record.new) {
        case ("*", nil, _): what = "新建了 \(unit)\(place)"
        case ("*", _, nil): what = "删除了 \(unit)\(place)"
        case ("*", _, _): what = "修改了 \(unit)\(place)"
        default:
            what = "修改了 \(unit)\(place) \(MergeLabels.field(main.record.field)) " +
                "\(value(main.record.old, field: main.record.field)) → \(value(main.record.new, field: main.record.field))"
        }
        let others = entries.filter { !bookkeeping.contains($0.record.field) }.count - 1
        return prefix + what + (others > 0 ? " 等 \(others + 1) 处" : "")
    }

    /// A place in a dossier: "2.1.2 在职人员控制率" (just "2.1.2" unless `named`), "整改事项 3",
    /// "问题 2", "佐证 EV-7", "复核", "自评信息"; with the unit's name first when `withUnit`.
    public static func place(_ key: EntityKey, in dossier: Dossier?, named: Bool = true, withUnit: Bool = false) -> String {
        let what: String
        switch key.entity {
        case "result":
            if let node = dossier?.template.node(id: key.id) { what = named ? "\(node.code) \(node.name)" : node.code } else { what = "指标 \(key.id)" }
        case "item":
            what = dossier?.items.first { $0.id == key.id }.map { "整改事项 \($0.seq)" } ?? "整改事项 \(key.id)"
        case "finding":
            what = dossier?.findings.first { $0.id == key.id }.map { "问题 \($0.seq)" } ?? "问题 \(key.id)"
        case "evidence": what = "佐证 \(key.id)"
        case "review": what = "复核"
        case "evaluation": what = "自评信息"
        default: what = "\(key.entity) \(key.id)"
        }
        return withUnit ? "\(dossier?.unit.displayName ?? key.dossierID) · \(what)" : what
    }

    /// A stored JSON value as a person reads it, one line, at most 40 characters.
    public static func value(_ json: String?, field: String) -> String {
        if field == "*" { return json == nil ? "（无）" : "（有）" }
        let text = MergeLabels.value(json).split(whereSeparator: \.isNewline).joined(separator: " ")
        return text.count > 40 ? String(text.prefix(39)) + "…" : text
    }

    /// "2026-11-23T10:02:03.123+08:00" → "2026-11-23 10:02", in Beijing time whatever offset the
    /// text was stored with ("2026-11-23T02:02:03Z" → "2026-11-23 10:02"; `BeijingTime`).
    public static func minute(_ iso: String) -> String {
        if let date = BeijingTime.parse(iso) { return BeijingTime.minutes(date) }
        guard iso.count >= 16 else { return iso }
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
    }

    /// Fields set along with a change (who and when), never the headline when there is another.
    public static let bookkeeping: Set<String> = ["reviewedBy", "reviewedAt", "status", "updatedAt"]

    /// The fields a sentence names first when a change wrote several, in order.
    public static let headlineFields = ["reviewScore", "verifiedActual", "deductionReason", "reviewNote", "*"]

    /// The order to list changed fields in: `headlineFields` first, then the others as given.
    public static func rank(_ field: String) -> Int { headlineFields.firstIndex(of: field) ?? headlineFields.count }

    /// The entry a sentence is about: the first that is not bookkeeping, by a fixed preference.
    static func headline(_ entries: [JournalEntry]) -> JournalEntry {
        for name in headlineFields { if let e = entries.first(where: { $0.record.field == name }) { return e } }
        return entries.first { !bookkeeping.contains($0.record.field) } ?? entries[0]
    }
}
