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

/// The validation list (`!`): every rule message of the open dossier; Enter jumps to the row or
/// item it names.
public struct MessagesOverlay: Overlay, CommandProvider {
    public var position = ListPosition()

    public static let context = KeyOutcome.Context.messages
    public var keyScopes: [CommandScope] { [.messages] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .init(.messages, [.character("!")], .global, "校验提示列表（回车跳转）") { $0.push(MessagesOverlay()) },
        .on(MessagesOverlay.self, .messagesJump, [.enter], .messages, "跳到提示所指（行或整改事项）") { overlay, ctx, _ in
            ctx.closeTop()
            let messages = ctx.state.scored?.messages ?? []
            if messages.indices.contains(overlay.position.cursor) { ctx.jump(to: messages[overlay.position.cursor]) }
        },
        .on(MessagesOverlay.self, .messagesClose, [.escape, .character("q"), .character("!")], .messages, "关闭提示列表") { _, ctx, _ in
            ctx.closeTop()
        },
    ]

    /// The message under the cursor.
    static func selected(_ state: AppState) -> ValidationMessage? {
        guard let overlay = state.overlay as? MessagesOverlay, let messages = state.scored?.messages,
              messages.indices.contains(overlay.position.cursor) else { return nil }
        return messages[overlay.position.cursor]
    }

    public mutating func move(_ move: ListMove, in state: AppState) {
        move.apply(to: &position, count: state.scored?.messages.count ?? 0)
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let messages = state.scored?.messages ?? []
        let title = "校验提示 \(messages.count) 条（\(state.key(.messagesJump)) 跳转，\(state.key(.messagesClose)) 关闭）"
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
