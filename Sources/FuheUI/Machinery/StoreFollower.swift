import FuheCore

/// What another session committed since the workstation last looked: the change feed, and the
/// dossiers its first changes are about (read to name rows and items in the announcement).
public struct StoreChanges: Sendable {
    public var feed: ChangeFeed
    /// Dossiers by id, as they are now, for naming what changed (may be empty).
    public var dossiers: [String: Dossier]

    public init(feed: ChangeFeed, dossiers: [String: Dossier] = [:]) {
        self.feed = feed
        self.dossiers = dossiers
    }
}

/// Follows the store for one workstation: a cheap poll of `storeVersion()` (SQLite's
/// `data_version`: a shared-memory read, it moves only when another connection commits), and
/// when it moved, the journal entries since the position last seen. The run loop calls it while
/// idle, never before a waiting key.
public final class StoreFollower {
    let repository: ReviewRepository
    private var version: StoreVersion?
    /// The journal position the screen is known to include.
    public private(set) var position: JournalPosition
    /// Journal entries read per page, and pages per poll at most (this session's own writes
    /// count too); beyond that the workstation reloads everything.
    let limit: Int
    let pages: Int

    /// Takes the journal position now: create it before the workstation loads what it shows.
    public init(repository: ReviewRepository, limit: Int = 500, pages: Int = 20) throws {
        self.repository = repository
        self.limit = limit
        self.pages = pages
        version = try repository.storeVersion()
        position = try repository.journalHead()
    }

    /// Nil when nothing was committed by another session since the last poll (the usual case:
    /// one `PRAGMA`); otherwise what others changed (this session's own batches left out), with
    /// the position moved past it.
    public func poll() throws -> StoreChanges? {
        let now = try repository.storeVersion()
        guard now != version else { return nil }
        var page = try repository.changes(since: position, limit: limit)
        var others = page.fromOthers(than: repository.session)
        for _ in 1..<max(1, pages) where !page.isComplete {
            page = try repository.changes(since: page.head, limit: limit)
            for batch in page.fromOthers(than: repository.session) {
                // A batch longer than a page goes on in the next one.
                if others.last?.batch == batch.batch { others[others.count - 1].entries += batch.entries } else { others.append(batch) }
            }
        }
        // More than that is more than a screen can say: everything is reloaded, from the head on.
        let head = page.isComplete ? page.head : max(page.head, try repository.journalHead())
        let feed = ChangeFeed(since: position, head: head, batches: others, isComplete: page.isComplete)
        // Moved on only once the feed is read: a poll that fails is asked again next time.
        version = now
        position = max(position, head)
        var dossiers: [String: Dossier] = [:]
        // The first change is named in full: read its dossier (ids of rows and items → names).
        if let ids = others.first?.dossierIDs, ids.count == 1, let id = ids.first {
            dossiers[id] = try? repository.dossier(id: id)
        }
        return StoreChanges(feed: feed, dossiers: dossiers)
    }
}
