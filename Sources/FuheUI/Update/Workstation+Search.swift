import FuheCore
import TermCore

extension Workstation {
    /// Keys while the search bar is open: typing searches incrementally from the row where the
    /// search started; Enter keeps the match, Esc returns to where it started.
    func handleSearchKey(_ key: KeyEvent) {
        guard var editor = state.searchEditor else { return }
        let outcome = editor.handle(key)
        state.searchEditor = editor
        switch outcome {
        case .cancel:
            state.searchEditor = nil
            if let origin = searchOrigin { restoreCursor(origin) }
            searchOrigin = nil
        case .submit:
            state.searchEditor = nil
            state.lastQuery = editor.text.isEmpty ? nil : editor.text
            searchOrigin = nil
            if let q = state.lastQuery, currentIndexMatches(q) == false { info("没有找到“\(q)”") }
        case .edited:
            if searchOrigin == nil { searchOrigin = currentCursor() }
            if let origin = searchOrigin { restoreCursor(origin) }
            if !editor.text.isEmpty { _ = find(editor.text, forward: true, includeCurrent: true) }
        default:
            break
        }
    }

    func searchAgain(forward: Bool) {
        guard let q = state.lastQuery else { info("没有搜索词：按 / 输入"); return }
        if !find(q, forward: forward, includeCurrent: false) { info("没有找到“\(q)”") }
    }

    /// Searchable text of each row of the focused pane.
    func searchTexts() -> [String] {
        switch state.focus {
        case .units:
            return state.units.map { "\($0.unitName) \($0.dossierID)" }
        case .sheet:
            return state.dossier?.template.nodes.map { "\($0.code) \($0.name)" } ?? []
        case .items:
            let d = state.dossier
            return state.items.map { item in
                let finding = d?.findings.first { $0.id == item.findingID }?.description ?? ""
                return "\(item.measure) \(finding) \(item.respUnit) \(item.respPerson)"
            }
        }
    }

    /// Moves to the next/previous row matching `query` (wrapping). Scoresheet search covers
    /// collapsed rows too and expands their parents.
    @discardableResult
    func find(_ query: String, forward: Bool, includeCurrent: Bool) -> Bool {
        let keys = searchKeys()
        guard !keys.isEmpty else { return false }
        let matcher = TextMatcher(query: query)
        let current = currentSearchIndex()
        let n = keys.count
        for step in (includeCurrent ? 0 : 1)...n {
            let i = ((current + (forward ? step : -step)) % n + n) % n
            if matcher.matches(keys[i]) {
                select(searchIndex: i)
                return true
            }
        }
        return false
    }

    func currentIndexMatches(_ q: String) -> Bool {
        let keys = searchKeys()
        let i = currentSearchIndex()
        return keys.indices.contains(i) && TextMatcher(query: q).matches(keys[i])
    }

    /// Prepared search keys of the focused pane's rows, built once per list (pinyin and
    /// simplified forms are costly to derive; matching prepared keys is fast).
    func searchKeys() -> [TextMatcher.Key] {
        let texts = searchTexts()
        if let cached = keyCache[state.focus], cached.texts == texts { return cached.keys }
        let keys = TextMatcher.keys(for: texts)
        keyCache[state.focus] = (texts, keys)
        return keys
    }

    private func currentSearchIndex() -> Int {
        switch state.focus {
        case .units: return state.unitPosition.cursor
        case .sheet:
            guard let node = state.selectedRow?.node, let d = state.dossier else { return 0 }
            return d.template.nodes.firstIndex { $0.id == node.id } ?? 0
        case .items: return state.itemPosition.cursor
        }
    }

    private func select(searchIndex i: Int) {
        switch state.focus {
        case .units: state.unitPosition.set(i, count: state.units.count)
        case .sheet:
            if let node = state.dossier?.template.nodes[i] { reveal(nodeID: node.id) }
        case .items: state.itemPosition.set(i, count: state.items.count)
        }
        keepCursorsVisible()
    }

    private func currentCursor() -> (Pane, Int, String?) {
        (state.focus, state.focus == .units ? state.unitPosition.cursor : state.focus == .items ? state.itemPosition.cursor : state.sheetPosition.cursor,
         state.selectedRow?.node.id)
    }

    private func restoreCursor(_ c: (Pane, Int, String?)) {
        switch c.0 {
        case .units: state.unitPosition.set(c.1, count: state.units.count)
        case .items: state.itemPosition.set(c.1, count: state.items.count)
        case .sheet: if let id = c.2 { rebuildRows(keeping: id) }
        }
        keepCursorsVisible()
    }
}
