import FuheCore
import TermCore

extension CommandID {
    public static let history = CommandID("journal.history")
    public static let historyClose = CommandID("history.close")
}

extension CommandScope {
    public static let history = CommandScope("history", title: "修改历史 History", rank: 62)
}

/// The field history overlay (`H`): who set each field of the selected row, item or unit, when,
/// from where (this store, a copy, a merge decision), what it replaced, and why.
public struct HistoryView: Overlay, CommandProvider, Hashable {
    public var title: String
    public var entries: [JournalEntry]
    public var position = ListPosition()
    /// What it shows, to read it again when the store changes.
    public var request: HistoryRequest?

    public init(title: String, entries: [JournalEntry], request: HistoryRequest? = nil) {
        self.title = title
        self.entries = entries
        self.request = request
    }

    public static let context = KeyOutcome.Context.history
    public var keyScopes: [CommandScope] { [.history] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .init(.history, [.character("H")], .global, "修改历史：所选行（或单位）每个字段由谁、何时、从哪里改成什么") { $0.showHistory() },
        .on(HistoryView.self, .historyClose, [.escape, .character("q"), .character("H")], .history, "关闭修改历史") { _, ctx, _ in ctx.closeTop() },
    ]

    public mutating func move(_ move: ListMove, in state: AppState) {
        move.apply(to: &position, count: entries.count)
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let title = "\(title)（\(entries.count) 条，新的在前，\(state.key(.historyClose)) 关闭）"
        let inner = OverlayBox.draw(title: title, width: 120, height: frame.screen.height - 2, in: frame.screen, into: &buffer)
        guard !entries.isEmpty else {
            buffer.put("没有修改记录。", x: inner.x, y: inner.y, clip: inner)
            return
        }
        var pos = position
        pos.scroll(height: max(1, inner.height / 2), count: entries.count)
        for i in 0..<(inner.height / 2) {
            let index = pos.top + i
            guard index < entries.count else { break }
            let (head, change) = Self.lines(entries[index])
            let selected = index == position.cursor
            buffer.put(head.padded(toWidth: inner.width), x: inner.x, y: inner.y + 2 * i, style: selected ? Style(bold: true, reverse: true) : .bold,
                       maxWidth: inner.width, clip: inner)
            buffer.put(("  " + change).padded(toWidth: inner.width), x: inner.x, y: inner.y + 2 * i + 1, style: selected ? .reverse : .plain,
                       maxWidth: inner.width, clip: inner)
        }
    }

    /// The two lines an entry is shown as: "2026-11-23 10:30 · 张三 · 副本 L-1 · 复核分" and
    /// "（空） → 0.00 · 现场核查".
    public static func lines(_ e: JournalEntry) -> (String, String) { JournalText.lines(e) }
}

extension UpdateContext {
    /// A history is in: shown over the screen, or — when it is the one already open, read again
    /// after another session's change — put in its place with the cursor on the same entry.
    mutating func receiveHistory(_ request: HistoryRequest, _ entries: [JournalEntry]) {
        guard let index = state.overlays.lastIndex(where: { ($0.overlay as? HistoryView)?.request == request }),
              var view = state.overlays[index].overlay as? HistoryView else {
            push(HistoryView(title: "修改历史 · " + request.title, entries: entries, request: request))
            return
        }
        let selected = view.entries.indices.contains(view.position.cursor) ? view.entries[view.position.cursor].seq : nil
        view.entries = entries
        view.position.set(entries.firstIndex { $0.seq == selected } ?? 0, count: entries.count)
        state.overlays[index].overlay = view
    }

    /// Asks for the history of the focused pane's selection: a scoresheet row, an item, or in the
    /// unit list the selected unit (elsewhere the open unit when nothing is selected).
    mutating func showHistory() {
        let request: HistoryRequest
        if state.focus == .units, let unit = state.selectedUnit {
            request = HistoryRequest(dossierID: unit.dossierID, entity: nil, entityID: nil, title: unit.unitName + " · 全部修改")
        } else if let d = state.dossier {
            let target = FocusRing.pane(state.focus)?.historyTarget(state)
            request = HistoryRequest(dossierID: d.id, entity: target?.entity, entityID: target?.entityID,
                                     title: target?.title ?? d.unit.displayName + " · 全部修改")
        } else {
            info("没有可查看历史的单位")
            return
        }
        emit(.history(request))
    }
}
