import TermCore

extension CommandID {
    public static let lessonStart = CommandID("lessons.start")
    public static let lessonNumber = CommandID("lessons.number")
    public static let lessonsClose = CommandID("lessons.close")
}

extension CommandScope {
    public static let lessons = CommandScope("lessons", title: "课程菜单 Lesson menu（fuhe demo）", rank: 63)
}

/// The lesson menu (`T` in the demo): every lesson, the selected one's introduction, and a
/// warning that starting a lesson resets the sandbox.
public struct LessonMenu: Overlay, CommandProvider {
    public var position = ListPosition()

    public static let context = KeyOutcome.Context.lessons
    public var keyScopes: [CommandScope] { [.lessons] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .on(LessonMenu.self, .lessonStart, [.enter], .lessons, "开始所选课程（沙盒先重置）") { menu, ctx, _ in
            ctx.closeTop()
            ctx.startLesson(menu.position.cursor + 1)
        },
        .on(LessonMenu.self, .lessonNumber, (1...9).map { .character(Character("\($0)")) }, .lessons, "开始该编号的课程") { _, ctx, key in
            guard case .character(let c) = key, let n = c.wholeNumberValue, n <= ctx.state[LessonSession.self].lessons.count else { return }
            ctx.closeTop()
            ctx.startLesson(n)
        },
        .on(LessonMenu.self, .lessonsClose, [.escape, .character("q"), .character("T"), .function(2)], .lessons, "关闭课程菜单") { _, ctx, _ in
            ctx.closeTop()
        },
    ]

    public mutating func move(_ move: ListMove, in state: AppState) {
        move.apply(to: &position, count: state.training?.lessonTitles.count ?? 0)
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let title = "课程（\(state.key(.lessonStart)) 开始 · 数字键直接开始 · \(state.key(.lessonsClose)) 关闭）"
        LessonMenuView.render(position, title: title, titles: state.training?.lessonTitles ?? [], intros: state.training?.lessonIntros ?? [],
                              screen: frame.screen, into: &buffer)
    }
}
