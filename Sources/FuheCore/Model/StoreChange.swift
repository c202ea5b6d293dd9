/// One change to a dossier. The store diffs it against what is stored and journals each changed
/// top-level field (old → new).
public enum StoreChange: Sendable, Hashable {
    /// Replace the scoresheet row of `result.nodeID`.
    case result(IndicatorResult)
    case evidence(Evidence)
    case removeEvidence(id: String)
    case finding(Finding)
    case removeFinding(id: String)
    case item(RectificationItem)
    /// Remove an item (only used to undo its creation).
    case removeItem(id: String)
    case review(Review?)
    case evaluation(SelfEvaluation)
}
