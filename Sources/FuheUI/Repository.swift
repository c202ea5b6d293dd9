import FuheCore

/// What the workstation needs from a store. `FuheStore` provides it; tests may use another.
/// The UI never sees SQL: it reads dossiers and summaries and sends `StoreChange`s.
public protocol ReviewRepository: AnyObject {
    /// The unit list with summary figures and overdue counts for `today`.
    func unitList(today: CalendarDay?, filter: UnitFilter) throws -> [UnitSummary]
    /// One unit's summary line (refreshed after an edit).
    func unitSummary(dossierID: String, today: CalendarDay?) throws -> UnitSummary?
    /// One whole dossier.
    func dossier(id: String) throws -> Dossier
    /// Grade schemes by id.
    func gradeSchemes() throws -> [String: GradeScheme]
    /// Applies changes as one transaction with journal entries; returns the batch (nil = no change).
    func apply(_ changes: [StoreChange], to dossierID: String, actor: String, reason: String?, origin: String) throws -> Int64?
    /// Reverts a batch (undo); reverting the returned batch redoes it.
    func revert(batch: Int64, actor: String) throws -> Int64?
    /// Journal entries of one entity (or of the whole dossier when `entity` is nil), newest first.
    func history(dossierID: String, entity: String?, entityID: String?) throws -> [JournalEntry]
    /// Units that are out as offline copies: dossier id → "L-1 张三 2026-11-23 起".
    func leasedUnits() throws -> [String: String]
}

extension ReviewRepository {
    public func history(dossierID: String, entity: String?, entityID: String?) throws -> [JournalEntry] { [] }
    public func leasedUnits() throws -> [String: String] { [:] }
}
