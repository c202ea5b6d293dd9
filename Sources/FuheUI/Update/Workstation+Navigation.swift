import FuheCore
import TermCore

extension Workstation {
    func moveCursor(_ delta: Int) {
        state.detailTop = 0
        switch state.focus {
        case .units: state.unitPosition.move(by: delta, count: state.units.count)
        case .sheet: state.sheetPosition.move(by: delta, count: state.sheetRows.count)
        case .items: state.itemPosition.move(by: delta, count: state.items.count)
        }
        keepCursorsVisible()
    }

    /// Keeps each pane's `top` so its cursor stays on screen (rendering reads it).
    func keepCursorsVisible() {
        let layout = Layout(state)
        state.unitPosition.scroll(height: max(1, layout.units.height - 2), count: state.units.count)
        state.sheetPosition.scroll(height: max(1, layout.sheet.height - 2), count: state.sheetRows.count)
        state.itemPosition.scroll(height: max(1, layout.items.height - 2), count: state.items.count)
    }

    func back() {
        if state.lastQuery != nil {
            state.lastQuery = nil
            info("已清除搜索")
        } else if state.focus != .units {
            setFocus(.units)
        }
    }

    func openSelectedUnit() {
        guard let unit = state.selectedUnit else { return }
        open(dossierID: unit.dossierID)
        setFocus(.sheet)
    }

    /// Loads a dossier and resets the scoresheet and item cursors.
    func open(dossierID: String) {
        guard perform({ state.dossier = try repository.dossier(id: dossierID) }) else { return }
        state.collapsed = []
        state.sheetPosition = ListPosition()
        state.itemPosition = ListPosition()
        rescore()
        // Start on the first scorable leaf rather than on the L1 heading.
        if let first = state.sheetRows.firstIndex(where: { $0.isLeaf }) { state.sheetPosition.set(first, count: state.sheetRows.count) }
        keepCursorsVisible()
    }

    /// Re-reads the open dossier after a write and rescores it, keeping the cursors.
    func reloadDossier() {
        guard let id = state.dossier?.id else { return }
        let selectedNode = state.selectedRow?.node.id
        let selectedItem = state.selectedItem?.id
        guard perform({ state.dossier = try repository.dossier(id: id) }) else { return }
        rescore()
        if let selectedNode, let i = state.sheetRows.firstIndex(where: { $0.node.id == selectedNode }) {
            state.sheetPosition.set(i, count: state.sheetRows.count)
        }
        if let selectedItem, let i = state.items.firstIndex(where: { $0.id == selectedItem }) {
            state.itemPosition.set(i, count: state.items.count)
        }
        keepCursorsVisible()
    }

    /// Recomputes scores, flags and the visible tree of the open dossier (microseconds).
    func rescore() {
        guard let d = state.dossier else { state.scored = nil; state.sheetRows = []; return }
        let scheme = schemes[d.template.gradeSchemeID] ?? GradeScheme.mof4
        state.scored = DossierScorer.score(d, scheme: scheme)
        state.sheetRows = SheetRows.visible(d.template, collapsed: state.collapsed)
    }

    /// Re-reads the unit list (after writes and filter changes), keeping the selected unit.
    func reloadUnits() {
        let selected = state.selectedUnit?.dossierID ?? state.dossier?.id
        perform {
            state.units = try repository.unitList(today: state.today, filter: state.filter)
            state.leased = try repository.leasedUnits()
        }
        if let selected, let i = state.units.firstIndex(where: { $0.dossierID == selected }) {
            state.unitPosition.set(i, count: state.units.count)
        } else {
            state.unitPosition.move(by: 0, count: state.units.count)
        }
        keepCursorsVisible()
    }

    /// Refreshes the open dossier's line of the unit list after an edit (the rest is unchanged).
    func refreshOpenUnit() {
        guard let id = state.dossier?.id, let i = state.units.firstIndex(where: { $0.dossierID == id }) else { return }
        var fresh: UnitSummary?
        perform { fresh = try repository.unitSummary(dossierID: id, today: state.today) }
        if let fresh { state.units[i] = fresh }
    }

    func changeFilter(_ command: CommandID) {
        switch command {
        case .filterType:
            let order: [EvalType?] = [nil] + EvalType.allCases.map { $0 }
            let i = order.firstIndex(of: state.filter.evalType) ?? 0
            state.filter.evalType = order[(i + 1) % order.count]
        case .filterStatus:
            let order: [ReviewStatus?] = [nil] + ReviewStatus.allCases.map { $0 }
            let i = order.firstIndex(of: state.filter.reviewStatus) ?? 0
            state.filter.reviewStatus = order[(i + 1) % order.count]
        case .filterFlagged: state.filter.flaggedOnly.toggle()
        case .filterOverdue: state.filter.overdueOnly.toggle()
        default: state.filter = UnitFilter()
        }
        reloadUnits()
        info(FilterText.describe(state.filter).isEmpty ? "显示全部单位（\(state.units.count)）" : "\(FilterText.describe(state.filter))：\(state.units.count) 个单位")
    }

    func changeTree(_ command: CommandID) {
        guard let row = state.selectedRow else { return }
        if row.isLeaf {
            if command == .collapse, let parent = row.node.parentID {
                state.collapsed.insert(parent)
                rebuildRows(keeping: parent)
            }
            return
        }
        switch command {
        case .expand: state.collapsed.remove(row.node.id)
        case .collapse: state.collapsed.insert(row.node.id)
        default:
            if state.collapsed.contains(row.node.id) { state.collapsed.remove(row.node.id) } else { state.collapsed.insert(row.node.id) }
        }
        rebuildRows(keeping: row.node.id)
    }

    func rebuildRows(keeping nodeID: String) {
        guard let d = state.dossier else { return }
        state.sheetRows = SheetRows.visible(d.template, collapsed: state.collapsed)
        if let i = state.sheetRows.firstIndex(where: { $0.node.id == nodeID }) { state.sheetPosition.set(i, count: state.sheetRows.count) }
        keepCursorsVisible()
    }

    /// Moves the scoresheet cursor to a node, expanding its ancestors.
    func reveal(nodeID: String) {
        guard let d = state.dossier else { return }
        var parent = d.template.node(id: nodeID)?.parentID
        while let p = parent {
            state.collapsed.remove(p)
            parent = d.template.node(id: p)?.parentID
        }
        rebuildRows(keeping: nodeID)
        setFocus(.sheet)
    }
}
