import FuheCore
import TermCore

extension CommandID {
    public static let messages = CommandID("check.messages")
    public static let messagesJump = CommandID("messages.jump")
    public static let messagesClose = CommandID("messages.close")
    public static let messagesSection = CommandID("messages.section")
}

extension CommandScope {
    public static let messages = CommandScope("messages", title: "校验提示列表 Messages", rank: 61)
}

/// The validation list (`!`): first every submit blocker of the open dossier's review (R-003,
/// — `ReviewLifecycle.submitBlockers`) while it is still a draft, then every rule
/// message; each with its code; Enter jumps to the row or item it names.
public struct MessagesOverlay: Overlay, CommandProvider {
    public var position = ListPosition()

    public static let context = KeyOutcome.Context.messages
    public var keyScopes: [CommandScope] { [.messages] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .init(.messages, [.character("!")], .global, "提交障碍和校验提示列表（带规则代码，回车跳转）") { $0.push(MessagesOverlay()) },
        .on(MessagesOverlay.self, .messagesJump, [.enter], .messages, "跳到所指（行或整改事项）") { overlay, ctx, _ in
            ctx.closeTop()
            let entries = entries(ctx.state)
            if entries.indices.contains(overlay.position.cursor) { ctx.jump(to: entries[overlay.position.cursor].message) }
        },
        .on(MessagesOverlay.self, .messagesSection, [.tab], .messages, "跳到另一部分（提交障碍 ↔ 校验提示）") { overlay, ctx, _ in
            let entries = entries(ctx.state)
            let firstMessage = entries.firstIndex { !$0.blocksSubmit } ?? 0
            let onBlocker = entries.indices.contains(overlay.position.cursor) && entries[overlay.position.cursor].blocksSubmit
            let target = onBlocker ? firstMessage : 0
            // The part starts at the top of the box.
            overlay.position = ListPosition(cursor: min(target, max(0, entries.count - 1)), top: target)
        },
        .on(MessagesOverlay.self, .messagesClose, [.escape, .character("q"), .character("!")], .messages, "关闭提示列表") { _, ctx, _ in
            ctx.closeTop()
        },
    ]

    /// One line of the list: a message and whether it blocks submitting the review.
    struct Entry {
        var message: ValidationMessage
        var blocksSubmit: Bool
    }

    /// The submit blockers (while the review is a draft or not started), then the rule messages
    /// not already listed among them (each problem is listed once).
    static func entries(_ state: AppState) -> [Entry] {
        guard let d = state.dossier else { return [] }
        let draft = d.review.map { $0.status == .draft } ?? true
        let blockers = draft ? ReviewLifecycle.submitBlockers(dossier: d) : []
        let messages = (state.scored?.messages ?? []).filter { m in !blockers.contains { $0.code == m.code && $0.nodeID == m.nodeID } }
        return blockers.map { Entry(message: $0, blocksSubmit: true) } + messages.map { Entry(message: $0, blocksSubmit: false) }
    }

    /// The message under the cursor.
    static func selected(_ state: AppState) -> ValidationMessage? {
        guard let overlay = state.overlay as? MessagesOverlay else { return nil }
        let entries = entries(state)
        return entries.indices.contains(overlay.position.cursor) ? entries[overlay.position.cursor].message : nil
    }

    public mutating func move(_ move: ListMove, in state: AppState) {
        move.apply(to: &position, count: Self.entries(state).count)
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let entries = Self.entries(state)
        let blocking = entries.filter(\.blocksSubmit)
        let codes = Set(blocking.map(\.message.code)).sorted().joined(separator: "/")
        let head = blocking.isEmpty ? "可以提交" : "提交前须完成 \(blocking.count) 项（\(codes)）"
        let counts = "\(head) · 校验提示 \(entries.count - blocking.count) 条"
        let keys = "（\(state.key(.messagesJump)) 跳转，\(state.key(.messagesSection)) 换部分，\(state.key(.messagesClose)) 关闭）"
        // The counts are never cut: on a narrow screen the title names only the key that is not obvious.
        let room = min(110, frame.screen.width - 2) - 6
        let title = DisplayWidth.of(counts + keys) <= room ? counts + keys : counts + "（\(state.key(.messagesSection)) 换部分）"
        let inner = OverlayBox.draw(title: title, width: 110, height: frame.screen.height - 4, in: frame.screen, into: &buffer)
        if entries.isEmpty {
            buffer.put(state.dossier == nil ? "未打开评分表。" : "没有提交障碍，也没有校验提示。", x: inner.x, y: inner.y, clip: inner)
            return
        }
        var pos = position
        pos.scroll(height: inner.height, count: entries.count)
        for i in 0..<inner.height {
            let index = pos.top + i
            guard index < entries.count else { break }
            let m = entries[index].message
            let place = m.nodeID.flatMap { id in state.dossier?.template.node(id: id) }.map { "[\($0.code) \($0.name)] " } ?? ""
            let kind = entries[index].blocksSubmit ? "阻止提交" : m.level == .error ? "错误" : "提示"
            let text = "\(m.code) \(kind) \(place)\(m.message)"
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
