import FuheCore
import FuheTraining

/// The training demo (`fuhe demo`): lessons, the sandbox reset, presentation mode.
extension Workstation {
    /// Turns the workstation into the training demo: the banner, the lesson menu (T), the sandbox
    /// reset (F5) and, when `presenting`, the key strip and marked selected rows.
    public func enableTraining(lessons: [Lesson], sandbox: SandboxControl, presenting: Bool) {
        (runner as? RepositoryRunner)?.sandbox = sandbox
        update { ctx in
            ctx.state[LessonSession.self] = LessonSession(lessons: lessons)
            ctx.state.training = TrainingState(presenting: presenting, lessonTitles: lessons.map(\.title), lessonIntros: lessons.map(\.intro))
            ctx.keepCursorsVisible()
            ctx.info("培训演示：按 \(ctx.key(.lessonMenu)) 选择课程，\(ctx.key(.help)) 查看全部按键；所有修改只在沙盒中")
        }
    }

    /// Starts lesson `number` (1-based) on a freshly reset sandbox with the lesson's setup applied.
    /// Returns false, with the reason on the status line, when that is not possible.
    @discardableResult
    public func startLesson(_ number: Int) -> Bool {
        update { $0.startLesson(number) }
        let beginning = context.state[LessonSession.self].starting == number
        coachLesson()
        return beginning && lessonProgress?.number == number
    }

    /// Shows a replay's progress in the banner; nil returns to the live demo's banner.
    public func showReplay(_ status: ReplayStatus?) {
        update { ctx in
            ctx.state.training?.mode = status.map { .replay($0) } ?? .demo
            ctx.keepCursorsVisible()
        }
    }

    /// The lesson in progress (1-based number and its run), for tests and the runner.
    public var lessonProgress: (number: Int, run: LessonRun)? {
        let session = state[LessonSession.self]
        guard let run = session.run else { return nil }
        return (session.number, run)
    }

    /// Lets the lesson follow the state (after every key and every late result).
    func coachLesson() {
        guard let reader else { return }
        context.coachLesson(reader: reader)
    }
}
