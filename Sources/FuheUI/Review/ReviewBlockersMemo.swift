import FuheCore
import Synchronization

/// What `ReviewLifecycle.blockers` (FuheCore) answered for the open dossier, kept until the
/// dossier or its scores change: the status line asks whether 提交 and the other steps are
/// offered after every key, and the submit rule reads every row of the dossier.
///
/// Answers are keyed by ``AppState/dossierRevision``, which is unique across all states (a copy
/// of a state shares its number only while it shares the dossier), so one memo can be shared by
/// a state and its copies; and by the actor (the role decides some steps).
final class ReviewBlockersMemo: Sendable {
    private struct Kept {
        var revision = -1
        var actor: Actor?
        var answers: [ReviewAction: [ValidationMessage]] = [:]
    }

    private let kept = Mutex(Kept())

    init() {}

    /// The rule's answer for `action` at `revision`, asking `rule` only the first time.
    func blockers(_ action: ReviewAction, revision: Int, actor: Actor, rule: () -> [ValidationMessage]) -> [ValidationMessage] {
        if let known = kept.withLock({ $0.revision == revision && $0.actor == actor ? $0.answers[action] : nil }) {
            return known
        }
        let answer = rule()
        kept.withLock { kept in
            if kept.revision != revision || kept.actor != actor { kept = Kept(revision: revision, actor: actor) }
            kept.answers[action] = answer
        }
        return answer
    }
}

/// Numbers for ``AppState/dossierRevision``: each one is given out once.
enum DossierRevision {
    private static let last = Atomic<Int>(0)

    static func next() -> Int { last.add(1, ordering: .relaxed).newValue }
}
