import Foundation
import FuheCore
import FuheStore

/// The merge plan as lines of text (`fuhe merge --dry-run` and the summary after a merge).
public enum MergePlanText {
    /// The dossiers the lease covers, for naming rows and items.
    public static func dossiers(of prepared: MergePreparation, in store: FuheStore) -> [String: Dossier] {
        var out: [String: Dossier] = [:]
        for id in prepared.lease.dossierIDs { out[id] = try? store.dossier(id: id) }
        return out
    }

    public static func heading(_ prepared: MergePreparation, into store: FuheStore) -> String {
        let file = (prepared.copyPath as NSString).lastPathComponent
        return "副本 \(file)（\(prepared.lease.id) · \(prepared.lease.holder) · \(prepared.lease.sinceDay) 借出）→ \(store.name)"
    }

    public static func lines(_ prepared: MergePreparation, dossiers: [String: Dossier]) -> [String] {
        if prepared.alreadyMerged {
            return ["已合并过：\(prepared.lease.id) 于 \(prepared.lease.mergedAt.map(BeijingTime.display) ?? "?") 合并，副本此后未改动；再次合并不会改变任何内容"]
        }
        return lines(plan: prepared.plan, dossiers: dossiers)
    }

    /// The plan's changes and conflicts (a local merge's or a server's).
    public static func lines(plan: MergePlan, dossiers: [String: Dossier]) -> [String] {
        let changes = plan.changes
        let conflicts = plan.conflicts
        var out = ["自动合并 \(changes.count) 处修改，冲突 \(conflicts.count) 处"]
        for c in changes {
            let place = MergeLabels.entity(c.key, in: dossiers[c.key.dossierID])
            let what: String
            if c.field == "*" { what = c.old == nil ? "新建" : "删除" } else {
                let value = { (json: String?) in short(JournalText.value(json, entity: c.key.entity, field: c.field)) }
                what = "\(MergeLabels.field(c.field))：\(value(c.old)) → \(value(c.new))"
            }
            out.append("  改  \(place) · \(what)")
        }
        for c in conflicts {
            let place = MergeLabels.entity(c.key, in: dossiers[c.key.dossierID])
            out.append("  冲突 \(place) · \(MergeLabels.field(c.primary))（\(c.kind.label)）")
            if c.isWholeEntity {
                out.append("       基准 \(presence(c.base)) | 主库 \(presence(c.main)) | 副本 \(presence(c.copy))")
            } else {
                let value = { (json: String?) in short(JournalText.value(json, entity: c.key.entity, field: c.primary)) }
                out.append("       基准 \(value(c.base)) | 主库 \(value(c.main)) | 副本 \(value(c.copy))")
            }
        }
        return out
    }

    static func presence(_ json: String?) -> String { json == nil ? "（无）" : "（有）" }

    static func short(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: " ")
        return oneLine.count > 60 ? String(oneLine.prefix(59)) + "…" : oneLine
    }
}
