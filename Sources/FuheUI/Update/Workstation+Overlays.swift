import FuheCore
import TermCore

extension Workstation {
    func handleOverlayKey(_ key: KeyEvent, _ overlay: Overlay) {
        switch overlay {
        case .help(let top):
            switch CommandRegistry.command(for: key, in: .global) {
            case .down: state.overlay = .help(top: top + 1)
            case .up: state.overlay = .help(top: max(0, top - 1))
            case .pageDown: state.overlay = .help(top: top + 10)
            case .pageUp: state.overlay = .help(top: max(0, top - 10))
            case .quit, .back, .help: state.overlay = nil
            default: break
            }
        case .messages(var pos):
            let messages = state.scored?.messages ?? []
            switch key {
            case .escape, .character("q"), .character("!"): state.overlay = nil
            case .enter:
                state.overlay = nil
                if messages.indices.contains(pos.cursor) { jump(to: messages[pos.cursor]) }
            default:
                switch CommandRegistry.command(for: key, in: .global) {
                case .down: pos.move(by: 1, count: messages.count)
                case .up: pos.move(by: -1, count: messages.count)
                case .pageDown: pos.move(by: 10, count: messages.count)
                case .pageUp: pos.move(by: -10, count: messages.count)
                case .first: pos.set(0, count: messages.count)
                case .last: pos.set(messages.count - 1, count: messages.count)
                default: break
                }
                state.overlay = .messages(pos)
            }
        case .history(let view):
            handleHistoryKey(key, view)
        case .lessons(let pos):
            handleLessonMenuKey(key, pos)
        case .form(var form):
            switch form.handle(key) {
            case .handled: state.overlay = .form(form)
            case .cancel:
                state.overlay = nil
                info("已取消，未保存")
            case .submit:
                form.error = nil
                state.overlay = .form(form)
                submit(form)
            }
        }
    }

    /// Jumps from a validation message to the row or item it names.
    func jump(to message: ValidationMessage) {
        if let node = message.nodeID {
            reveal(nodeID: node)
        } else if let item = message.itemID, let i = state.items.firstIndex(where: { $0.id == item }) {
            setFocus(.items)
            state.itemPosition.set(i, count: state.items.count)
            keepCursorsVisible()
        }
        info("\(message.code) \(message.message)")
    }

    /// Shows a form error and keeps the form open with the offending field focused.
    func formError(_ form: FormState, _ text: String, field: String? = nil) {
        var f = form
        f.error = text
        if let field { f.focus(on: field) }
        state.overlay = .form(f)
    }

    func submit(_ form: FormState) {
        switch form.purpose {
        case .reviewScore(let node): saveScore(form, nodeID: node)
        case .verifiedActual(let node): saveVerified(form, nodeID: node)
        case .reason(let node): saveText(form, nodeID: node, note: false)
        case .note(let node): saveText(form, nodeID: node, note: true)
        case .evidence(let node): saveEvidence(form, nodeID: node)
        case .finding(let node): saveFinding(form, nodeID: node)
        case .createItem: saveNewItem(form)
        case .editItem(let id): saveItemEdit(form, itemID: id)
        case .rectAction(let id, let command): saveRectAction(form, itemID: id, command: command)
        case .reviewAction(let command): saveReviewAction(form, command: command)
        }
    }

    /// Writes changes as one batch, based on the dossier as shown (the store refuses the write
    /// when someone changed what it touches since), then refreshes the dossier and the unit list.
    @discardableResult
    func write(_ changes: [StoreChange], reason: String? = nil, success: String) -> Bool {
        guard let shown = state.dossier else { return false }
        let id = shown.id
        var batch: Int64?
        let ok = perform { batch = try repository.apply(changes, to: id, base: .seen(shown), actor: state.actor.name, reason: reason, origin: "local") }
        guard ok else {
            state.saveState = .failed(state.message ?? "")
            return false
        }
        state.saveState = .saved
        if let batch {
            undoStack.append((batch, id))
            redoStack.removeAll()
        }
        state.overlay = nil
        reloadDossier()
        refreshOpenUnit()
        info(batch == nil ? "没有变化" : success)
        return true
    }

    func undo() {
        guard let entry = undoStack.popLast() else { info("本次会话没有可撤销的修改"); return }
        guard let redo = revert(entry) else { undoStack.append(entry); return }
        redoStack.append(redo)
        info("已撤销（Ctrl-R 重做）")
    }

    func redo() {
        guard let entry = redoStack.popLast() else { info("没有可重做的修改"); return }
        guard let again = revert(entry) else { redoStack.append(entry); return }
        undoStack.append(again)
        info("已重做")
    }

    /// Reverts a batch and shows its dossier; returns the reverting batch (nil on failure).
    private func revert(_ entry: (batch: Int64, dossierID: String)) -> (batch: Int64, dossierID: String)? {
        var reverted: Int64?
        guard perform({ reverted = try repository.revert(batch: entry.batch, actor: state.actor.name) }), let reverted else { return nil }
        if state.dossier?.id == entry.dossierID { reloadDossier() } else { open(dossierID: entry.dossierID) }
        refreshOpenUnit()
        return (reverted, entry.dossierID)
    }
}

extension Workstation {
    /// Opens the history of the selected row (scoresheet), item (items pane) or unit.
    func showHistory() {
        guard let d = state.dossier ?? (state.units.indices.contains(state.unitPosition.cursor) ? try? repository.dossier(id: state.units[state.unitPosition.cursor].dossierID) : nil) else {
            info("没有可查看历史的单位"); return
        }
        var entity: String?, entityID: String?, title = d.unit.displayName + " · 全部修改"
        switch state.focus {
        case .sheet:
            if let row = state.selectedRow, state.dossier != nil {
                entity = "result"; entityID = row.node.id; title = "\(row.node.code) \(row.node.name)"
            }
        case .items:
            if let item = state.selectedItem, state.dossier != nil {
                entity = "item"; entityID = item.id; title = "整改事项 \(item.seq) \(item.measure)"
            }
        default: break
        }
        do {
            let entries = try repository.history(dossierID: d.id, entity: entity, entityID: entityID)
            state.overlay = .history(HistoryView(title: "修改历史 · " + title, entries: entries))
        } catch {
            fail("读取修改历史失败：\(error)")
        }
    }

    func handleHistoryKey(_ key: KeyEvent, _ view: HistoryView) {
        var view = view
        switch key {
        case .escape, .character("q"), .character("H"): state.overlay = nil; return
        default:
            let count = view.entries.count
            switch CommandRegistry.command(for: key, in: .global) {
            case .down: view.position.move(by: 1, count: count)
            case .up: view.position.move(by: -1, count: count)
            case .pageDown: view.position.move(by: 10, count: count)
            case .pageUp: view.position.move(by: -10, count: count)
            case .first: view.position.set(0, count: count)
            case .last: view.position.set(count - 1, count: count)
            default: break
            }
        }
        state.overlay = .history(view)
    }
}
