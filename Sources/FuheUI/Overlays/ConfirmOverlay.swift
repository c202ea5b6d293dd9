import TermCore

extension CommandID {
    public static let confirmYes = CommandID("confirm.yes")
    public static let confirmNo = CommandID("confirm.no")
}

extension CommandScope {
    public static let confirm = CommandScope("confirm", title: "确认 Confirmations", rank: 49)
}

extension KeyOutcome.Context {
    public static let confirm = KeyOutcome.Context(rawValue: "confirm")
}

/// A question asked before something that cannot be taken back: dropping typed text (Esc on a
/// form with input), quitting with unsaved work (Ctrl-C), submitting or finalizing a review
/// (with its summary). `y` does it; `n` or Esc goes back to where the user was. Nothing else
/// answers it, so a stray key never decides.
public struct ConfirmOverlay: Overlay, CommandProvider {
    public var title: String
    /// What the user should know before answering (wrapped whole; the box scrolls when long).
    public var lines: [String]
    /// "放弃已输入的内容？"
    public var question: String
    /// What `y` and `n` do, in words ("放弃", "继续编辑").
    public var yes: String
    public var no: String
    /// First line shown (the box scrolls with the cursor keys when the lines are many).
    public var top = 0
    /// Runs after the confirmation closes, when the answer is yes.
    let onYes: FollowUp

    init(title: String, lines: [String] = [], question: String, yes: String, no: String, onYes: @escaping FollowUp) {
        self.title = title
        self.lines = lines
        self.question = question
        self.yes = yes
        self.no = no
        self.onYes = onYes
    }

    public static let context = KeyOutcome.Context.confirm
    public var keyScopes: [CommandScope] { [.confirm] }
    public var takesListMoves: Bool { true }
    public var showsCursor: Bool { false }

    static let commands: [WorkstationCommand] = [
        .init(.confirmYes, [.character("y"), .character("Y")], .confirm, "确认（放弃输入、退出、提交或定稿）") { ctx in
            guard let confirm = ctx.state.overlay as? ConfirmOverlay else { return }
            ctx.closeTop()
            confirm.onYes(&ctx)
        },
        .on(ConfirmOverlay.self, .confirmNo, [.character("n"), .character("N"), .escape], .confirm, "不确认，回到原处（继续编辑）") { confirm, ctx, _ in
            ctx.closeTop()
            ctx.info("已取消：\(confirm.no)")
        },
    ]

    public mutating func move(_ move: ListMove, in state: AppState) {
        var position = ListPosition(cursor: top, top: top)
        move.apply(to: &position, count: body(width: Self.innerWidth(state.width)).count)
        top = position.cursor
    }

    static func innerWidth(_ screenWidth: Int) -> Int { min(72, screenWidth - 2) - 4 }

    /// The lines wrapped to `width`, then the question.
    func body(width: Int) -> [String] {
        lines.flatMap { RefusalView.hanging($0, width: width) }
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let width = Self.innerWidth(frame.screen.width)
        let text = body(width: width)
        let question = "\(question)  \(state.key(.confirmYes)) \(yes) / \(state.key(.confirmNo)) \(no)"
        let questionLines = question.wrapped(toWidth: width)
        let wanted = text.count + (text.isEmpty ? 0 : 1) + questionLines.count + 2
        let inner = OverlayBox.draw(title: title, width: width + 4, height: min(frame.screen.height - 2, wanted), in: frame.screen, into: &buffer)
        let room = max(0, inner.height - questionLines.count - (text.isEmpty ? 0 : 1))
        let first = max(0, min(top, text.count - room))
        for (i, line) in text.dropFirst(first).prefix(room).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + i, maxWidth: inner.width, clip: inner)
        }
        if text.count > room, room > 0 {
            // Lines above or below the box: say so on its border, never cut silently.
            let more = "\(first + 1)–\(first + room)/\(text.count) \(state.key(.down))/\(state.key(.up)) 滚动"
            buffer.put(" \(more) ", x: inner.maxX - DisplayWidth.of(more) - 2, y: inner.maxY, style: .dim, clip: frame.screen)
        }
        for (i, line) in questionLines.enumerated() {
            buffer.put(line, x: inner.x, y: inner.maxY - questionLines.count + i, style: .bold, maxWidth: inner.width, clip: inner)
        }
    }
}

extension ConfirmOverlay {
    /// "放弃已输入的内容？ y 放弃 / n 继续编辑" over a form with typed text; yes closes the form.
    static func discard(_ form: FormState) -> ConfirmOverlay {
        ConfirmOverlay(title: "放弃输入", lines: ["表单「\(form.title)」中有已输入、尚未保存的内容。"],
                       question: "放弃已输入的内容？", yes: "放弃", no: "继续编辑") { ctx in
            ctx.closeTop()
            ctx.info("已取消，未保存")
        }
    }
}
