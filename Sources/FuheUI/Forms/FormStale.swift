import FuheCore
import TermCore

extension CommandID {
    public static let formReapply = CommandID("form.reapply")
    public static let formDrop = CommandID("form.drop")
}

/// A form whose ground moved: another session changed what it is about while it was open, or the
/// store refused its save because of that (compare-and-set). The form stays open with what was
/// typed; it shows each field's value now (who, when) beside the one typed, and offers to save
/// the typed values again on the current view (re-apply) or to drop them (keep the value now).
enum StaleFormCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.formReapply, [.ctrl("r")], .form, "重新应用：以现值为基础再次保存你输入的内容（他人修改后）", when: staleForm) { ctx in
            ctx.withTop(FormState.self) { form, ctx in form.reapply(&ctx) }
        },
        .init(.formDrop, [.ctrl("t")], .form, "放弃你的输入，采用现值（他人修改后）", when: staleForm) { ctx in
            ctx.withTop(FormState.self) { form, ctx in
                let kept = form.kept
                ctx.closeTop()
                ctx.info("已放弃你的输入，保留现值" + (kept.map { "：" + $0 } ?? ""))
            }
        },
    ]

    /// Available once the top form was refused or has been changed under.
    static func staleForm(_ state: AppState) -> Availability {
        guard let form = state.overlay as? FormState, form.refusal != nil || !form.notices.isEmpty else {
            return .notYet("只在他人修改了此表所涉内容后可用")
        }
        return .available
    }
}

extension FormState {
    /// Saves the typed values again, based on the dossier as it is now on screen.
    mutating func reapply(_ ctx: inout UpdateContext) {
        guard let shown = ctx.state.dossier, base == nil || base?.id == shown.id else { return }
        base = shown
        refusal = nil
        notices = []
        kept = nil
        submit(&ctx)
    }

    /// The store refused this form's save: show why, keep what was typed.
    mutating func refused(_ failure: EffectFailure) {
        pendingEdit = nil
        if let stale = failure.stale {
            refusal = stale
            kept = Self.keptText(stale) ?? kept
            error = nil
        } else {
            error = failure.text
        }
    }

    /// Notes what another session's batch changed of what this form is about (its row or item;
    /// anything in the dossier for a form about the whole review).
    mutating func note(_ batch: ChangeBatch, in dossier: Dossier?) {
        guard let base else { return }
        let entries = batch.entries.filter { $0.record.dossierID == base.id && (target == nil || $0.record.entityID == target) }
        guard !entries.isEmpty else { return }
        let actor = batch.actor.isEmpty ? "有人" : batch.actor
        let text: String
        if target == nil {
            text = "此单位已被修改：" + ChangeText.sentence(batch, dossier: dossier)
        } else {
            let shown = entries.filter { !ChangeText.bookkeeping.contains($0.record.field) }
            if let first = shown.filter({ $0.record.field != "*" }).min(by: { ChangeText.rank($0.record.field) < ChangeText.rank($1.record.field) }) {
                kept = "\(MergeLabels.field(first.record.field)) \(ChangeText.value(first.record.new, field: first.record.field))（\(actor)）"
            }
            let fields = (shown.isEmpty ? entries : shown).sorted { ChangeText.rank($0.record.field) < ChangeText.rank($1.record.field) }.map { e in
                e.record.field == "*" ? (e.record.new == nil ? "删除" : e.record.old == nil ? "新建" : "整条替换")
                    : "\(MergeLabels.field(e.record.field)) \(ChangeText.value(e.record.new, field: e.record.field))"
            }
            if fields.count == 1, let e = entries.first, e.record.field != "*" {
                text = "此处已被 \(actor) 修改为 \(ChangeText.value(e.record.new, field: e.record.field))（\(MergeLabels.field(e.record.field))）"
            } else {
                text = "此处已被 \(actor) 修改：" + fields.joined(separator: "，")
            }
        }
        notices = Array((notices + ["\(text)（\(ChangeText.minute(batch.at))）"]).suffix(3))
    }

    /// The lines under the fields: notices of others' changes, or the refusal with each field's
    /// value now beside the one typed, and the keys to go on.
    func staleLines(_ state: AppState, width: Int) -> [(String, Style)] {
        guard refusal != nil || !notices.isEmpty else { return [] }
        let warn = Style(bold: true, foreground: .yellow), bad = Style(bold: true, foreground: .red)
        var out: [(String, Style)] = []
        let add = { (text: String, style: Style) in
            for line in RefusalView.hanging(text, width: width) { out.append((line, style)) }
        }
        if let refusal {
            add("✗ 未保存：此表打开后已有人修改了下列内容（你输入的仍在上面）", bad)
            for line in Self.fieldLines(refusal, in: state.dossier, target: target) { add("  " + line, .plain) }
        } else {
            for notice in notices { add("⚠ " + notice, warn) }
        }
        let keys = "\(state.key(.formReapply)) 以现值为基础保存你的输入 · \(state.key(.formDrop)) 放弃你的输入，采用现值"
        add(refusal == nil ? "  保存将被拒绝；" + keys : "  " + keys, .dim)
        return out
    }

    /// One line per refused field: "复核分：现为 4.50（李某 2026-11-23 10:02）· 你输入 3.00" (in a
    /// form; "你要写" for an edit made by a key). Fields set along with a change (who and when) are
    /// left out when there is another.
    static func fieldLines(_ stale: StaleWrite, in dossier: Dossier?, target: String?, typed: Bool = true) -> [String] {
        let shown = stale.fields.filter { !ChangeText.bookkeeping.contains($0.field) }
        return (shown.isEmpty ? stale.fields : shown).sorted { ChangeText.rank($0.field) < ChangeText.rank($1.field) }.map { f in
            let place = f.key.id == target ? "" : ChangeText.place(f.key, in: dossier) + " · "
            let who = (f.changedBy ?? "有人") + (f.changedAt.map { " " + ChangeText.minute($0) } ?? "")
            if f.field == "*" {
                let what = f.current == nil ? "删除" : f.base == nil ? "新建" : "整条修改"
                return "\(place)已由 \(who) \(what)"
            }
            let mine = f.proposed == f.base ? "你看到的是 \(ChangeText.value(f.base, field: f.field))"
                : (typed ? "你输入 " : "你要写 ") + ChangeText.value(f.proposed, field: f.field)
            return "\(place)\(MergeLabels.field(f.field))：现为 \(ChangeText.value(f.current, field: f.field))（\(who)）· \(mine)"
        }
    }

    /// What dropping keeps, in words: "复核分 4.50（李某）".
    static func keptText(_ stale: StaleWrite) -> String? {
        guard let f = stale.fields.filter({ !ChangeText.bookkeeping.contains($0.field) && $0.field != "*" })
            .min(by: { ChangeText.rank($0.field) < ChangeText.rank($1.field) }) else { return nil }
        return "\(MergeLabels.field(f.field)) \(ChangeText.value(f.current, field: f.field))" + (f.changedBy.map { "（\($0)）" } ?? "")
    }
}

extension UpdateContext {
    /// This context with `dossier` as the open one (scored): what a form's submission reads, so
    /// that its changes and its compare-and-set base are the view it opened on.
    func viewing(_ dossier: Dossier?) -> UpdateContext {
        guard let dossier, dossier.id == state.dossier?.id else { return self }
        var view = self
        view.state.dossier = dossier
        view.rescore()
        return view
    }
}
