import FuheCore
import FuheTraining
import TermCore

/// The training demo (`fuhe demo`): lessons, the sandbox reset, presentation mode.
extension Workstation {
    /// Turns the workstation into the training demo: the banner, the lesson menu (T), the sandbox
    /// reset (F5) and, when `presenting`, the key strip and marked selected rows.
    public func enableTraining(lessons: [Lesson], sandbox: SandboxControl, presenting: Bool) {
        trainer = Trainer(lessons: lessons, sandbox: sandbox)
        state.training = TrainingState(presenting: presenting, lessonTitles: lessons.map(\.title), lessonIntros: lessons.map(\.intro))
        keepCursorsVisible()
        info("培训演示：按 \(TrainingKeys.key(.lessonMenu)) 选择课程，? 查看全部按键；所有修改只在沙盒中")
    }

    /// Starts lesson `number` (1-based) on a freshly reset sandbox with the lesson's setup applied.
    /// Returns false, with the reason on the status line, when that is not possible.
    @discardableResult
    public func startLesson(_ number: Int) -> Bool {
        guard let trainer else { fail("课程仅在培训演示中可用（fuhe demo）"); return false }
        guard trainer.lessons.indices.contains(number - 1) else { fail("没有第 \(number) 课（共 \(trainer.lessons.count) 课）"); return false }
        let lesson = trainer.lessons[number - 1]
        guard resetSandboxData() else { return false }
        for change in lesson.setup {
            let storeChange: StoreChange = switch change {
            case .removeItem(_, let item): .removeItem(id: item)
            case .removeFinding(_, let finding): .removeFinding(id: finding)
            }
            guard perform({ _ = try repository.apply([storeChange], to: change.dossierID, base: .unconditional, actor: "培训课程", reason: "课程准备：\(lesson.title)", origin: "lesson") }) else {
                reloadAfterReset()
                return false
            }
        }
        reloadAfterReset()
        trainer.number = number
        var run = LessonRun(lesson: lesson, world: lessonWorld())
        run.update(lessonWorld())
        trainer.run = run
        publishLesson()
        info("第 \(number) 课「\(lesson.title)」开始（沙盒已重置）· \(TrainingKeys.label(.lessonHint)) · \(TrainingKeys.label(.lessonMenu))")
        return true
    }

    /// Shows a replay's progress in the banner; nil returns to the live demo's banner.
    public func showReplay(_ status: ReplayStatus?) {
        state.training?.mode = status.map { .replay($0) } ?? .demo
        keepCursorsVisible()
    }

    /// The lesson in progress (1-based number and its run), for tests and the runner.
    public var lessonProgress: (number: Int, run: LessonRun)? {
        guard let trainer, let run = trainer.run else { return nil }
        return (trainer.number, run)
    }

    func trainingCommand(_ command: CommandID) {
        guard let trainer else {
            fail("\(CommandRegistry.spec(command).keyLabel)：\(KeyStrip.short(CommandRegistry.spec(command).help))仅在培训演示中可用（fuhe demo）")
            return
        }
        switch command {
        case .lessonMenu:
            guard !trainer.lessons.isEmpty else { info("没有课程"); return }
            state.overlay = .lessons(ListPosition(cursor: max(0, min(trainer.number - 1, trainer.lessons.count - 1))))
        case .lessonHint:
            guard trainer.run?.current != nil else { info("没有进行中的课程：按 \(TrainingKeys.key(.lessonMenu)) 选择一课"); return }
            trainer.run?.revealHint()
            publishLesson()
        case .resetSandbox:
            guard state.training?.resetArmed == true else {
                state.training?.resetArmed = true
                info("再按一次 \(TrainingKeys.key(.resetSandbox)) 重置沙盒：演示中的修改全部丢弃（按其他键取消）")
                return
            }
            state.training?.resetArmed = false
            if let run = trainer.run, !run.isFinished {
                startLesson(trainer.number)
                return
            }
            guard resetSandboxData() else { return }
            reloadAfterReset()
            trainer.run = nil
            trainer.number = 0
            state.training?.lesson = nil
            keepCursorsVisible()
            info("沙盒已重置：示例数据已重新载入")
        default:
            break
        }
    }

    /// Keys in the lesson menu: j/k move, Enter or a digit starts a lesson, Esc closes.
    func handleLessonMenuKey(_ key: KeyEvent, _ position: ListPosition) {
        let count = trainer?.lessons.count ?? 0
        var pos = position
        if case .character(let c) = key, c.isASCII, let n = c.wholeNumberValue, n >= 1, n <= count {
            state.overlay = nil
            startLesson(n)
            return
        }
        switch key {
        case .escape, .character("q"), .character("T"), .function(2):
            state.overlay = nil
        case .enter:
            state.overlay = nil
            startLesson(pos.cursor + 1)
        default:
            switch CommandRegistry.command(for: key, in: .global) {
            case .down: pos.move(by: 1, count: count)
            case .up: pos.move(by: -1, count: count)
            case .first: pos.set(0, count: count)
            case .last: pos.set(count - 1, count: count)
            default: break
            }
            state.overlay = .lessons(pos)
        }
    }

    /// After every key in the demo: the reset confirmation lapses, the key strip grows, the
    /// lesson is checked against the new state.
    func trainingAfterKey(_ outcome: KeyOutcome) {
        guard state.training != nil else { return }
        if outcome.command != .resetSandbox { state.training?.resetArmed = false }
        if state.training?.presenting == true, var strokes = state.training?.strokes {
            KeyStrip.append(outcome, to: &strokes)
            state.training?.strokes = strokes
        }
        evaluateLesson()
    }

    private func evaluateLesson() {
        guard let trainer, var run = trainer.run, !run.isFinished else { return }
        run.update(lessonWorld())
        trainer.run = run
        publishLesson()
        if run.isFinished { info("第 \(trainer.number) 课完成 ✓ 按 \(TrainingKeys.key(.lessonMenu)) 选择下一课") }
    }

    /// What lesson checks can see now.
    func lessonWorld() -> LessonWorld {
        let open = state.dossier
        var message: String?
        if case .messages(let pos) = state.overlay, let messages = state.scored?.messages, messages.indices.contains(pos.cursor) {
            message = messages[pos.cursor].code
        }
        let pane: LessonPane = switch state.focus {
        case .units: .units
        case .sheet: .sheet
        case .items: .items
        }
        let repository = self.repository
        return LessonWorld(openDossierID: open?.id, focus: pane, selectedRowCode: state.selectedRow?.node.code,
                           selectedItemID: state.selectedItem?.id, selectedMessageCode: message,
                           dossier: { id in id == open?.id ? open : try? repository.dossier(id: id) })
    }

    /// Copies the lesson run into the state the lesson pane renders.
    private func publishLesson() {
        guard let trainer, let run = trainer.run else { state.training?.lesson = nil; return }
        let note: LessonNote
        if run.isFinished {
            note = .finished(run.lesson.outro)
        } else if let mistake = run.mistake {
            note = .mistake(mistake)
        } else if run.hintShown, let hint = run.current?.hint {
            note = .hint(hint)
        } else if let done = run.lastDone {
            note = done.isEmpty ? .none : .done(done)
        } else {
            note = .intro(run.lesson.intro)
        }
        state.training?.lesson = LessonPaneModel(number: trainer.number, title: run.lesson.title,
                                                 steps: run.lesson.steps.map(\.instruction), current: run.step, note: note)
        keepCursorsVisible()
    }

    /// Throws the sandbox's data away and reloads it from the samples; clears undo, search and
    /// filters (they referred to the old data).
    private func resetSandboxData() -> Bool {
        guard let trainer, perform({ try trainer.sandbox.resetSandbox() }) else { return false }
        undoStack.removeAll()
        redoStack.removeAll()
        keyCache.removeAll()
        searchOrigin = nil
        state.overlay = nil
        state.searchEditor = nil
        state.lastQuery = nil
        state.filter = UnitFilter()
        state.collapsed = []
        state.heldDetail = nil
        state.detailTop = 0
        state.saveState = .saved
        state.dossier = nil
        state.scored = nil
        state.units = []
        state.unitPosition = ListPosition()
        return true
    }

    /// Shows the sandbox as it is now, from the first unit.
    private func reloadAfterReset() {
        perform { schemes = try repository.gradeSchemes() }
        reloadUnits()
        if let first = state.units.first { open(dossierID: first.dossierID) }
        state.focus = .units
        state.detailTop = 0
    }
}

/// The training commands' keys and short labels as the banner and messages show them, read from
/// the registry ("T", "T 课程").
enum TrainingKeys {
    static func key(_ id: CommandID) -> String { CommandRegistry.spec(id).keys.first?.description ?? "" }
    static func label(_ id: CommandID) -> String { "\(key(id)) \(CommandRegistry.spec(id).hint ?? "")" }
}
