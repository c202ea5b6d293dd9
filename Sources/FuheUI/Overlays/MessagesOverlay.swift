import FuheCore
import TermCore

extension CommandID {
    public static let messages = CommandID("check.messages")
    public static let messagesJump = CommandID("messages.jump")
    public static let messagesClose = CommandID("messages.close")
}

extension CommandScope {
    public static let messages = CommandScope("messages", title: "校验提示列表 Messages", rank: 61)
}

/// The validation list (`!`): every rule message of the open dossier and, while the review can
/// still be submitted, every submit blocker (R-003/R-004/R-006, `ReviewLifecycle.submitBlockers`)
/// — the list a blocked submit points to; Enter jumps to the row or item it names.
public struct MessagesOverlay: Overlay, CommandProvider {
    public var position = ListPosition()

    public static let context = KeyOutcome.Context.messages
    public var keyScopes: [CommandScope] { [.messages] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .init(.messages, [.character("!")], .global, "校验提示列表，含提交前须完成的各项（回车跳转）") { $0.push(MessagesOverlay()) },
        .on(MessagesOverlay.self, .messagesJump, [.enter], .messages, "跳到提示所指（行或整改事项）") { overlay, ctx, _ in
            ctx.closeTop()
            let messages = entries(ctx.state)
            if messages.indices.contains(overlay.position.cursor) { ctx.jump(to: messages[overlay.position.cursor]) }
        },
        .on(MessagesOverlay.self, .messagesClose, [.escape, .character("q"), .character("!")], .messages, "关闭提示列表") { _, ctx, _ in
            ctx.closeTop()
        },
    ]

    /// The message under the cursor.
    static func selected(_ state: AppState) -> ValidationMessage? {
        let messages = entries(state)
        guard let overlay = state.overlay as? MessagesOverlay, messages.indices.contains(overlay.position.cursor) else { return nil }
        return messages[overlay.position.cursor]
    }

    /// The rule messages, then (while the review is unsubmitted) the submit blockers not already
    /// among them.
    static func entries(_ state: AppState) -> [ValidationMessage] {
        let messages = state.scored?.messages ?? []
        return messages + submitBlockers(state).filter { b in !messages.contains { $0.code == b.code && $0.nodeID == b.nodeID } }
    }

    /// What blocks a submit now (none once the review is submitted).
    static func submitBlockers(_ state: AppState) -> [ValidationMessage] {
        guard let d = state.dossier, d.review == nil || d.review?.status == .draft else { return [] }
        return ReviewLifecycle.submitBlockers(dossier: d)
    }

    public mutating func move(_ move: ListMove, in state: AppState) {
        move.apply(to: &position, count: Self.entries(state).count)
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let messages = Self.entries(state)
        let blockers = Self.submitBlockers(state).count
        let title = "校验提示 \(messages.count) 条\(blockers > 0 ? "，其中提交前须完成 \(blockers) 项" : "")（\(state.key(.messagesJump)) 跳转，\(state.key(.messagesClose)) 关闭）"
        let inner = OverlayBox.draw(title: title, width: 110, height: frame.screen.height - 4, in: frame.screen, into: &buffer)
        if messages.isEmpty {
            buffer.put("没有校验提示。", x: inner.x, y: inner.y, clip: inner)
            return
        }
        var pos = position
        pos.scroll(height: inner.height, count: messages.count)
        for i in 0..<inner.height {
            let index = pos.top + i
            guard index < messages.count else { break }
            let m = messages[index]
            let place = m.nodeID.flatMap { id in state.dossier?.template.node(id: id) }.map { "[\($0.code) \($0.name)] " } ?? ""
            let text = "\(m.code) \(m.level == .error ? "错误" : "提示") \(place)\(m.message)"
            buffer.put(text.padded(toWidth: inner.width), x: inner.x, y: inner.y + i, style: index == position.cursor ? .reverse : .plain,
                       maxWidth: inner.width, clip: inner)
        }
    }
}

extension UpdateContext {
    /// Jumps from a validation message to the row or item it names.
    mutating func jump(to message: ValidationMessage) {
        if let node = message.nodeID {
            reveal(nodeID: node)
        } else if let item = message.itemID {
            let items = state.items
            if let i = items.firstIndex(where: { $0.id == item }) {
                setFocus(.items)
                state[ItemsPane.self].position.set(i, count: items.count)
                keepCursorsVisible()
            }
        }
        info("\(message.code) \(message.message)")
    }
}
