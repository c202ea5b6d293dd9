import Foundation
import FuheCore
import FuheTraining
import TermCore

/// The workstation program: the state, the update (keys and results → state changes and
/// effects, in `UpdateContext`), and the runner that performs the effects and feeds their results
/// back. Rendering is `Renderer.render(state)`.
///
/// With a `RepositoryRunner` every effect completes before `handle` returns, so a key's whole
/// result is on screen at once. Without a runner the effects wait in `pending`, which is how tests
/// drive the update with no store: press a key, read `pending`, `receive` a result.
public final class Workstation {
    var context: UpdateContext
    let runner: EffectRunner?
    /// Reads dossiers for the training demo's lesson checks (nil without a repository).
    let reader: ((String) -> Dossier?)?
    /// Effects asked for while there is no runner (tests read them and `receive` the results).
    public private(set) var pending: [Effect] = []

    public var state: AppState { context.state }
    /// Whether the detail area is held behind a moving cursor (the run loop asks on every turn;
    /// `state` would copy the whole AppState to answer).
    public var detailHeld: Bool {
        var held = false
        withContext { held = $0.state[DetailArea.self].held != nil }
        return held
    }
    /// Set when the user asked to quit.
    public var wantsQuit: Bool { context.quitRequested }
    /// The user quit with Ctrl-C: the program exits with status 130, as a shell reports an
    /// interrupted program (`q` exits 0).
    public var quitByInterrupt: Bool { context.quitRequested && context.quitByInterrupt }
    /// What the last key did (recorded by `fuhe demo --record`, shown by presentation mode).
    public private(set) var lastOutcome: KeyOutcome?
    /// Notices other sessions' commits (nil without a repository, or when not following).
    public var follower: StoreFollower?

    /// A workstation on a repository: effects are performed at once.
    /// It follows the store (`followStore()`) from the journal position at creation.
    public convenience init(repository: ReviewRepository, actor: Actor, storeLabel: StoreLabel, clock: any Clock, width: Int, height: Int) {
        self.init(runner: RepositoryRunner(repository), actor: actor, storeLabel: storeLabel, clock: clock, width: width, height: height,
                  reader: { try? repository.dossier(id: $0) }, session: repository.session)
        follower = try? StoreFollower(repository: repository)
    }

    /// A workstation on any runner, or none (`pending` collects the effects).
    /// `session` is the repository's session id: changes it wrote are not announced.
    public init(runner: EffectRunner?, actor: Actor, storeLabel: StoreLabel, clock: any Clock, width: Int, height: Int,
                reader: ((String) -> Dossier?)? = nil, session: String = "") {
        self.runner = runner
        self.reader = reader
        var state = AppState(width: width, height: height, actor: actor, storeLabel: storeLabel, today: clock.today())
        state.session = session
        context = UpdateContext(state: state, clock: clock)
    }

    /// Loads the grade schemes and the unit list and opens the first unit's scoresheet — or, with
    /// remembered preferences, the sorts and filters in force then and the unit, row and item the
    /// reviewer was on.
    public func start(restoring preferences: ViewPreferences? = nil) {
        update { ctx in
            if let preferences { ctx.state.restore(preferences) }
            ctx.emit(.loadSchemes)
            ctx.reloadUnits(openFirst: true)
            ctx.intake(.queue(includeClosed: false, announce: true))
            ctx.state.focus = .units
            ctx.info(ctx.state.storeLabel.kind == "main" ? "欢迎使用复核工作台 · \(ctx.key(.help)) 查看全部按键"
                     : "\(ctx.state.storeLabel.kind) · \(ctx.key(.help)) 查看全部按键")
        }
    }

    /// Handles one key (overlays and the search bar first, then the focused pane's bindings).
    public func handle(_ key: KeyEvent) {
        lastKeyMovedIn = nil
        lastKeyChangedNothing = false
        lastKeyCaughtUp = false
        let effectsBefore = effectsAsked
        // Every read of the state goes through `inout` access to the context: reading
        // `context.state` from here (a class's property) copied the whole AppState for each call
        // it was passed to.
        var before: (position: ListPosition?, held: Bool, quiet: Bool, detailTop: Int)?
        var handled: KeyOutcome?
        update { ctx in
            before = (position: FocusRing.pane(ctx.state.focus)?.position(in: ctx.state), held: ctx.state.heldDetail != nil,
                      quiet: ctx.state.message == nil, detailTop: ctx.state[DetailArea.self].top)
            handled = ctx.handle(key)
        }
        guard let handled, let before else { return }
        var outcome = handled
        update { ctx in
            outcome = ctx.closed(handled)
            ctx.afterKey(outcome)
        }
        lastOutcome = outcome
        if context.state.training != nil { coachLesson() }
        // A cursor key in a pane that asked for nothing (no window of the unit list to read, no
        // load) changed only that pane's cursor: `FrameRenderer` redraws only its changed rows.
        guard let command = outcome.command, UpdateContext.listMoves[command] != nil, outcome.overlayID == nil,
              effectsAsked == effectsBefore else { return }
        withContext { ctx in
            guard ctx.state.overlays.isEmpty else { return }
            lastKeyMovedIn = ctx.state.focus
            // A move at the end of the list (`j` on the last row) changed nothing on screen: no
            // frame, and the detail area is not held (its catch-up would redraw the screen). If
            // it was held, the moves have reached their end: it catches up now (a whole frame).
            if before.quiet, ctx.state.message == nil, ctx.state[DetailArea.self].top == before.detailTop, let position = before.position,
               FocusRing.pane(ctx.state.focus)?.position(in: ctx.state) == position {
                ctx.state[DetailArea.self].held = nil
                if before.held { lastKeyMovedIn = nil; lastKeyCaughtUp = true } else { lastKeyChangedNothing = true }
            }
        }
    }

    /// Runs `body` with the context in place (no copy of the state, unlike reading `context`).
    private func withContext(_ body: (inout UpdateContext) -> Void) {
        body(&context)
    }

    /// The pane whose cursor the last `handle` moved, when that key changed nothing else.
    public private(set) var lastKeyMovedIn: PaneID?
    /// The last `handle` was a cursor key that changed nothing on screen (the cursor was
    /// already at the end it moved towards, no message was shown or cleared): no frame is needed.
    public private(set) var lastKeyChangedNothing = false
    /// The last `handle` changed nothing but let the held detail area catch up (the cursor
    /// reached the end of its list): only the detail area is drawn again.
    public private(set) var lastKeyCaughtUp = false
    /// Effects asked for so far (performed or pending).
    private var effectsAsked = 0

    /// Runs a command by name, as its key would in the focused pane (scripts and tests).
    public func run(_ id: CommandID) {
        guard let command = CommandRegistry.byID[id] else { return }
        update { $0.run(command, key: command.spec.keys.first ?? .escape) }
    }

    /// A result that arrives later (from a runner that does not complete at once).
    public func receive(_ message: Message) {
        update { $0.receive(message) }
        if state.training != nil { coachLesson() }
    }

    /// Called while idle (no key waiting): when another session committed to the store, reloads
    /// what is on screen and says who changed what. Returns whether the screen changed. A store
    /// that cannot be read now is asked again next time.
    @discardableResult
    public func followStore() -> Bool {
        guard let follower, let changes = try? follower.poll() else { return false }
        receive(.storeChanged(changes))
        return !changes.feed.batches.isEmpty || !changes.feed.isComplete
    }

    /// Called when keys pause: the detail area catches up with the cursor. Returns whether the
    /// screen changed (the caller redraws).
    @discardableResult
    public func settle() -> Bool {
        guard context.state.heldDetail != nil else { return false }
        context.state[DetailArea.self].held = nil
        return true
    }

    /// Runs an update step, then performs the effects it asked for, feeding each result back
    /// (depth first, as nested calls would: an effect's follow-ups run before the next effect).
    func update(_ body: (inout UpdateContext) -> Void) {
        body(&context)
        perform(takeEffects())
    }

    private func takeEffects() -> [Effect] {
        let effects = context.effects
        context.effects.removeAll()
        return effects
    }

    private func perform(_ effects: [Effect]) {
        effectsAsked += effects.count
        for effect in effects {
            guard let runner else {
                pending.append(effect)
                continue
            }
            // A runner that answers later hands the result to `receive(_:)`.
            guard let message = runner.perform(effect) else { continue }
            context.receive(message)
            perform(takeEffects())
        }
    }

    /// Lets `report.write` write documents (the reports folder, or the demo's sandbox folder).
    public func useDocuments(_ writer: DocumentWriting) {
        (runner as? RepositoryRunner)?.documents = writer
        context.state[DocumentsPlace.self] = writer.place
    }

    /// Puts a keymap in force (the registry's defaults with a configuration's overrides).
    public func use(_ keymap: Keymap) {
        context.state.keymap = keymap
    }

    /// What to remember for the next run on this store.
    public var preferences: ViewPreferences { state.preferences }

    /// Forgets the pending effects (a test has looked at them).
    public func clearPending() { pending.removeAll() }
}
