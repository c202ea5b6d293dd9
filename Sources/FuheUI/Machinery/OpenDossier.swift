import FuheCore

/// The open dossier: loading it, rescoring it, and what an edit's result does to it.
extension UpdateContext {
    mutating func receiveDossier(_ request: DossierRequest, _ dossier: Dossier) {
        switch request.mode {
        case .open:
            state.dossier = dossier
            // A new unit starts with a fresh tree; the filter stays (working through 未复核 unit by unit).
            let (filter, sort, itemSort) = (state[ScoresheetPane.self].filter, state[ScoresheetPane.self].sort, state[ItemsPane.self].sort)
            state[ScoresheetPane.self] = ScoresheetPane()
            state[ScoresheetPane.self].filter = filter
            state[ScoresheetPane.self].sort = sort
            state[ItemsPane.self] = ItemsPane()
            state[ItemsPane.self].sort = itemSort
            rescore()
            // Last year's open items and findings come to this year's review.
            emit(.loadCycle(.earlierYears(dossierID: dossier.id)))
            // Start on the first scorable leaf rather than on the L1 heading.
            let rows = state.sheetRows
            if let first = rows.firstIndex(where: { $0.isLeaf }) { state[ScoresheetPane.self].position.set(first, count: rows.count) }
            if let restore = state.pendingRestore, restore.dossierID == dossier.id {
                state.pendingRestore = nil
                if let node = restore.nodeID { ScoresheetPane.select(nodeID: node, in: &state) }
                if let item = restore.itemID { ItemsPane.select(itemID: item, in: &state) }
                // The focus stays on the unit list, where a start begins (the welcome line's keys).
            }
        case .refresh:
            guard state.dossier?.id == dossier.id else { return }
            let selectedNode = state.selectedRow?.node.id
            let selectedItem = state.selectedItem?.id
            state.dossier = dossier
            rescore()
            if let selectedNode { ScoresheetPane.select(nodeID: selectedNode, in: &state) }
            if let selectedItem { ItemsPane.select(itemID: selectedItem, in: &state) }
        }
        keepCursorsVisible()
        request.then?(&self)
    }

    /// Recomputes scores, flags and the visible tree of the open dossier (microseconds).
    mutating func rescore() {
        guard let d = state.dossier else {
            state.scored = nil
            state[ScoresheetPane.self].rows = []
            return
        }
        let scheme = state.gradeSchemes[d.template.gradeSchemeID] ?? GradeScheme.mof4
        state.scored = DossierScorer.score(d, scheme: scheme)
        state[ScoresheetPane.self].rows = ScoresheetPane.visibleRows(state)
    }

    /// An edit is stored: it can be undone, its form closes, the dossier and its unit line are
    /// read again, and the edit's follow-up runs on the fresh dossier.
    mutating func receiveApplied(_ edit: Edit, batch: Int64?) {
        state.saveState = .saved
        if let batch {
            state.undo.undo.append(UndoEntry(batch: batch, dossierID: edit.dossierID))
            state.undo.redo.removeAll()
        }
        if let index = state.overlays.lastIndex(where: { ($0.overlay as? FormState)?.pendingEdit == edit.id }) {
            state.overlays.remove(at: index)
        }
        if let success = edit.success { info(batch == nil ? "没有变化" : success) }
        if state.dossier?.id == edit.dossierID { load(edit.dossierID, mode: .refresh, then: edit.then) }
        emit(.refreshUnit(dossierID: edit.dossierID, today: state.today))
        refreshCyclePages()
    }

    /// Undo or redo is done: the other stack gets the reverting batch, the dossier is shown.
    mutating func receiveReverted(_ revert: Revert, batch: Int64?) {
        guard let batch else { putBack(revert); return }
        let entry = UndoEntry(batch: batch, dossierID: revert.dossierID)
        switch revert.direction {
        case .undo:
            state.undo.redo.append(entry)
            info("已撤销（\(key(.redo)) 重做）")
        case .redo:
            state.undo.undo.append(entry)
            info("已重做")
        }
        load(revert.dossierID, mode: state.dossier?.id == revert.dossierID ? .refresh : .open)
        emit(.refreshUnit(dossierID: revert.dossierID, today: state.today))
        refreshCyclePages()
    }

    /// A revert that did nothing or failed goes back on its stack.
    mutating func putBack(_ revert: Revert) {
        let entry = UndoEntry(batch: revert.batch, dossierID: revert.dossierID)
        switch revert.direction {
        case .undo: state.undo.undo.append(entry)
        case .redo: state.undo.redo.append(entry)
        }
    }
}
