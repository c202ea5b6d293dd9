/// What the training demo adds to the screen (`AppState.training`, nil outside `fuhe demo` and
/// `fuhe replay`): the banner, the key strip of presentation mode, the lesson pane.
public struct TrainingState: Sendable, Equatable {
    /// Live demo, or a replay with its controls.
    public enum Mode: Sendable, Equatable {
        case demo
        case replay(ReplayStatus)
    }

    public var mode: Mode = .demo
    /// Presentation mode: the last keys and their commands are shown, the selected row is marked.
    public var presenting: Bool
    /// The last keys, oldest first (at most `KeyStrip.capacity`).
    public var strokes: [KeyStroke] = []
    /// The lesson in progress, as the lesson pane shows it.
    public var lesson: LessonPaneModel?
    /// Titles and introductions of the lessons offered by the lesson menu.
    public var lessonTitles: [String]
    public var lessonIntros: [String]
    /// F5 was pressed once: the next F5 resets the sandbox.
    public var resetArmed = false

    public init(presenting: Bool, lessonTitles: [String], lessonIntros: [String] = []) {
        self.presenting = presenting
        self.lessonTitles = lessonTitles
        self.lessonIntros = lessonIntros
    }
}

/// One key in the presentation strip: "Enter" and what it did ("打开该单位的评分表").
public struct KeyStroke: Sendable, Equatable {
    public var key: String
    public var action: String
    /// The whole text when this entry gathers typed characters.
    public var typed: String?
    /// How many times in a row the key was pressed with the same effect ("j×5 下移一行").
    public var count = 1

    public init(key: String, action: String) {
        self.key = key
        self.action = action
    }
}

/// Where a replay is.
public struct ReplayStatus: Sendable, Equatable {
    /// Keys played so far and in all.
    public var played: Int
    public var total: Int
    public var speed: Double
    public var paused: Bool
    /// Set when the recording was made at another terminal size ("录制时 100×30").
    public var sizeNote: String?

    public init(played: Int, total: Int, speed: Double, paused: Bool, sizeNote: String? = nil) {
        self.played = played
        self.total = total
        self.speed = speed
        self.paused = paused
        self.sizeNote = sizeNote
    }

    public var finished: Bool { played >= total }
}

/// The lesson pane's content.
public struct LessonPaneModel: Sendable, Equatable {
    /// 1-based lesson number and the number of lessons.
    public var number: Int
    public var title: String
    public var steps: [String]
    /// Index of the current step; `steps.count` when the lesson is finished.
    public var current: Int
    public var note: LessonNote

    public init(number: Int, title: String, steps: [String], current: Int, note: LessonNote) {
        self.number = number
        self.title = title
        self.steps = steps
        self.current = current
        self.note = note
    }

    public var finished: Bool { current >= steps.count }
}

/// The line under the current step.
public enum LessonNote: Sendable, Equatable {
    /// The lesson's introduction (before anything happened).
    case intro(String)
    /// The previous step is done; what it taught.
    case done(String)
    /// The state is wrong in a known way; why.
    case mistake(String)
    /// The hint the trainee asked for.
    case hint(String)
    /// Every step is done.
    case finished(String)
    case none
}
