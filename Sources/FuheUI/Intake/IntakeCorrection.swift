import FuheCore
import TermCore

extension CommandID {
    public static let correctionSave = CommandID("correction.save")
    public static let correctionCancel = CommandID("correction.cancel")
}

extension CommandScope {
    public static let intakeCorrection = CommandScope("correction", title: "更正草稿中的值 Correcting a value", rank: 67)
}

/// The line editor Enter opens on a draft value, prefilled with the value as it stands. The
/// draft's own rule checks what was typed (a year is a year, a score a score, a figure a number)
/// before it is stored; a refusal keeps the box open with the reason.
public struct IntakeCorrection: TextInput, CommandProvider {
    var draftID: String
    var valueID: String
    var label: String
    /// The value as the report prints it ("20xx"), shown above the field.
    var printed: String?
    public var editor: LineEditor
    public var error: String?

    init(draftID: String, valueID: String, label: String, printed: String?, text: String) {
        self.draftID = draftID
        self.valueID = valueID
        self.label = label
        self.printed = printed
        editor = LineEditor(text: text)
    }

    public static let context = KeyOutcome.Context(rawValue: "correction")
    public var keyScopes: [CommandScope] { [.intakeCorrection, .text] }
    public var showsCursor: Bool { true }

    static let commands: [WorkstationCommand] = [
        .on(IntakeCorrection.self, .correctionSave, [.enter], .intakeCorrection, "保存更正（先按规则检查）") { box, ctx, _ in box.submit(&ctx) },
        .on(IntakeCorrection.self, .correctionCancel, [.escape], .intakeCorrection, "取消更正") { _, ctx, _ in
            ctx.closeTop()
            ctx.info("已取消，未更正")
        },
    ]

    mutating func input(_ key: KeyEvent, in ctx: inout UpdateContext) {
        switch editor.handle(key) {
        case .submit: submit(&ctx)
        case .cancel: ctx.closeTop()
        case .edited: error = nil
        default: break
        }
    }

    /// Checks the text with the draft's rule (as the store will), then stores it.
    mutating func submit(_ ctx: inout UpdateContext) {
        guard let page = ctx.state.overlays.lazy.compactMap({ $0.overlay as? DraftPage }).last(where: { $0.draftID == draftID }),
              var copy = page.draft else { ctx.closeTop(); return }
        let text = editor.text
        do {
            try copy.decide(valueID, .corrected(text), templates: page.lookup)
        } catch {
            self.error = error.message
            return
        }
        ctx.closeTop()
        ctx.intake(.decide(draftID: draftID, valueID: valueID, decision: .corrected(text), actor: ctx.state.actor.name))
        ctx.withOverlay(DraftPage.self) { page, _ in page.position.move(by: 1, count: page.rows.count) }
        ctx.info("已更正：\(label) → \(text.trimmingCharacters(in: .whitespaces))" + DraftPage.remaining(copy, page.lookup))
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let inner = OverlayBox.draw(title: "更正 · \(label)", width: 72, height: 7, in: frame.screen, into: &buffer)
        buffer.put("原文所载：" + (printed ?? "（原文未找到）"), x: inner.x, y: inner.y, style: .dim, maxWidth: inner.width, clip: inner)
        buffer.put("改为：", x: inner.x, y: inner.y + 1, style: .bold, clip: inner)
        let field = Rect(x: inner.x + 6, y: inner.y + 1, width: inner.width - 6, height: 1)
        buffer.fill(field, style: Style(underline: true))
        editor.render(into: &buffer, rect: field, style: Style(underline: true))
        let footer = error.map { "✗ " + $0 } ?? "\(state.key(.correctionSave)) 保存 · \(state.key(.correctionCancel)) 取消"
        buffer.put(footer, x: inner.x, y: inner.maxY - 1, style: error == nil ? .dim : Style(bold: true, foreground: .red),
                   maxWidth: inner.width, clip: inner)
    }
}
