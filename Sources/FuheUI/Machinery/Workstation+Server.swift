import FuheCore

/// What a server-backed run loop tells the workstation besides keys and effect results.
extension Workstation {
    /// A sentence about the connection (lost, reconnected) on the status line.
    public func notify(_ text: String) {
        update { $0.info(text) }
    }

    /// Other sessions committed (the server pushed their batches): the unit list and the open
    /// dossier are read again, cursors kept, and the first batch is said on the status line.
    public func othersCommitted(_ feed: ChangeFeed, session: String) {
        update { ctx in
            ctx.reloadUnits()
            if let id = ctx.state.dossier?.id, feed.dossierIDs.contains(id) || !feed.isComplete { ctx.load(id, mode: .refresh) }
            if let first = feed.fromOthers(than: session).first {
                ctx.info(ChangeText.sentence(first, dossier: ctx.state.dossier, withUnit: true))
            }
        }
    }
}
