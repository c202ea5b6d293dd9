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
}
