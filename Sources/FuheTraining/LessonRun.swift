/// A lesson in progress: the current step, the baseline it compares against, and what to tell
/// the trainee. `update` is called after every key; it completes every step whose check now
/// holds and looks for a mistake in the current one.
///
/// A mistake is reported only when the state has moved into it: mistakes that already hold when a
/// step starts stay quiet until they stop holding, so a step never opens with a reproach.
public struct LessonRun: Sendable {
    public let lesson: Lesson
    /// Index of the current step; `lesson.steps.count` once the lesson is finished.
    public private(set) var step = 0
    public let baseline: LessonBaseline
    /// The explanation of the mistake the state is in now.
    public private(set) var mistake: String?
    /// What the last completed step taught (its `done` text, or "" when it has none).
    public private(set) var lastDone: String?
    /// The current step's hint was asked for.
    public private(set) var hintShown = false
    private var quiet: Set<Int> = []

    public init(lesson: Lesson, world: LessonWorld) {
        self.lesson = lesson
        baseline = LessonBaseline(dossiers: lesson.dossierIDs, world: world)
        enterStep(world)
    }

    public var isFinished: Bool { step >= lesson.steps.count }
    public var current: LessonStep? { isFinished ? nil : lesson.steps[step] }

    /// Re-evaluates the lesson on the new state; returns how many steps this completed.
    @discardableResult
    public mutating func update(_ world: LessonWorld) -> Int {
        var completed = 0
        while let s = current, LessonChecker.holds(s.check, in: world, baseline: baseline) {
            lastDone = s.done ?? ""
            step += 1
            completed += 1
            enterStep(world)
        }
        guard let s = current else { mistake = nil; return completed }
        let holding = s.mistakes.indices.filter { LessonChecker.holds(s.mistakes[$0].check, in: world, baseline: baseline) }
        quiet.formIntersection(holding)
        mistake = holding.first { !quiet.contains($0) }.map { s.mistakes[$0].explain }
        return completed
    }

    /// Shows the current step's hint.
    public mutating func revealHint() {
        hintShown = current != nil
    }

    private mutating func enterStep(_ world: LessonWorld) {
        mistake = nil
        hintShown = false
        guard let s = current else { quiet = []; return }
        quiet = Set(s.mistakes.indices.filter { LessonChecker.holds(s.mistakes[$0].check, in: world, baseline: baseline) })
    }
}
