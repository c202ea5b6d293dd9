import FuheCore

/// Results of effects coming back into the state. Each message is handled where its data
/// belongs (the unit list, the open dossier, edits, undo, history, the sandbox).
extension UpdateContext {
    mutating func receive(_ message: Message) {
        switch message {
        case .schemesLoaded(let schemes):
            state.gradeSchemes = schemes
        case .unitsLoaded(let request, let page, let leased):
            UnitsPane.receive(request, page: page, leased: leased, in: &self)
        case .unitKeysLoaded(let request, let keys):
            UnitsPane.receive(request, keys: keys, in: &self)
        case .dossierLoaded(let request, let dossier):
            receiveDossier(request, dossier)
        case .unitRefreshed(let id, let summary):
            UnitsPane.replace(id, with: summary, in: &state)
        case .applied(let edit, let batch):
            receiveApplied(edit, batch: batch)
        case .reverted(let revert, let batch):
            receiveReverted(revert, batch: batch)
        case .historyLoaded(let request, let entries):
            receiveHistory(request, entries)
        case .cycleLoaded(let request, let data):
            receiveCycle(request, data)
        case .sandboxReset(let reset, let failure):
            receiveSandboxReset(reset, setupFailure: failure)
        case .documentsWritten(let request, let written):
            DocumentsCommands.receive(request, written, in: &self)
        case .failed(let effect, let failure):
            receiveFailure(of: effect, failure)
        case .storeChanged(let changes):
            receiveStoreChanged(changes)
        case .intakeDone(let request, let result):
            receiveIntake(request, result)
        }
    }

    private mutating func receiveFailure(of effect: Effect, _ failure: EffectFailure) {
        switch effect {
        case .apply(let edit):
            receiveRefusal(of: edit, failure)
        case .revert(let revert):
            receiveRevertFailure(revert, failure)
        case .history:
            fail("读取修改历史失败：\(failure.text)")
        case .writeDocuments(let request):
            DocumentsCommands.receiveFailure(request, failure, in: &self)
        default:
            fail(failure.text)
        }
    }

    /// Asks for a dossier: to open it, or to refresh the open one after a write.
    mutating func load(_ id: String, mode: DossierRequest.Mode, then: FollowUp? = nil) {
        emit(.loadDossier(DossierRequest(id: id, mode: mode, then: then)))
    }

    /// Asks for the unit list again (after a filter or sort change, a reset, another session's
    /// commit): the window around the selected (or open, or remembered) unit, which keeps the
    /// cursor on it by id.
    mutating func reloadUnits(openFirst: Bool = false, announceFilter: Bool = false) {
        let pane = state[UnitsPane.self]
        let anchor = UnitsPane.selected(state)?.dossierID ?? state.dossier?.id ?? state.pendingRestore?.dossierID
        var request = UnitsRequest(filter: pane.filter, today: state.today, openFirst: openFirst, announceFilter: announceFilter)
        request.order = UnitsPane.order(pane.sort)
        request.anchor = anchor
        request.start = max(0, pane.position.cursor - request.limit / 3)
        emit(.loadUnits(request))
    }
}
