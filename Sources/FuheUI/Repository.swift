import FuheCore

/// What the workstation needs from a store. `FuheStore` provides it; tests may use another.
/// The UI never sees SQL: it reads dossiers and summaries and sends `StoreChange`s.
public protocol ReviewRepository: AnyObject {
    /// The unit list with summary figures and overdue counts for `today`.
    func unitList(today: CalendarDay?, filter: UnitFilter) throws -> [UnitSummary]
    /// Rows of the unit list under a filter and an order, with the counts (what a screen shows;
    /// the SQLite store reads only those rows).
    func unitPage(_ request: UnitPageRequest) throws -> UnitPage
    /// The whole unit list under a filter and an order, without the figures (search, palette).
    func unitKeys(filter: UnitFilter, order: UnitOrder?, today: CalendarDay?) throws -> [UnitKey]
    /// One unit's summary line (refreshed after an edit).
    func unitSummary(dossierID: String, today: CalendarDay?) throws -> UnitSummary?
    /// One whole dossier.
    func dossier(id: String) throws -> Dossier
    /// Grade schemes by id.
    func gradeSchemes() throws -> [String: GradeScheme]
    /// This session's id (one workstation run): every batch it writes carries it, and `revert`
    /// reverts only those.
    var session: String { get }
    /// Applies changes as one transaction with journal entries; returns the batch (nil = no
    /// change). Compare-and-set against `base` (the dossier as the user saw it when the form
    /// opened or the key was pressed): throws `StaleWrite` — each field with its value now, as
    /// seen and as proposed — when someone changed it since; nothing is written then.
    func apply(_ changes: [StoreChange], to dossierID: String, base: ChangeBase, actor: String, reason: String?, origin: String) throws -> Int64?
    /// Reverts a batch of this session (undo); reverting the returned batch redoes it. Throws
    /// `UndoRefusal.otherSession` for another session's batch and `StaleWrite` (action
    /// `.revert`) when someone changed those fields since.
    func revert(batch: Int64, actor: String) throws -> Int64?
    /// A cheap token (poll it every few hundred ms while idle): when it differs from the last
    /// one, another session committed; ask `changes(since:)` what.
    func storeVersion() throws -> StoreVersion
    /// Where the store's history stands now (take it when loading what is on screen).
    func journalHead() throws -> JournalPosition
    /// What was committed after `position`, grouped by batch (at most `limit` journal entries).
    func changes(since position: JournalPosition, limit: Int) throws -> ChangeFeed
    /// Journal entries of one entity (or of the whole dossier when `entity` is nil), newest first.
    func history(dossierID: String, entity: String?, entityID: String?) throws -> [JournalEntry]
    /// Units that are out as offline copies: dossier id → "L-1 张三 2026-11-23 起".
    func leasedUnits() throws -> [String: String]
    /// Every finding with its unit and item counts (of one dossier when given), without loading dossiers.
    func findingDigests(dossierID: String?) throws -> [FindingDigest]
    /// Every unit's rectification items, without loading dossiers.
    func itemDigests() throws -> [ItemDigest]
    /// The same as a compact table (the items page reads this one).
    func itemTable() throws -> ItemTable
    /// The cycle's figures (`CycleStats`) on `today`, from summary columns.
    func cycleStats(today: CalendarDay) throws -> CycleStats
    /// What the earlier years of a dossier's unit bring to it (open items, findings).
    func earlierYears(of dossierID: String) throws -> EarlierYears
    /// Every dossier of the unit of a dossier, oldest year first.
    func unitYears(ofDossier dossierID: String) throws -> [Dossier]
}

extension ReviewRepository {
    /// From the whole list, sorted by `UnitOrdering` (a repository that holds the whole list).
    public func unitPage(_ request: UnitPageRequest) throws -> UnitPage {
        UnitOrdering.page(of: try unitList(today: request.today, filter: request.filter), request)
    }
    public func unitKeys(filter: UnitFilter, order: UnitOrder?, today: CalendarDay?) throws -> [UnitKey] {
        UnitOrdering.sorted(try unitList(today: today, filter: filter), by: order).map(UnitKey.init)
    }
    /// Every finding with its unit and item counts (of one dossier when given), without loading dossiers.
    public func findingDigests(dossierID: String?) throws -> [FindingDigest] { [] }
    /// Every unit's rectification items, without loading dossiers.
    public func itemDigests() throws -> [ItemDigest] { [] }
    public func itemTable() throws -> ItemTable { ItemTable(try itemDigests()) }
    public func cycleStats(today: CalendarDay) throws -> CycleStats { CycleStats() }
    public func earlierYears(of dossierID: String) throws -> EarlierYears {
        EarlierYears(dossierID: dossierID, previousDossierID: nil, previousYear: nil, openItems: [], findings: [])
    }
    public func unitYears(ofDossier dossierID: String) throws -> [Dossier] { [try dossier(id: dossierID)] }
    public func history(dossierID: String, entity: String?, entityID: String?) throws -> [JournalEntry] { [] }
    public func leasedUnits() throws -> [String: String] { [:] }
}
