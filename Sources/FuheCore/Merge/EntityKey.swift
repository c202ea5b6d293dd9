/// One mergeable entity of a dossier: a scoresheet row, an evidence entry, a finding, a
/// rectification item, the review header or the self-evaluation header.
public struct EntityKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var dossierID: String
    /// `result`, `evidence`, `finding`, `item`, `review` or `evaluation` (the journal's names).
    public var entity: String
    /// Node id, evidence / finding / item id, or the dossier id for the two headers.
    public var id: String

    public init(dossierID: String, entity: String, id: String) {
        self.dossierID = dossierID
        self.entity = entity
        self.id = id
    }

    public static func < (a: EntityKey, b: EntityKey) -> Bool {
        (a.dossierID, a.entity, a.id) < (b.dossierID, b.entity, b.id)
    }

    public var description: String { "\(dossierID)/\(entity)/\(id)" }
}

/// The stored JSON text of every mergeable entity of some dossiers, by key.
public typealias EntitySnapshot = [EntityKey: String]
