import FuheCore
import TermCore

extension CommandID {
    public static let intakeConfirmYes = CommandID("intake-confirm.yes")
    public static let intakeConfirmNo = CommandID("intake-confirm.no")
}

extension CommandScope {
    public static let intakeConfirm = CommandScope("intake-confirm", title: "确认操作（全部确认、生成卷宗、搁置）Confirming", rank: 67)
}

/// Asks before an action on a whole draft: accept every pending value (with how many of each
/// kind), make the dossier, set the draft aside.
public struct IntakeConfirm: Overlay, CommandProvider {
    public enum Action: Sendable, Equatable {
        case acceptAll(draftID: String)
        case convert(draftID: String)
        case discard(draftID: String)
    }

    var title: String
    public var lines: [String]
    public var action: Action

    public static let context = KeyOutcome.Context(rawValue: "intake-confirm")
    public var keyScopes: [CommandScope] { [.intakeConfirm] }

    static let commands: [WorkstationCommand] = [
        .on(IntakeConfirm.self, .intakeConfirmYes, [.enter, .character("y")], .intakeConfirm, "确定") { box, ctx, _ in
            ctx.closeTop()
            let actor = ctx.state.actor.name
            switch box.action {
            case .acceptAll(let id): ctx.intake(.acceptAll(draftID: id, actor: actor))
            case .convert(let id): ctx.intake(.convert(draftID: id, actor: actor))
            case .discard(let id): ctx.intake(.discard(draftID: id, actor: actor, reason: "复核人搁置"))
            }
        },
        .on(IntakeConfirm.self, .intakeConfirmNo, [.escape, .character("n"), .character("q")], .intakeConfirm, "取消") { _, ctx, _ in
            ctx.closeTop()
            ctx.info("已取消")
        },
    ]

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let width = min(90, frame.screen.width - 2)
        let wrapped = lines.flatMap { $0.wrapped(toWidth: max(1, width - 4)) }
        let inner = OverlayBox.draw(title: title, width: width, height: wrapped.count + 4, in: frame.screen, into: &buffer)
        for (i, line) in wrapped.prefix(max(0, inner.height - 1)).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + i, style: i == 0 ? .bold : .plain, maxWidth: inner.width, clip: inner)
        }
        buffer.put("\(state.key(.intakeConfirmYes)) 确定 · \(state.key(.intakeConfirmNo)) 取消", x: inner.x, y: inner.maxY - 1, style: .dim,
                   maxWidth: inner.width, clip: inner)
    }
}
