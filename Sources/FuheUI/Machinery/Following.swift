import Foundation
import FuheCore

/// Following the store: another session's commit reloads what is on screen (the unit list with
/// its 外 markers and totals, the open dossier, an open history) with every cursor kept on the
/// same row, marks an open form whose row or item changed, and says who changed what. A refused
/// write or undo is shown with its reason; the view it came from is read again.
extension UpdateContext {
    mutating func receiveStoreChanged(_ changes: StoreChanges) {
        let feed = changes.feed
        let others = feed.fromOthers(than: state.session)
        guard !others.isEmpty || !feed.isComplete else { return }
        reloadUnits()
        refreshIntakePages()
        for case let history as HistoryView in state.overlays.map(\.overlay) {
            if let request = history.request { emit(.history(request)) }
        }
        let dossiers = changes.dossiers
        let complete = feed.isComplete
        if let open = state.dossier?.id, !complete || others.contains(where: { $0.dossierIDs.contains(open) }) {
            load(open, mode: .refresh) { ctx in ctx.announce(others, complete: complete, dossiers: dossiers) }
        } else {
            announce(others, complete: complete, dossiers: dossiers)
        }
    }

    /// Marks open forms and says on the status line what others changed: the first change in
    /// full ("李某 修改了 2.1.2 复核分 4.50 → 3.00"), then "等 N 处" when there were several.
    mutating func announce(_ others: [ChangeBatch], complete: Bool, dossiers: [String: Dossier]) {
        for index in state.overlays.indices {
            guard var form = state.overlays[index].overlay as? FormState else { continue }
            for batch in others { form.note(batch, in: state.dossier) }
            state.overlays[index].overlay = form
        }
        guard let first = others.first else {
            info("其他会话有大量修改，已全部重新读取")
            return
        }
        var text = sentence(first, dossiers: dossiers)
        if others.count > 1 {
            let places = others.map { batch in max(1, batch.entries.filter { !ChangeText.bookkeeping.contains($0.record.field) }.count) }
            if let range = text.range(of: #" 等 \d+ 处$"#, options: .regularExpression) { text.removeSubrange(range) }
            text += " 等 \(places.reduce(0, +)) 处"
        }
        info(complete ? text : text + "（修改较多，已全部重新读取）")
    }

    /// One batch in words, naming rows and items from the dossier it is about.
    private func sentence(_ batch: ChangeBatch, dossiers: [String: Dossier]) -> String {
        let ids = batch.dossierIDs
        guard ids.count == 1, let id = ids.first else { return ChangeText.sentence(batch, dossier: nil) }
        if id == state.dossier?.id { return ChangeText.sentence(batch, dossier: state.dossier) }
        return ChangeText.sentence(batch, dossier: dossiers[id], withUnit: true)
    }

    /// The store refused an edit. A form keeps what was typed and shows the values now beside it;
    /// an edit made by a key shows the refusal over the screen. The stale view is read again.
    mutating func receiveRefusal(of edit: Edit, _ failure: EffectFailure) {
        state.saveState = .failed(failure.text)
        if let index = state.overlays.lastIndex(where: { ($0.overlay as? FormState)?.pendingEdit == edit.id }),
           var form = state.overlays[index].overlay as? FormState {
            form.refused(failure)
            state.overlays[index].overlay = form
            if failure.stale != nil {
                fail("未保存：此表打开后已有人修改（\(key(.formReapply)) 以现值为基础重新保存 · \(key(.formDrop)) 采用现值）")
            } else {
                fail(failure.text)
            }
        } else if let stale = failure.stale {
            let head = "未保存：按键时看到的内容已被他人修改"
            fail(head)
            push(RefusalView(title: "未保存", lines: [head] + FormState.fieldLines(stale, in: state.dossier, target: nil, typed: false)
                + ["已重新读取现值；如仍要修改，请在现值上重新操作。"]))
        } else {
            fail(failure.text)
        }
        if failure.stale != nil { reread(edit.dossierID) }
    }

    /// Undo or redo refused: by the rules of undo (another session's batch, someone changed the
    /// fields since) it can never succeed, so it leaves the stack and the reason is shown; any
    /// other failure puts it back.
    mutating func receiveRevertFailure(_ revert: Revert, _ failure: EffectFailure) {
        let what = revert.direction == .undo ? "撤销" : "重做"
        if let stale = failure.stale {
            let lines = stale.message(in: state.dossier).split(separator: "\n").map(String.init)
            fail(lines.first ?? failure.text)
            push(RefusalView(title: "不能\(what)", lines: lines + ["现值保留；这次\(what)已从记录中移除。"]))
            reread(revert.dossierID)
        } else if let refusal = failure.undoRefusal {
            fail(refusal.description)
            push(RefusalView(title: "不能\(what)", lines: [refusal.description, "这次\(what)已从记录中移除。"]))
        } else {
            fail(failure.text)
            putBack(revert)
        }
    }

    /// Reads a dossier (if open) and its unit line again after a refusal showed they were stale.
    private mutating func reread(_ dossierID: String) {
        if state.dossier?.id == dossierID { load(dossierID, mode: .refresh) }
        emit(.refreshUnit(dossierID: dossierID, today: state.today))
    }
}
