import FuheCore
import TermCore

/// Keys to commands: the top overlay's scopes first (with the global cursor commands for its
/// list and typed characters for its text field), otherwise the focused pane's chain.
extension UpdateContext {
    /// Handles one key and says what it did (nil for a resize, which is not a key). Whether the
    /// key closed its overlay is known once the effects it asked for are done (`closed(_:)`).
    mutating func handle(_ key: KeyEvent) -> KeyOutcome? {
        if case .resize(let w, let h) = key {
            state.width = w
            state.height = h
            keepCursorsVisible()
            return nil
        }
        state.message = nil
        state.messageIsError = false
        // Alt sent as Esc plus a key, where nothing binds that Alt key: it was Esc, then the key.
        if case .alt(let c) = key, !isBound(key) {
            _ = handle(.escape)
            return handle(.character(c))
        }
        // Ctrl-C reaches the workstation wherever the keys are (a form, a list, the panes); a
        // confirmation waiting for y/n is answered only by those keys.
        if state.keymap.command(for: key, in: [.global]) == .interrupt, let command = CommandRegistry.byID[.interrupt] {
            if state.overlay is ConfirmOverlay {
                info("请回答：\(state.key(.confirmYes)) 确认 / \(state.key(.confirmNo)) 取消")
                return KeyOutcome(key: key, context: .confirm)
            }
            run(command, key: key)
            return KeyOutcome(key: key, command: .interrupt)
        }
        return state.overlays.last.map { dispatch(key, to: $0) } ?? dispatchToPane(key)
    }

    /// Whether a command takes `key` where it lands now (the top overlay, or the focused pane).
    private func isBound(_ key: KeyEvent) -> Bool {
        if let top = state.overlays.last?.overlay { return state.keymap.command(for: key, in: top.keyScopes) != nil }
        return state.keymap.command(for: key, in: Keymap.paneChain(FocusRing.pane(state.focus)?.scope ?? .global)) != nil
    }

    /// The outcome with `closed` set: the overlay the key went to is gone.
    func closed(_ outcome: KeyOutcome) -> KeyOutcome {
        guard let id = outcome.overlayID else { return outcome }
        var done = outcome
        done.closed = !state.overlays.contains { $0.id == id }
        return done
    }

    private mutating func dispatch(_ key: KeyEvent, to entry: OverlayEntry) -> KeyOutcome {
        let overlay = entry.overlay
        var input: CommandID?
        if let id = state.keymap.command(for: key, in: overlay.keyScopes), let command = CommandRegistry.byID[id] {
            input = id
            run(command, key: key)
        } else if overlay.takesListMoves, let id = state.keymap.command(for: key, in: [.global]), let move = Self.listMoves[id] {
            input = id
            moveTopOverlay(move)
        } else if case .character = key {
            typeIntoTop(key)
        } else if case .paste = key {
            typeIntoTop(key)   // a paste is typed text, in one piece (LineEditor.paste)
        }
        var outcome = KeyOutcome(key: key, input: input, context: type(of: overlay).context)
        outcome.overlayID = entry.id
        return outcome
    }

    private mutating func dispatchToPane(_ key: KeyEvent) -> KeyOutcome {
        let scope = FocusRing.pane(state.focus)?.scope ?? .global
        guard let id = state.keymap.command(for: key, in: Keymap.paneChain(scope)), let command = CommandRegistry.byID[id] else {
            return KeyOutcome(key: key, context: .unbound)
        }
        // While the cursor moves the detail area keeps what it showed; any other command
        // brings it up to date.
        if Self.listMoves[id] != nil {
            if state[DetailArea.self].held == nil { state[DetailArea.self].held = DetailArea.hold(state) }
        } else {
            state[DetailArea.self].held = nil
        }
        run(command, key: key)
        return KeyOutcome(key: key, command: id)
    }

    /// Runs a command if it is available now; otherwise the status line says why.
    mutating func run(_ command: WorkstationCommand, key: KeyEvent) {
        switch command.available(state) {
        case .available:
            command.perform(&self, key)
        case .unavailable(let reason, let isError):
            guard let reason else { return }
            if isError { fail(reason) } else { info(reason) }
        }
    }

    /// The global cursor commands and the move each asks for.
    static let listMoves: [CommandID: ListMove] = [.down: .by(1), .up: .by(-1), .pageDown: .page(1), .pageUp: .page(-1), .first: .first, .last: .last]

    private mutating func moveTopOverlay(_ move: ListMove) {
        guard let index = state.overlays.indices.last else { return }
        var overlay = state.overlays[index].overlay
        overlay.move(move, in: state)
        state.overlays[index].overlay = overlay
    }

    /// Sends a key to the top overlay's text field (the canonical key of a text command, or a
    /// typed character).
    mutating func typeIntoTop(_ key: KeyEvent) {
        guard let top = state.overlays.last?.overlay as? any TextInput else { return }
        typeInto(top, key)
    }

    private mutating func typeInto<T: TextInput>(_ top: T, _ key: KeyEvent) {
        withTop(T.self) { input, ctx in input.input(key, in: &ctx) }
    }

    /// Keeps every pane's cursor on screen (rendering reads `top`).
    mutating func keepCursorsVisible() {
        let layout = Layout(state)
        for pane in FocusRing.panes { pane.scroll(&state, layout: layout) }
        UnitsPane.readWindowIfNeeded(in: &self, height: UnitsPane.rect(in: layout).height - 2)
    }

    /// After every key: the demo's reset confirmation lapses and the presentation strip grows.
    mutating func afterKey(_ outcome: KeyOutcome) {
        guard state.training != nil else { return }
        if outcome.command != .resetSandbox { state.training?.resetArmed = false }
        if state.training?.presenting == true, var strokes = state.training?.strokes {
            KeyStrip.append(outcome, to: &strokes)
            state.training?.strokes = strokes
        }
    }
}

/// An overlay with a text field: text commands and typed characters go to it.
protocol TextInput: Overlay {
    /// Applies a key to the field (`LineEditor.handle`) and acts on the outcome.
    mutating func input(_ key: KeyEvent, in ctx: inout UpdateContext)
}
