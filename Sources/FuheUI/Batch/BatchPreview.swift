import FuheCore
import TermCore

extension CommandID {
    public static let batchApply = CommandID("batch.apply")
    public static let batchCancel = CommandID("batch.cancel")
}

extension CommandScope {
    public static let batchPreview = CommandScope("batch-preview", title: "批量预览 Batch preview", rank: 56)
}

/// The preview of a batch: every change, line by line, and every row or item a rule refused with
/// its code — before anything is stored. Applying stores all changes as one edit (one journal
/// batch, one undo).
public struct BatchPreview: Overlay, CommandProvider {
    /// One line: a change (✓), a refusal (✗) or nothing to do (=).
    public struct Line: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case change, refused, unchanged }
        public var kind: Kind
        public var text: String
    }

    public var title: String
    public var lines: [Line]
    /// What applying stores (nil: nothing to store).
    var edit: Edit?
    public var position = ListPosition()

    init(title: String, lines: [Line], edit: Edit?) {
        self.title = title
        // Refusals first: they are what the reviewer must read.
        self.lines = lines.filter { $0.kind == .refused } + lines.filter { $0.kind == .change } + lines.filter { $0.kind == .unchanged }
        self.edit = edit
    }

    public static let context = KeyOutcome.Context(rawValue: "batch")
    public var keyScopes: [CommandScope] { [.batchPreview] }
    public var takesListMoves: Bool { true }

    public var changeCount: Int { lines.filter { $0.kind == .change }.count }
    public var refusedCount: Int { lines.filter { $0.kind == .refused }.count }

    static let commands: [WorkstationCommand] = [
        .on(BatchPreview.self, .batchApply, [.enter, .ctrl("s")], .batchPreview, "应用全部修改（一次保存，一次撤销）") { preview, ctx, _ in
            ctx.closeTop()
            guard var edit = preview.edit, preview.changeCount > 0 else { ctx.info("没有可保存的修改"); return }
            let refused = preview.refusedCount > 0 ? "；\(preview.refusedCount) 项被规则拒绝，未修改" : ""
            edit.success = (edit.success ?? "已批量修改") + refused + "（\(ctx.key(.undo)) 一次撤销）"
            ctx.save(edit)
        },
        .on(BatchPreview.self, .batchCancel, [.escape, .character("q")], .batchPreview, "放弃（什么都不保存）") { _, ctx, _ in
            ctx.closeTop()
            ctx.info("已放弃批量修改，未保存")
        },
    ]

    public mutating func move(_ move: ListMove, in state: AppState) {
        move.apply(to: &position, count: lines.count)
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let counts = "\(changeCount) 项修改，\(refusedCount) 项被拒绝\(lines.count - changeCount - refusedCount > 0 ? "，\(lines.count - changeCount - refusedCount) 项无变化" : "")"
        let keys = "\(state.key(.batchApply)) 应用 · \(state.key(.batchCancel)) 放弃"
        let inner = OverlayBox.draw(title: "\(title)：\(counts)（\(keys)）", width: 120, height: frame.screen.height - 2,
                                    in: frame.screen, into: &buffer)
        var pos = position
        pos.scroll(height: inner.height, count: lines.count)
        for i in 0..<inner.height {
            let index = pos.top + i
            guard index < lines.count else { break }
            let line = lines[index]
            let mark = switch line.kind { case .change: "✓ "; case .refused: "✗ "; case .unchanged: "= " }
            var style: Style = line.kind == .refused ? Style(bold: true, foreground: .red) : line.kind == .unchanged ? .dim : .plain
            if index == position.cursor { style.reverse = true }
            buffer.put((mark + line.text).padded(toWidth: inner.width), x: inner.x, y: inner.y + i, style: style, maxWidth: inner.width, clip: inner)
        }
    }
}

extension Command where Model == AppState, Target == UpdateContext {
    /// A batch action offered in a batch menu: closes the menu, then opens its form (whose
    /// submission returns the preview, `.open(BatchPreview)`).
    static func batchForm(_ id: CommandID, _ keys: [KeyEvent], _ scope: CommandScope, _ help: String,
                          open: @escaping @Sendable (UpdateContext) -> FormState?, submit: @escaping FormSubmit) -> Self {
        Self(spec: CommandSpec(id: id, keys: keys, scope: scope, help: help), availability: { _ in .available }, form: submit) { ctx, _ in
            ctx.closeTop()
            guard var form = open(ctx) else { return }
            form.command = id
            ctx.push(form)
        }
    }
}
