/// What was committed to a store after a journal position, oldest first, grouped by batch (one
/// batch = one action: an edit, an undo, an import, a merge). A session follows the store by
/// asking for the feed after the position it last saw and moving on to `head`.
public struct ChangeFeed: Sendable, Hashable {
    /// The position asked about.
    public var since: JournalPosition
    /// The last position read: ask from here next time.
    public var head: JournalPosition
    public var batches: [ChangeBatch]
    /// False when there was more than the limit asked for: reload everything rather than
    /// patching what is on screen.
    public var isComplete: Bool

    public init(since: JournalPosition, head: JournalPosition, batches: [ChangeBatch], isComplete: Bool) {
        self.since = since
        self.head = head
        self.batches = batches
        self.isComplete = isComplete
    }

    /// Builds the feed from journal entries in order.
    public init(since: JournalPosition, entries: [JournalEntry], isComplete: Bool) {
        var batches: [ChangeBatch] = []
        for e in entries {
            if batches.last?.batch == e.batch { batches[batches.count - 1].entries.append(e) } else {
                batches.append(ChangeBatch(batch: e.batch, entries: [e]))
            }
        }
        self.init(since: since, head: entries.last.map { JournalPosition($0.seq) } ?? since, batches: batches, isComplete: isComplete)
    }

    /// Nothing new.
    public var isEmpty: Bool { batches.isEmpty }

    /// The dossiers any batch touched (a lease status change counts for its units).
    public var dossierIDs: Set<String> {
        Set(batches.flatMap { $0.entries.compactMap(\.record.dossierID) })
    }

    /// The batches written by other sessions than `session` (what a session must be told about).
    public func fromOthers(than session: String) -> [ChangeBatch] {
        batches.filter { $0.session != session }
    }
}

/// The journal entries of one batch: one action by one actor in one session.
public struct ChangeBatch: Sendable, Hashable {
    public var batch: Int64
    /// One entry per changed field (or whole entity), in order.
    public var entries: [JournalEntry]

    public init(batch: Int64, entries: [JournalEntry]) {
        self.batch = batch
        self.entries = entries
    }

    public var actor: String { entries.first?.record.actor ?? "" }
    public var origin: String { entries.first?.record.origin ?? "" }
    public var reason: String? { entries.first?.record.reason }
    public var session: String? { entries.first?.record.session }
    /// ISO 8601 time of the batch.
    public var at: String { entries.first?.at ?? "" }
    public var dossierIDs: Set<String> { Set(entries.compactMap(\.record.dossierID)) }
}
