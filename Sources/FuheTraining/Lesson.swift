/// A guided lesson of the training demo: an introduction, the sandbox preparation it needs, and
/// steps the trainee does one after another. Each step waits until its check holds on the
/// workstation's state (never on the keys pressed) and explains known wrong states.
///
/// Lessons are data (`Resources/lessons/*.json`, format `fuhe.lesson/1`, see docs/training.md):
///
/// ```swift
/// let lesson = try LessonFile.decode(data, file: "02-heshan-staffing.json")
/// var run = LessonRun(lesson: lesson, world: world)
/// run.update(world)          // after every key
/// ```
public struct Lesson: Sendable, Equatable {
    /// Stable name ("heshan-staffing").
    public var id: String
    public var title: String
    /// What the lesson teaches, shown when it starts.
    public var intro: String
    /// Changes made to the fresh sandbox before the lesson starts (e.g. removing the worked answer
    /// that the sample already contains, so that the trainee makes it).
    public var setup: [LessonSetup]
    public var steps: [LessonStep]
    /// Shown when every step is done.
    public var outro: String

    public init(id: String, title: String, intro: String, setup: [LessonSetup] = [], steps: [LessonStep], outro: String) {
        self.id = id
        self.title = title
        self.intro = intro
        self.setup = setup
        self.steps = steps
        self.outro = outro
    }

    /// Every dossier a check or a setup change of this lesson names.
    public var dossierIDs: [String] {
        var ids: [String] = []
        func add(_ id: String) { if !ids.contains(id) { ids.append(id) } }
        for s in setup { add(s.dossierID) }
        for step in steps {
            step.check.dossierIDs.forEach(add)
            step.mistakes.flatMap(\.check.dossierIDs).forEach(add)
        }
        return ids
    }
}

/// One step: what to do, the check that says it is done, a hint, and known mistakes.
public struct LessonStep: Sendable, Equatable {
    public var instruction: String
    public var check: LessonCheck
    /// Shown on request (`demo.hint`) or after a mistake.
    public var hint: String
    /// Shown when the step is done (why it was right), optional.
    public var done: String?
    /// Wrong states the trainee may reach, each with an explanation; the first that holds is shown.
    public var mistakes: [LessonMistake]

    public init(instruction: String, check: LessonCheck, hint: String, done: String? = nil, mistakes: [LessonMistake] = []) {
        self.instruction = instruction
        self.check = check
        self.hint = hint
        self.done = done
        self.mistakes = mistakes
    }
}

/// A wrong state and why it is wrong.
public struct LessonMistake: Sendable, Equatable {
    public var check: LessonCheck
    public var explain: String

    public init(check: LessonCheck, explain: String) {
        self.check = check
        self.explain = explain
    }
}

/// A change to the sandbox before a lesson starts.
public enum LessonSetup: Sendable, Equatable {
    /// Removes a rectification item.
    case removeItem(dossier: String, item: String)
    /// Removes a finding (its items must be removed first).
    case removeFinding(dossier: String, finding: String)

    public var dossierID: String {
        switch self {
        case .removeItem(let d, _), .removeFinding(let d, _): d
        }
    }
}
