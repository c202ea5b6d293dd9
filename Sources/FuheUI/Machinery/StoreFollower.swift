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
    /// Journal entries read per poll at most; beyond that the workstation reloads everything.
    let limit: Int

    /// Takes the journal position now: create it before the workstation loads what it shows.
    public init(repository: ReviewRepository, limit: Int = 500) throws {
        self.repository = repository
        self.limit = limit
        version = try repository.storeVersion()
        position = try repository.journalHead()
    }

    /// Nil when nothing was committed by another session since the last poll (the usual case:
    /// one `PRAGMA`); otherwise what changed, with the position moved past it.
    public func poll() throws -> StoreChanges? {
        let now = try repository.storeVersion()
        guard now != version else { return nil }
        var feed = try repository.changes(since: position, limit: limit)
        if !feed.isComplete {
            // More than a screen can say: everything is reloaded; carry on from the head.
            feed.head = max(feed.head, try repository.journalHead())
        }
        // Moved on only once the feed is read: a poll that fails is asked again next time.
        version = now
        position = max(position, feed.head)
        let others = feed.fromOthers(than: repository.session)
        var dossiers: [String: Dossier] = [:]
        // The first change is named in full: read its dossier (ids of rows and items → names).
        if let ids = others.first?.dossierIDs, ids.count == 1, let id = ids.first {
            dossiers[id] = try? repository.dossier(id: id)
        }
        return StoreChanges(feed: feed, dossiers: dossiers)
    }
}
