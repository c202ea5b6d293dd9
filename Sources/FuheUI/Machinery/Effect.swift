import FuheCore

/// Store work the update asks for, as a value (Bubble Tea's commands). An `EffectRunner` performs
/// it against the `ReviewRepository` and answers with a `Message`; the update never calls the
/// store itself, so it can be tested with no store at all.
public enum Effect: Sendable {
    /// Grade schemes → `.schemesLoaded`.
    case loadSchemes
    /// A window of the unit list (and, on a reload, the units out as copies) → `.unitsLoaded`.
    case loadUnits(UnitsRequest)
    /// The whole unit list without figures, for search and the palette → `.unitKeysLoaded`.
    case loadUnitKeys(UnitKeysRequest)
    /// One dossier → `.dossierLoaded`.
    case loadDossier(DossierRequest)
    /// One line of the unit list → `.unitRefreshed`.
    case refreshUnit(dossierID: String, today: CalendarDay)
    /// Changes as one journal batch → `.applied`.
    case apply(Edit)
    /// Undo or redo of a batch → `.reverted`.
    case revert(Revert)
    /// Journal entries of an entity or a dossier → `.historyLoaded`.
    case history(HistoryRequest)
    /// Data of a cross-unit view (findings, every unit's items, the dashboard, a unit's years)
    /// → `.cycleLoaded`.
    case loadCycle(CycleRequest)
    /// The training sandbox reloaded from the samples, then a lesson's setup → `.sandboxReset`.
    case resetSandbox(SandboxReset)
    /// Intake queue, drafts, conversion, report texts → `.intakeDone`.
    case intake(IntakeRequest)
    /// A unit's 意见书 (and 整改通知书) written to the reports folder → `.documentsWritten`.
    case writeDocuments(DocumentsRequest)
}

/// What a runner reports back. Every effect ends in exactly one message.
public enum Message: Sendable {
    case schemesLoaded([String: GradeScheme])
    /// `leased` is nil for a window read while scrolling (the copies are as before).
    case unitsLoaded(UnitsRequest, UnitPage, leased: [String: String]?)
    case unitKeysLoaded(UnitKeysRequest, [UnitKey])
    case dossierLoaded(DossierRequest, Dossier)
    case unitRefreshed(dossierID: String, UnitSummary?)
    case applied(Edit, batch: Int64?)
    case reverted(Revert, batch: Int64?)
    case historyLoaded(HistoryRequest, [JournalEntry])
    case cycleLoaded(CycleRequest, CycleData)
    /// The sandbox was reset; `setupFailure` when a lesson's setup could not be applied.
    case sandboxReset(SandboxReset, setupFailure: EffectFailure?)
    /// The documents written (and a later one's failure, if any).
    case documentsWritten(DocumentsRequest, WrittenDocuments)
    /// The effect failed; nothing was changed by it.
    case failed(Effect, EffectFailure)
    /// Another session committed to the store (`StoreFollower` noticed): reload what is on
    /// screen and say who changed what.
    case storeChanged(StoreChanges)
    case intakeDone(IntakeRequest, IntakeResult)
}

/// Why an effect failed, as the status line says it.
public struct EffectFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    /// Set when the store refused a write made from a stale view: each field with its value now,
    /// as seen and as proposed (for showing current beside typed).
    public var stale: StaleWrite?
    /// Set when an undo or redo was refused by the rules of undo (another session's batch…).
    public var undoRefusal: UndoRefusal?
    public init(_ text: String) { self.text = text }

    /// The rule codes of a violation ("K-003 …；R-006 …"), or the error's own description.
    public init(_ error: any Error) {
        stale = error as? StaleWrite ?? (error as? EffectFailure)?.stale
        undoRefusal = error as? UndoRefusal ?? (error as? EffectFailure)?.undoRefusal
        if let violation = error as? RuleViolation {
            text = violation.messages.map { "\($0.code) \($0.message)" }.joined(separator: "；")
        } else if let failure = error as? EffectFailure {
            text = failure.text
        } else {
            text = "\(error)"
        }
    }

    public var description: String { text }
}

/// Which units to list, and what to do with the list.
public struct UnitsRequest: Sendable {
    public var filter: UnitFilter
    public var today: CalendarDay
    public var order: UnitOrder?
    /// The window: `limit` rows from `start`, or around `anchor` (the unit to keep the cursor on).
    public var start = 0
    public var limit = UnitsRequest.windowRows
    /// Rows the unit list reads at a time.
    public static var windowRows: Int { UnitsPane.windowRows }
    public var anchor: String?
    /// Only the window moves (scrolling): the cursor, the copies and the search keys stay.
    public var scrollOnly = false
    /// Open the first unit when nothing is open (start, sandbox reset).
    public var openFirst = false
    /// Say how many units the filter leaves.
    public var announceFilter = false
}

/// The whole unit list's keys under a filter and an order, and what to do once they are in.
public struct UnitKeysRequest: Sendable {
    public var filter: UnitFilter
    public var order: UnitOrder?
    public var today: CalendarDay
}

/// A dossier to load: to open it (cursors to the top) or to refresh the open one (cursors stay).
public struct DossierRequest: Sendable {
    public enum Mode: Sendable, Equatable { case open, refresh }
    public var id: String
    public var mode: Mode
    /// Runs once the dossier is loaded and scored (select a new item, show the new suggestion).
    var then: FollowUp?
}

/// Work to do when an earlier effect's result is in (it reads the state as it is then).
typealias FollowUp = @Sendable (inout UpdateContext) -> Void

/// Changes to one dossier, written as one journal batch.
public struct Edit: Sendable {
    /// Told apart from other edits in flight (a form waits for its own).
    public internal(set) var id = 0
    public var dossierID: String
    public var changes: [StoreChange]
    /// What the changes were based on: the dossier as shown when the key was pressed or the form
    /// opened. The store refuses the edit (`StaleWrite`) when something it touches changed since.
    public var base: ChangeBase
    public var actor: String
    public var reason: String?
    public var origin = "local"
    /// The status line once stored; nil says nothing (a lesson's setup).
    public var success: String?
    /// Runs after the open dossier was reloaded with the edit in it.
    var then: FollowUp?

    public init(dossierID: String, changes: [StoreChange], base: ChangeBase, actor: String, reason: String? = nil, success: String?) {
        self.dossierID = dossierID
        self.changes = changes
        self.base = base
        self.actor = actor
        self.reason = reason
        self.success = success
    }
}

/// Undo (revert the batch this session wrote last) or redo (revert the undo).
public struct Revert: Sendable, Equatable {
    public enum Direction: Sendable, Equatable { case undo, redo }
    public var batch: Int64
    public var dossierID: String
    public var actor: String
    public var direction: Direction
}

/// The journal of one entity (or of a whole dossier when `entity` is nil).
public struct HistoryRequest: Sendable, Hashable {
    public var dossierID: String
    public var entity: String?
    public var entityID: String?
    public var title: String
}

/// Throw the sandbox's data away and reload the samples; then apply a lesson's setup.
public struct SandboxReset: Sendable {
    /// The lesson (1-based) to start on the fresh data, if any.
    public var lesson: Int?
    public var setup: [(dossierID: String, change: StoreChange)] = []
    /// The journal reason of the setup ("课程准备：…").
    public var reason: String?
}
