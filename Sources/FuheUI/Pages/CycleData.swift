import FuheCore

/// What a cross-unit view asks the store for (`Effect.loadCycle`).
public enum CycleRequest: Sendable, Equatable {
    /// Every finding (or one dossier's).
    case findings(dossierID: String?)
    /// Every unit's rectification items.
    case items
    /// The cycle's figures for the dashboard.
    case stats(today: CalendarDay)
    /// What the open unit's earlier years bring: their open items and findings.
    case earlierYears(dossierID: String)
    /// Every year of the unit of a dossier (the side-by-side view).
    case years(dossierID: String)
}

/// What comes back (`Message.cycleLoaded`).
public enum CycleData: Sendable {
    case findings([FindingDigest])
    case items(ItemTable)
    case stats(CycleStats)
    case earlierYears(EarlierYears)
    case years(dossierID: String, [Dossier])
}

extension ReviewRepository {
    /// The data of a cross-unit view. The store answers from summary columns.
    public func cycle(_ request: CycleRequest) throws -> CycleData {
        switch request {
        case .findings(let id): .findings(try findingDigests(dossierID: id))
        case .items: .items(try itemTable())
        case .stats(let today): .stats(try cycleStats(today: today))
        case .earlierYears(let id): .earlierYears(try earlierYears(of: id))
        case .years(let id): .years(dossierID: id, try unitYears(ofDossier: id))
        }
    }
}

extension UpdateContext {
    /// A cross-unit view's data is in: the page that asked for it takes it.
    mutating func receiveCycle(_ request: CycleRequest, _ data: CycleData) {
        switch data {
        case .findings(let list): updateOverlay(FindingsPage.self) { $0.receive(list) }
        case .items(let list):
            let today = state.today
            updateOverlay(RectOverviewPage.self) { $0.receive(list, today: today) }
        case .stats(let stats): updateOverlay(Dashboard.self) { $0.stats = stats }
        case .earlierYears(let earlier):
            guard state.dossier?.id == earlier.dossierID else { return }
            state[EarlierYearsState.self].value = earlier
            keepCursorsVisible()
        case .years(let id, let dossiers):
            let schemes = state.gradeSchemes
            updateOverlay(YearsPage.self) { $0.receive(dossierID: id, dossiers, schemes: schemes) }
        }
    }

    /// Changes the topmost open overlay of type `O` (wherever it is on the stack).
    mutating func updateOverlay<O: Overlay>(_ type: O.Type, _ change: (inout O) -> Void) {
        guard let index = state.overlays.lastIndex(where: { $0.overlay is O }), var overlay = state.overlays[index].overlay as? O else { return }
        change(&overlay)
        state.overlays[index].overlay = overlay
    }
}
