import FuheCore

/// An entity key on the wire.
public struct WireKey: Codable, Sendable, Hashable {
    public var dossierID: String, entity: String, id: String
    public init(_ k: EntityKey) { dossierID = k.dossierID; entity = k.entity; id = k.id }
    public var key: EntityKey { EntityKey(dossierID: dossierID, entity: entity, id: id) }
}

/// One change: the entity and its stored JSON afterwards (nil = removed). The server makes the
/// `StoreChange` again from it (`StoreChange.making`), so the client sends values, not SQL.
public struct WireChange: Codable, Sendable, Hashable {
    public var entity: String, id: String
    public var json: String?
    public init(_ change: StoreChange, dossierID: String) {
        entity = change.entity; id = change.entityID(dossierID: dossierID); json = change.storedJSON
    }
    public func change() throws -> StoreChange { try StoreChange.making(entity: entity, entityID: id, json: json) }
}

/// What an edit was based on, as stored text (`SeenEntities`).
public struct WireSeen: Codable, Sendable {
    public var wholeDossier: Bool
    public var entities: [WireEntity]
    public init(_ seen: SeenEntities) {
        wholeDossier = seen.scope == .dossier
        entities = seen.entities.keys.sorted().map { WireEntity(key: WireKey($0), json: seen.entities[$0] ?? "") }
    }
    public var seen: SeenEntities {
        SeenEntities(scope: wholeDossier ? .dossier : .touched, entities: Dictionary(entities.map { ($0.key.key, $0.json) }, uniquingKeysWith: { a, _ in a }))
    }
}

public struct WireEntity: Codable, Sendable, Hashable {
    public var key: WireKey
    public var json: String
}

/// `POST /v1/dossiers/ID/apply`: one edit, compare-and-set on `seen` (nil: unconditional, refused
/// for people's edits on the server).
public struct ApplyRequest: Codable, Sendable {
    public var changes: [WireChange]
    public var seen: WireSeen?
    public var reason: String?
    public var origin: String
    public var session: String
    public init(changes: [WireChange], seen: WireSeen?, reason: String?, origin: String, session: String) {
        self.changes = changes; self.seen = seen; self.reason = reason; self.origin = origin; self.session = session
    }
}

/// The batch written (nil: nothing changed).
public struct BatchAnswer: Codable, Sendable {
    public var batch: Int64?
    public init(batch: Int64?) { self.batch = batch }
}

/// `POST /v1/revert`: undo or redo one of the session's batches.
public struct RevertRequest: Codable, Sendable {
    public var batch: Int64
    public var session: String
    public init(batch: Int64, session: String) { self.batch = batch; self.session = session }
}

/// A journal entry on the wire.
public struct WireEntry: Codable, Sendable, Hashable {
    public var seq: Int64, at: String, batch: Int64
    public var actor: String, origin: String, dossierID: String?, entity: String, entityID: String, field: String
    public var old: String?, new: String?, reason: String?, session: String?

    public init(_ e: JournalEntry) {
        seq = e.seq; at = e.at; batch = e.batch
        let r = e.record
        actor = r.actor; origin = r.origin; dossierID = r.dossierID; entity = r.entity; entityID = r.entityID; field = r.field
        old = r.old; new = r.new; reason = r.reason; session = r.session
    }

    public var entry: JournalEntry {
        JournalEntry(seq: seq, at: at, batch: batch,
                     record: JournalRecord(actor: actor, origin: origin, dossierID: dossierID, entity: entity, entityID: entityID,
                                           field: field, old: old, new: new, reason: reason, session: session))
    }
}

/// `GET /v1/changes?since=N&wait=S`: the feed after a position (held open up to `wait` seconds
/// until something is committed: the server pushes by answering).
public struct WireFeed: Codable, Sendable {
    public var since: Int64, head: Int64, isComplete: Bool
    public var entries: [WireEntry]
    public init(_ feed: ChangeFeed) {
        since = feed.since.seq; head = feed.head.seq; isComplete = feed.isComplete
        entries = feed.batches.flatMap(\.entries).map(WireEntry.init)
    }
    public var feed: ChangeFeed {
        var f = ChangeFeed(since: JournalPosition(since), entries: entries.map(\.entry), isComplete: isComplete)
        f.head = JournalPosition(head)
        return f
    }
}

/// Journal entries, newest first (`GET /v1/history`).
public struct WireEntries: Codable, Sendable {
    public var entries: [WireEntry]
    public init(_ entries: [JournalEntry]) { self.entries = entries.map(WireEntry.init) }
}

/// A refused stale write.
public struct WireStale: Codable, Sendable {
    public var action: String
    public var batch: Int64?
    public var leaseID: String?
    public var dossierID: String
    public var fields: [WireStaleField]

    public init(_ s: StaleWrite) {
        switch s.action {
        case .edit: action = "edit"; batch = nil; leaseID = nil
        case .revert(let b): action = "revert"; batch = b; leaseID = nil
        case .merge(let l): action = "merge"; batch = nil; leaseID = l
        }
        dossierID = s.dossierID
        fields = s.fields.map(WireStaleField.init)
    }

    public var staleWrite: StaleWrite {
        let a: StaleWrite.Action = switch action {
        case "revert": .revert(batch: batch ?? 0)
        case "merge": .merge(leaseID: leaseID ?? "")
        default: .edit
        }
        return StaleWrite(action: a, dossierID: dossierID, fields: fields.map(\.field))
    }
}

public struct WireStaleField: Codable, Sendable {
    public var key: WireKey, name: String, base: String?, current: String?, proposed: String?, changedBy: String?, changedAt: String?
    public init(_ f: StaleField) {
        key = WireKey(f.key); name = f.field; base = f.base; current = f.current; proposed = f.proposed
        changedBy = f.changedBy; changedAt = f.changedAt
    }
    public var field: StaleField {
        StaleField(key: key.key, field: name, base: base, current: current, proposed: proposed, changedBy: changedBy, changedAt: changedAt)
    }
}

/// A refused undo (`UndoRefusal`).
public struct WireUndoRefusal: Codable, Sendable {
    public var batch: Int64
    /// Set when the batch is another session's.
    public var otherActor: String?
    public init(_ r: UndoRefusal) {
        switch r {
        case let .otherSession(batch, actor): self.batch = batch; otherActor = actor
        case let .notRevertible(batch): self.batch = batch; otherActor = nil
        }
    }
    public var refusal: UndoRefusal {
        otherActor.map { .otherSession(batch: batch, actor: $0) } ?? .notRevertible(batch: batch)
    }
}
