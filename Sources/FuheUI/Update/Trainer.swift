import FuheTraining

/// The training demo inside the workstation: the lessons on offer, the sandbox, and the lesson
/// in progress.
final class Trainer {
    let lessons: [Lesson]
    let sandbox: SandboxControl
    /// The lesson in progress and its 1-based number.
    var run: LessonRun?
    var number = 0

    init(lessons: [Lesson], sandbox: SandboxControl) {
        self.lessons = lessons
        self.sandbox = sandbox
    }
}
