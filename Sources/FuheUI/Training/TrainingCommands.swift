import FuheCore
import FuheTraining
import TermCore

extension CommandID {
    public static let lessonMenu = CommandID("demo.lessons")
    public static let lessonHint = CommandID("demo.hint")
    public static let resetSandbox = CommandID("demo.reset")
}

/// The lessons of the training demo and the one in progress (in `AppState` by type; empty
/// outside `fuhe demo`).
struct LessonSession: ViewState {
    var lessons: [Lesson] = []
    /// The lesson in progress and its 1-based number.
    var run: LessonRun?
    var number = 0
    /// A lesson to begin once the sandbox is reloaded (its baseline is taken then).
    var starting: Int?
}

/// The training demo's keys (`fuhe demo`): the lesson menu, the hint, the sandbox reset. Outside
/// the demo they are refused with a word on the status line.
enum TrainingCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.lessonMenu, [.character("T"), .function(2)], .training, "课程菜单：选择并开始一课（沙盒先重置）", hint: "课程",
              when: inDemo(.lessonMenu)) { ctx in
            let session = ctx.state[LessonSession.self]
            guard !session.lessons.isEmpty else { ctx.info("没有课程"); return }
            ctx.push(LessonMenu(position: ListPosition(cursor: max(0, min(session.number - 1, session.lessons.count - 1)))))
        },
        .init(.lessonHint, [.character("I")], .training, "显示当前步骤的提示（课程窗格放不下时在框中显示全文）", hint: "提示", when: inDemo(.lessonHint)) { ctx in
            guard ctx.state[LessonSession.self].run?.current != nil else {
                ctx.info("没有进行中的课程：按 \(ctx.key(.lessonMenu)) 选择一课")
                return
            }
            ctx.state[LessonSession.self].run?.revealHint()
            ctx.publishLesson()
            // A lesson pane too small for the step, the note and the hint: show them whole.
            if let lesson = ctx.state.training?.lesson, LessonPaneView.isCut(lesson, width: ctx.state.width, rows: TrainingRows(ctx.state).lesson) {
                let hint = ctx.state[LessonSession.self].run?.current?.hint
                ctx.push(TextBox(title: "课程 \(lesson.number) · 全文", paragraphs: LessonPaneView.fullText(lesson, hint: hint)))
            }
        },
        .init(.resetSandbox, [.function(5)], .training, "重置沙盒：重新载入示例数据（连按两次；正在上的课从头开始）", hint: "重置",
              when: inDemo(.resetSandbox)) { ctx in
            guard ctx.state.training?.resetArmed == true else {
                ctx.state.training?.resetArmed = true
                ctx.info("再按一次 \(ctx.key(.resetSandbox)) 重置沙盒：演示中的修改全部丢弃（按其他键取消）")
                return
            }
            ctx.state.training?.resetArmed = false
            let session = ctx.state[LessonSession.self]
            if let run = session.run, !run.isFinished {
                ctx.startLesson(session.number)
            } else {
                ctx.emit(.resetSandbox(SandboxReset()))
            }
        },
    ]

    /// Available only in the demo.
    static func inDemo(_ id: CommandID) -> @Sendable (AppState) -> Availability {
        { state in
            state.training != nil ? .available
                : .refused("\(state.keymap.keyLabel(id))：\(KeyStrip.short(CommandRegistry.spec(id).help))仅在培训演示中可用（fuhe demo）")
        }
    }
}

extension UpdateContext {
    /// Starts lesson `number` (1-based) on a freshly reset sandbox with the lesson's setup applied;
    /// the lesson begins when the reloaded sandbox is in (`coachLesson`).
    mutating func startLesson(_ number: Int) {
        guard state.training != nil else { fail("课程仅在培训演示中可用（fuhe demo）"); return }
        let lessons = state[LessonSession.self].lessons
        guard lessons.indices.contains(number - 1) else { fail("没有第 \(number) 课（共 \(lessons.count) 课）"); return }
        let lesson = lessons[number - 1]
        let setup = lesson.setup.map { change -> (dossierID: String, change: StoreChange) in
            switch change {
            case .removeItem(let dossier, let item): (dossier, .removeItem(id: item))
            case .removeFinding(let dossier, let finding): (dossier, .removeFinding(id: finding))
            }
        }
        emit(.resetSandbox(SandboxReset(lesson: number, setup: setup, reason: "课程准备：\(lesson.title)")))
    }

    /// The sandbox holds fresh samples: everything that referred to the old data is dropped
    /// (undo, search, filters, overlays) and the samples are shown from the first unit.
    mutating func receiveSandboxReset(_ reset: SandboxReset, setupFailure: EffectFailure?) {
        state.undo = UndoHistory()
        searchCache.removeAll()
        clearOverlays()
        state.lastQuery = nil
        state[UnitsPane.self] = UnitsPane()
        state[ScoresheetPane.self] = ScoresheetPane()
        state[ItemsPane.self] = ItemsPane()
        state[DetailArea.self] = DetailArea()
        state.saveState = .saved
        state.dossier = nil
        state.scored = nil
        emit(.loadSchemes)
        reloadUnits(openFirst: true)
        state.focus = FocusRing.panes.first?.id ?? .units
        state[LessonSession.self].run = nil
        state[LessonSession.self].number = 0
        state.training?.lesson = nil
        if let setupFailure {
            fail(setupFailure.text)
        } else if let lesson = reset.lesson {
            state[LessonSession.self].starting = lesson
        } else {
            keepCursorsVisible()
            info("沙盒已重置：示例数据已重新载入")
        }
    }

    /// Copies the lesson run into the state the lesson pane renders.
    mutating func publishLesson() {
        let session = state[LessonSession.self]
        guard let run = session.run else { state.training?.lesson = nil; return }
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
        state.training?.lesson = LessonPaneModel(number: session.number, title: run.lesson.title,
                                                 steps: run.lesson.steps.map(\.instruction), current: run.step, note: note)
        keepCursorsVisible()
    }

    /// After each key (and each late result) in the demo: a lesson waiting for the reloaded
    /// sandbox begins, and the lesson in progress is checked against the new state. `reader`
    /// reads dossiers other than the open one (lesson checks may look at them).
    mutating func coachLesson(reader: @escaping (String) -> Dossier?) {
        guard state.training != nil else { return }
        let world = lessonWorld(reader: reader)
        if let number = state[LessonSession.self].starting {
            state[LessonSession.self].starting = nil
            let lessons = state[LessonSession.self].lessons
            guard lessons.indices.contains(number - 1) else { return }
            let lesson = lessons[number - 1]
            state[LessonSession.self].number = number
            state[LessonSession.self].run = LessonRun(lesson: lesson, world: world)
            state[LessonSession.self].run?.update(world)
            publishLesson()
            info("第 \(number) 课「\(lesson.title)」开始（沙盒已重置）· \(label(.lessonHint)) · \(label(.lessonMenu))")
        }
        guard var run = state[LessonSession.self].run, !run.isFinished else { return }
        run.update(world)
        state[LessonSession.self].run = run
        publishLesson()
        if run.isFinished { info("第 \(state[LessonSession.self].number) 课完成 ✓ 按 \(key(.lessonMenu)) 选择下一课") }
    }

    /// "T 课程": a training command's key and banner label.
    func label(_ id: CommandID) -> String { "\(key(id)) \(CommandRegistry.spec(id).hint ?? "")" }

    /// What lesson checks can see now.
    func lessonWorld(reader: @escaping (String) -> Dossier?) -> LessonWorld {
        let open = state.dossier
        return LessonWorld(openDossierID: open?.id, focus: LessonPane(rawValue: state.focus.rawValue) ?? .units,
                           selectedRowCode: state.selectedRow?.node.code, selectedItemID: state.selectedItem?.id,
                           selectedMessageCode: MessagesOverlay.selected(state)?.code,
                           dossier: { id in id == open?.id ? open : reader(id) })
    }
}
