import FuheCore
import TermCore

extension CommandScope {
    public static let items = CommandScope("items", title: "整改事项 Rectification", rank: 30)
}

/// The rectification pane: the open dossier's items in ledger order. Its commands (the item
/// forms and lifecycle steps) are in `ItemCommands`.
struct ItemsPane: Pane {
    var position = ListPosition()
    /// Items selected for a batch, by id.
    var selection: Set<String> = []

    static let id = PaneID.items
    static let scope = CommandScope.items
    static let commands: [WorkstationCommand] = []

    /// Items of the open dossier in ledger order.
    static func items(_ state: AppState) -> [RectificationItem] {
        (state.dossier?.items ?? []).sorted { ($0.seq, $0.id) < ($1.seq, $1.id) }
    }

    static func selected(_ state: AppState) -> RectificationItem? {
        let list = items(state)
        let cursor = state[ItemsPane.self].position.cursor
        return list.indices.contains(cursor) ? list[cursor] : nil
    }

    static func rect(in layout: Layout) -> Rect { layout.items }
    static func count(_ state: AppState) -> Int { state.dossier?.items.count ?? 0 }

    static func render(_ state: AppState, rect: Rect, into buffer: inout ScreenBuffer) {
        ItemListView.render(state, position: state[ItemsPane.self].position, focused: isFocused(state), rect: rect, into: &buffer)
    }

    static func detail(_ state: AppState) -> (title: String, paragraphs: [String]) {
        guard let item = selected(state), let d = state.dossier else { return ("详情", []) }
        return ("整改事项 \(item.seq)", DetailText.item(item, d: d, today: state.today))
    }

    static func searchTexts(_ state: AppState) -> [String] {
        let d = state.dossier
        return items(state).map { item in
            let finding = d?.findings.first { $0.id == item.findingID }?.description ?? ""
            return "\(item.measure) \(finding) \(item.respUnit) \(item.respPerson)"
        }
    }

    static func historyTarget(_ state: AppState) -> HistoryTarget? {
        guard state.dossier != nil, let item = selected(state) else { return nil }
        return HistoryTarget(entity: "item", entityID: item.id, title: "整改事项 \(item.seq) \(item.measure)")
    }

    /// Puts the cursor on an item.
    static func select(itemID: String, in state: inout AppState) {
        let list = items(state)
        if let i = list.firstIndex(where: { $0.id == itemID }) { state[ItemsPane.self].position.set(i, count: list.count) }
    }
}
