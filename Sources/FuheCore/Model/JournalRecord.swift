/// One field change to record: who changed which field of which entity, from what to what, why.
public struct JournalRecord: Sendable, Hashable {
    public var actor: String
    /// Where the change was made: `local`, `import`, or the id of the copy it was merged from.
    public var origin: String
    public var dossierID: String?
    /// `dossier`, `result`, `evidence`, `finding`, `item`, `review`, `evaluation`.
    public var entity: String
    public var entityID: String
    /// Top-level field name, or `*` for a whole entity (created / removed / imported).
    public var field: String
    /// JSON text of the old and new values (nil = absent).
    public var old: String?
    public var new: String?
    public var reason: String?
    /// The session that wrote it (one workstation run, one command); undo only reverts its own
    /// session's batches. Nil for entries from before sessions were recorded.
    public var session: String?

    public init(actor: String, origin: String, dossierID: String?, entity: String, entityID: String, field: String,
                old: String?, new: String?, reason: String?, session: String? = nil) {
        self.actor = actor
        self.origin = origin
        self.dossierID = dossierID
        self.entity = entity
        self.entityID = entityID
        self.field = field
        self.old = old
        self.new = new
        self.reason = reason
        self.session = session
    }
}

/// A stored journal entry. Entries written by one action share a `batch` (the unit of undo).
public struct JournalEntry: Sendable, Hashable {
    public var seq: Int64
    public var at: String
    public var batch: Int64
    public var record: JournalRecord

    public init(seq: Int64, at: String, batch: Int64, record: JournalRecord) {
        self.seq = seq
        self.at = at
        self.batch = batch
        self.record = record
    }
}
