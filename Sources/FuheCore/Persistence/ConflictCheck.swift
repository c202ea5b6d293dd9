/// Compare-and-set, the same in every store: inside its write transaction a store hands this check
/// what it holds now (`StoredEntities`), and the check compares it with what the write was based
/// on; the rule of which fields conflict is `StaleField.conflicts`.
public enum ConflictCheck {
    /// The fields a write of `changes` based on `seen` would overwrite although someone changed
    /// them since (empty: the write may go ahead). `stored` reads the store inside the write's
    /// transaction.
    public static func staleFields(of changes: [StoreChange], to dossierID: String, seen: SeenView,
                                   stored: StoredEntities) throws -> [StaleField] {
        var stale: [StaleField] = []
        var checked = Set<EntityKey>()
        for change in changes {
            let key = change.key(dossierID: dossierID)
            guard checked.insert(key).inserted else { continue }
            // Recognized without encoding when the store can: the check must cost little when
            // nothing changed.
            if let state = seen.state(change), let same = stored.holds, try same(state, key) { continue }
            stale += try conflicts(key, base: seen.json(change, key), proposed: change.storedJSON, stored)
        }
        if seen.scope == .dossier {
            // Every other entity must be as seen: the write's values were computed from them.
            let seenAll = seen.all()
            let now = try stored.all(dossierID)
            for key in Set(seenAll.keys).union(now.keys).sorted() where !checked.contains(key) && seenAll[key] != now[key] {
                stale += try conflicts(key, base: seenAll[key], proposed: seenAll[key], stored)
            }
        }
        return stale
    }

    /// The conflicting fields of one entity, its stored text normalized first (an absent row is
    /// the empty row; text that differs only in encoding is not a change).
    public static func conflicts(_ key: EntityKey, base: String?, proposed: String?, _ stored: StoredEntities) throws -> [StaleField] {
        var current = try stored.current(key)
        if current == nil && key.entity == "result" { current = StoredJSON.encode(IndicatorResult(nodeID: key.id)) }
        if current == base { return [] }
        if let text = current, let reencoded = try? StoreChange.making(entity: key.entity, entityID: key.id, json: text).storedJSON {
            current = reencoded
        }
        return StaleField.conflicts(key: key, base: base, current: current, proposed: proposed)
    }
}

/// A store's entities as they are now, read inside its write transaction.
public struct StoredEntities {
    /// One entity's stored JSON (nil: absent).
    public var current: (EntityKey) throws -> String?
    /// Every entity of a dossier.
    public var all: (String) throws -> EntitySnapshot
    /// A fast path: whether the entity is stored exactly as this seen state (nil: not known).
    public var holds: ((StoreChange, EntityKey) throws -> Bool)?

    public init(current: @escaping (EntityKey) throws -> String?, all: @escaping (String) throws -> EntitySnapshot,
                holds: ((StoreChange, EntityKey) throws -> Bool)? = nil) {
        self.current = current
        self.all = all
        self.holds = holds
    }

    /// Entities held in memory (a snapshot read under a lock).
    public init(_ snapshot: EntitySnapshot) {
        self.init(current: { snapshot[$0] }, all: { id in snapshot.filter { $0.key.dossierID == id } })
    }
}

/// What a write was based on, as the check needs it: each touched entity's stored JSON as seen,
/// and for scope `.dossier` every entity. From a `ChangeBase` (the dossier on screen) or from
/// `SeenEntities` (the same, as text, sent by a client to a server).
public struct SeenView {
    public var scope: ChangeBase.Scope
    let state: (StoreChange) -> StoreChange?
    let json: (StoreChange, EntityKey) -> String?
    let all: () -> EntitySnapshot

    /// Nil for an unconditional write (nothing to compare).
    public init?(_ base: ChangeBase) {
        guard let seen = base.seen else { return nil }
        scope = base.scope
        state = { $0.state(in: seen) }
        json = { change, _ in change.state(in: seen).storedJSON }
        all = { seen.entitySnapshot }
    }

    public init(_ seen: SeenEntities) {
        scope = seen.scope
        state = { _ in nil }
        json = { _, key in
            if let text = seen.entities[key] { return text }
            return key.entity == "result" ? StoredJSON.encode(IndicatorResult(nodeID: key.id)) : nil
        }
        all = { seen.entities }
    }
}

/// What a write was based on, as stored text: sent by a client with its edit so that the server
/// can compare it with what it holds. `entities` has the touched entities as seen (absent = did
/// not exist), or with scope `.dossier` every entity of the dossier.
public struct SeenEntities: Sendable, Hashable {
    public var scope: ChangeBase.Scope
    public var entities: EntitySnapshot

    public init(scope: ChangeBase.Scope, entities: EntitySnapshot) {
        self.scope = scope
        self.entities = entities
    }
}

extension ChangeBase {
    /// The base as text for `changes` to `dossierID` (nil for an unconditional write).
    public func seenEntities(for changes: [StoreChange], dossierID: String) -> SeenEntities? {
        guard let seen else { return nil }
        if scope == .dossier { return SeenEntities(scope: .dossier, entities: seen.entitySnapshot) }
        var entities: EntitySnapshot = [:]
        for change in changes {
            let state = change.state(in: seen)
            if let json = state.storedJSON { entities[change.key(dossierID: dossierID)] = json }
        }
        return SeenEntities(scope: .touched, entities: entities)
    }
}

extension Dossier {
    /// Every entity's stored JSON by key.
    public var entitySnapshot: EntitySnapshot {
        var out: EntitySnapshot = [:]
        for state in entityStates { if let json = state.storedJSON { out[state.key(dossierID: id)] = json } }
        return out
    }
}
