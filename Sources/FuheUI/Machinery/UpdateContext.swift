import Foundation
import FuheCore
import TermCore

/// What a command handler works with: the state to change, the effects it asks for, the clock,
/// and small helpers shared by every view (messages, overlays, edits). Handlers never call the
/// store: they `emit` effects, and the results come back as messages (`receive`).
struct UpdateContext {
    var state: AppState
    /// Effects asked for since the workstation last collected them.
    var effects: [Effect] = []
    let clock: any Clock
    /// Set when the user asked to quit.
    var quitRequested = false
    /// The quit was Ctrl-C's (the program exits 130, as after SIGINT).
    var quitByInterrupt = false
    /// Prepared search keys per pane, with the texts they were built from (pinyin and simplified
    /// forms are costly to derive; matching prepared keys is fast).
    var searchCache: [PaneID: (texts: [String], keys: [TextMatcher.Key])] = [:]
    private var nextEditID = 1
    /// Set by `closeTop()` inside `withTop`.
    private var closingTop = false
    /// Set by `clearOverlays()` inside `withTop`.
    private var clearedOverlays = false

    init(state: AppState, clock: any Clock) {
        self.state = state
        self.clock = clock
    }

    mutating func emit(_ effect: Effect) { effects.append(effect) }

    // MARK: the status line

    mutating func info(_ text: String) {
        state.message = text
        state.messageIsError = false
        log(text)
    }

    mutating func fail(_ text: String) {
        state.message = text
        state.messageIsError = true
        log(text)
    }

    /// Keeps the message for the message log (`z`): a message replaced by the next one in the
    /// same key stays readable.
    private mutating func log(_ text: String) {
        if state.messageLog.last == text { return }
        state.messageLog.append(text)
        if state.messageLog.count > 50 { state.messageLog.removeFirst(state.messageLog.count - 50) }
    }

    /// A command's first key, from the keymap in force ("Enter").
    func key(_ id: CommandID) -> String { state.key(id) }

    // MARK: overlays

    mutating func push(_ overlay: some Overlay) {
        state.overlays.append(OverlayEntry(id: state.nextOverlayID, overlay: overlay))
        state.nextOverlayID += 1
    }

    /// Closes the top overlay (inside `withTop`: the one being handled).
    mutating func closeTop() {
        if inTop { closingTop = true } else if !state.overlays.isEmpty { state.overlays.removeLast() }
    }

    /// Closes every overlay.
    mutating func clearOverlays() {
        state.overlays.removeAll()
        if inTop { clearedOverlays = true }
    }

    private var topDepth = 0
    private var inTop: Bool { topDepth > 0 }

    /// Runs `body` on the top overlay when it is an `O`; it stays on top unless `body` closes it.
    /// Overlays `body` opens go above it.
    mutating func withTop<O: Overlay>(_ type: O.Type, _ body: (inout O, inout UpdateContext) -> Void) {
        guard let index = state.overlays.indices.last, var overlay = state.overlays[index].overlay as? O else { return }
        let entry = state.overlays.remove(at: index)
        let (savedClosing, savedCleared) = (closingTop, clearedOverlays)
        (closingTop, clearedOverlays) = (false, false)
        topDepth += 1
        body(&overlay, &self)
        topDepth -= 1
        if !closingTop && !clearedOverlays {
            state.overlays.insert(OverlayEntry(id: entry.id, overlay: overlay), at: min(index, state.overlays.count))
        }
        (closingTop, clearedOverlays) = (savedClosing, savedCleared)
    }

    // MARK: edits

    /// An edit of the open dossier by this session's actor, based on the dossier as shown now
    /// (in a form's submission: as it was when the form opened). `scope: .dossier` for actions
    /// computed from the whole scoresheet (submit, finalize, return, reopen).
    func edit(_ changes: [StoreChange], reason: String? = nil, scope: ChangeBase.Scope = .touched, success: String,
              then: FollowUp? = nil) -> Edit? {
        guard let shown = state.dossier else { return nil }
        var edit = Edit(dossierID: shown.id, changes: changes, base: .seen(shown, scope: scope), actor: state.actor.name, reason: reason,
                        success: success)
        edit.then = then
        return edit
    }

    /// Sends an edit to the store; returns its id (a form waits for it). The status line says
    /// 保存中 until the result is in.
    @discardableResult
    mutating func save(_ edit: Edit) -> Int {
        var edit = edit
        edit.id = nextEditID
        nextEditID += 1
        state.saveState = .saving
        emit(.apply(edit))
        return edit.id
    }
}
