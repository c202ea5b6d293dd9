import FuheCore
import FuheStore
import FuheUI

/// The SQLite store as the workstation's repository.
public final class StoreRepository: ReviewRepository {
    public let store: FuheStore

    public init(_ store: FuheStore) { self.store = store }

    public func unitList(today: CalendarDay?, filter: UnitFilter) throws -> [UnitSummary] {
        try store.unitList(today: today, filter: filter)
    }

    public func unitSummary(dossierID: String, today: CalendarDay?) throws -> UnitSummary? {
        try store.unitSummary(dossierID: dossierID, today: today)
    }

    public func dossier(id: String) throws -> Dossier { try store.dossier(id: id) }

    public func gradeSchemes() throws -> [String: GradeScheme] { try store.gradeSchemes() }

    public func apply(_ changes: [StoreChange], to dossierID: String, actor: String, reason: String?, origin: String) throws -> Int64? {
        try store.apply(changes, to: dossierID, actor: actor, reason: reason, origin: origin)
    }

    public func revert(batch: Int64, actor: String) throws -> Int64? { try store.revert(batch: batch, actor: actor) }
}
