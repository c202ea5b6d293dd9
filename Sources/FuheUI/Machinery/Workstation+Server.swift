import FuheCore

/// What a server-backed run loop tells the workstation besides keys and effect results.
extension Workstation {
    /// The state of the connection, kept on the status line beside the store's name while it
    /// lasts ("连接中断，重连中"), so that it never hides 保存中; nil when connected again.
    public func connection(_ trouble: String?) {
        update { ctx in
            var kind = ctx.state.storeLabel.kind
            if let range = kind.range(of: " · ⚠") { kind = String(kind[..<range.lowerBound]) }
            if let trouble { kind += " · ⚠" + trouble }
            ctx.state.storeLabel.kind = kind
        }
    }

    /// Other sessions committed (the server pushed their batches): the unit list and the open
    /// dossier are read again, cursors kept, and once the dossier is back the first batch is said
    /// on the status line (so what it says is on screen when it is read).
    public func othersCommitted(_ feed: ChangeFeed, session: String) {
        update { ctx in
            ctx.reloadUnits()
            let first = feed.fromOthers(than: session).first
            if let id = ctx.state.dossier?.id, feed.dossierIDs.contains(id) || !feed.isComplete {
                ctx.load(id, mode: .refresh) { ctx in
                    if let first { ctx.info(ChangeText.sentence(first, dossier: ctx.state.dossier, withUnit: true)) }
                }
            } else if let first {
                ctx.info(ChangeText.sentence(first, dossier: ctx.state.dossier, withUnit: true))
            }
        }
    }
}
