import Foundation
import FuheCore
import FuheStore
import FuheUI

/// The SQLite store as the workstation's repository. Writes and undo go through the store's
/// role-aware paths: the review's lifecycle and the session's role on the team decide (a member
/// cannot edit a submitted review or undo a submit), whatever the workstation asked. A failure
/// reaches the workstation as a `StoreError` in the user's words ("库正被另一个程序锁定…",
/// "磁盘已满…"), never as SQLite's.
public final class StoreRepository: ReviewRepository {
    public let store: FuheStore
    public let session: String
    /// The session's role on the review team (the workstation's actor's).
    public let role: TeamRole?

    /// The store as one session's repository (a new session id unless given), for a person in `role`.
    public init(_ store: FuheStore, role: TeamRole?, session: String = UUID().uuidString.lowercased()) {
        self.store = store
        self.role = role
        self.session = session
    }

    private func translated<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw StoreError.translating(error, path: store.name) ?? error }
    }

    public func unitList(today: CalendarDay?, filter: UnitFilter) throws -> [UnitSummary] {
        try translated { try store.unitList(today: today, filter: filter) }
    }

    public func unitPage(_ request: UnitPageRequest) throws -> UnitPage {
        try translated { try store.unitPage(request) }
    }

    public func unitKeys(filter: UnitFilter, order: UnitOrder?, today: CalendarDay?) throws -> [UnitKey] {
        try translated { try store.unitKeys(filter: filter, order: order, today: today) }
    }

    public func unitSummary(dossierID: String, today: CalendarDay?) throws -> UnitSummary? {
        try translated { try store.unitSummary(dossierID: dossierID, today: today) }
    }

    public func dossier(id: String) throws -> Dossier { try translated { try store.dossier(id: id) } }

    public func gradeSchemes() throws -> [String: GradeScheme] { try translated { try store.gradeSchemes() } }

    public func apply(_ changes: [StoreChange], to dossierID: String, base: ChangeBase, actor: String, reason: String?, origin: String) throws -> Int64? {
        try translated {
            try store.apply(changes, to: dossierID, base: base, actor: actor, reason: reason, origin: origin, session: session,
                            person: Actor(name: actor, role: role))
        }
    }

    public func revert(batch: Int64, actor: String) throws -> Int64? {
        try translated { try store.revert(batch: batch, actor: actor, session: session, person: Actor(name: actor, role: role)) }
    }

    public func storeVersion() throws -> StoreVersion { try translated { try store.storeVersion() } }

    public func journalHead() throws -> JournalPosition { try translated { try store.journalHead() } }

    public func changes(since position: JournalPosition, limit: Int) throws -> ChangeFeed { try translated { try store.changes(since: position, limit: limit) } }

    public func history(dossierID: String, entity: String?, entityID: String?) throws -> [JournalEntry] {
        try translated { JournalText.newestFirst(try store.history(dossierID: dossierID, entity: entity, entityID: entityID, limit: 500)) }
    }

    public func findingDigests(dossierID: String?) throws -> [FindingDigest] { try store.findingDigests(dossierID: dossierID) }

    public func itemDigests() throws -> [ItemDigest] { try store.itemDigests() }
    public func itemTable() throws -> ItemTable { try store.itemTable() }

    public func cycleStats(today: CalendarDay) throws -> CycleStats { try store.cycleStats(today: today) }

    public func earlierYears(of dossierID: String) throws -> EarlierYears { try store.earlierYears(of: dossierID) }

    public func unitYears(ofDossier dossierID: String) throws -> [Dossier] {
        guard let unit = try store.unitID(ofDossier: dossierID) else { return [] }
        return try store.dossiers(ofUnit: unit)
    }

    public func leasedUnits() throws -> [String: String] {
        try translated {
            try store.leasedDossiers().mapValues { leases in
                leases.map { "\($0.id) \($0.holder) \($0.sinceDay) 起" }.joined(separator: "；")
            }
        }
    }
}

extension StoreLabel {
    /// The status-line label of a store: nothing for a main store; for a copy, which store it
    /// was taken from and since when (and an id tag so that ids made in it never clash).
    public static func describing(_ store: FuheStore) throws -> StoreLabel {
        switch try store.kind() {
        case .main:
            return StoreLabel(name: store.name, kind: "main")
        case .copy:
            guard let origin = try store.copyOrigin() else { return StoreLabel(name: store.name, kind: "副本") }
            return StoreLabel(name: store.name, kind: "副本 \(origin.leaseID) · 来自 \(origin.sourceName) · \(origin.sinceDay) 起",
                              idTag: origin.leaseID.replacingOccurrences(of: "-", with: ""))
        case .sandbox:
            return StoreLabel(name: store.name, kind: "培训沙盒")
        }
    }
}
