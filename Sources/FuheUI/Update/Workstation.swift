import Foundation
import FuheCore
import TermCore

/// The workstation's controller: owns the state, turns keys into commands through the registry,
/// performs them (store writes go through the `ReviewRepository`), and keeps derived state
/// (scored dossier, visible rows) current. Rendering is `Renderer.render(state)`.
public final class Workstation {
    public internal(set) var state: AppState
    let repository: ReviewRepository
    let clock: any Clock
    var schemes: [String: GradeScheme] = [:]
    /// Batches this session wrote (undo) and undid (redo), with the dossier each belongs to.
    var undoStack: [(batch: Int64, dossierID: String)] = []
    var redoStack: [(batch: Int64, dossierID: String)] = []
    /// Prepared search keys per pane, with the texts they were built from.
    var keyCache: [Pane: (texts: [String], keys: [TextMatcher.Key])] = [:]
    /// Where an incremental search started (restored on Esc).
    var searchOrigin: (Pane, Int, String?)?
    /// Set when the user asked to quit.
    public internal(set) var wantsQuit = false
    /// What the last key did (recorded by `fuhe demo --record`, shown by presentation mode).
    public internal(set) var lastOutcome: KeyOutcome?
    /// The training demo's lessons, sandbox and lesson in progress (nil outside `fuhe demo`).
    var trainer: Trainer?

    public init(repository: ReviewRepository, actor: Actor, storeLabel: StoreLabel, clock: any Clock, width: Int, height: Int) {
        self.repository = repository
        self.clock = clock
        self.state = AppState(width: width, height: height, actor: actor, storeLabel: storeLabel, today: clock.today())
    }

    /// Loads the unit list and opens the first unit's scoresheet.
    public func start() {
        perform { schemes = try repository.gradeSchemes() }
        reloadUnits()
        if let first = state.units.first { open(dossierID: first.dossierID) }
        state.focus = .units
        state.message = state.storeLabel.kind == "main" ? "欢迎使用复核工作台 · ? 查看全部按键"
            : "\(state.storeLabel.kind) · ? 查看全部按键"
    }

    /// Handles one key: overlays and the search bar first, then the pane's bindings.
    public func handle(_ key: KeyEvent) {
        if case .resize(let w, let h) = key {
            state.width = w
            state.height = h
            keepCursorsVisible()
            return
        }
        state.message = nil
        state.messageIsError = false
        let outcome = dispatch(key)
        lastOutcome = outcome
        if trainer != nil { trainingAfterKey(outcome) }
    }

    /// Sends a key where it belongs and says what it did.
    private func dispatch(_ key: KeyEvent) -> KeyOutcome {
        if state.searchEditor != nil {
            handleSearchKey(key)
            return KeyOutcome(key: key, context: .search, closed: state.searchEditor == nil)
        }
        if let overlay = state.overlay {
            handleOverlayKey(key, overlay)
            return KeyOutcome(key: key, context: KeyOutcome.Context(overlay), closed: state.overlay == nil)
        }
        guard let command = CommandRegistry.command(for: key, in: state.focus.scope) else {
            return KeyOutcome(key: key, context: .unbound)
        }
        if Self.cursorCommands.contains(command) {
            if state.heldDetail == nil { state.heldDetail = DetailView.hold(state) }
        } else {
            state.heldDetail = nil
        }
        run(command)
        return KeyOutcome(key: key, command: command)
    }

    static let cursorCommands: Set<CommandID> = [.down, .up, .pageDown, .pageUp, .first, .last]

    /// Called when keys pause: the detail area catches up with the cursor. Returns whether the
    /// screen changed (the caller redraws).
    @discardableResult
    public func settle() -> Bool {
        guard state.heldDetail != nil else { return false }
        state.heldDetail = nil
        return true
    }

    /// Runs a command by id (keys, tests and scripts all end here).
    public func run(_ command: CommandID) {
        switch command {
        case .quit: wantsQuit = true
        case .help: state.overlay = .help(top: 0)
        case .back: back()
        case .focusNext: setFocus(Pane(rawValue: (state.focus.rawValue + 1) % 3)!)
        case .focusPrevious: setFocus(Pane(rawValue: (state.focus.rawValue + 2) % 3)!)
        case .down: moveCursor(1)
        case .up: moveCursor(-1)
        case .pageDown: moveCursor(max(1, pageHeight() - 1))
        case .pageUp: moveCursor(-max(1, pageHeight() - 1))
        case .first: moveCursor(-Int.max / 2)
        case .last: moveCursor(Int.max / 2)
        case .detailDown: state.detailTop += 3
        case .detailUp: state.detailTop = max(0, state.detailTop - 3)
        case .searchStart: state.searchEditor = LineEditor(text: "")
        case .searchNext: searchAgain(forward: true)
        case .searchPrevious: searchAgain(forward: false)
        case .undo: undo()
        case .redo: redo()
        case .messages: state.overlay = .messages(ListPosition())
        case .history: showHistory()
        case .openUnit: openSelectedUnit()
        case .filterType, .filterStatus, .filterFlagged, .filterOverdue, .filterClear: changeFilter(command)
        case .expand, .collapse, .toggle: changeTree(command)
        case .editScore, .acceptSuggestion, .verifyActual, .editReason, .editNote, .addEvidence, .addFinding:
            rowCommand(command)
        case .submitReview, .finalizeReview, .returnReview, .reopenReview: reviewCommand(command)
        case .editItem, .createItem, .addProgress, .submitItem, .closeItem, .returnItem, .longTermItem, .resumeItem,
             .withdrawItem, .reopenItem, .extendItem:
            itemCommand(command)
        case .lessonMenu, .lessonHint, .resetSandbox: trainingCommand(command)
        }
    }

    // MARK: helpers shared by the extensions

    /// Runs a throwing store operation, turning failures into a status-line error.
    @discardableResult
    func perform(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return true
        } catch let violation as RuleViolation {
            fail(violation.messages.map { "\($0.code) \($0.message)" }.joined(separator: "；"))
        } catch {
            fail("\(error)")
        }
        return false
    }

    func fail(_ text: String) {
        state.message = text
        state.messageIsError = true
    }

    func info(_ text: String) {
        state.message = text
        state.messageIsError = false
    }

    func pageHeight() -> Int {
        let layout = Layout(state)
        let rect = switch state.focus {
        case .units: layout.units
        case .sheet: layout.sheet
        case .items: layout.items
        }
        return max(1, rect.height - 2)
    }

    func setFocus(_ pane: Pane) {
        state.focus = pane
        state.detailTop = 0
    }
}
