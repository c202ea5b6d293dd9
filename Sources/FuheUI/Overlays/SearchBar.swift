import FuheCore
import TermCore

extension CommandID {
    public static let searchStart = CommandID("search.start")
    public static let searchNext = CommandID("search.next")
    public static let searchPrevious = CommandID("search.previous")
    public static let searchConfirm = CommandID("search.confirm")
    public static let searchCancel = CommandID("search.cancel")
}

extension CommandScope {
    public static let searchBar = CommandScope("search", title: "搜索栏 Search bar", rank: 53)
}

/// The search bar (`/`), drawn over the status line: typing searches the focused pane
/// incrementally from the row where the search started; Enter keeps the match, Esc returns to
/// where it started. Matching is Chinese, full pinyin, initials and 繁简 (`TextMatcher`).
public struct SearchBar: TextInput, CommandProvider {
    public var editor = LineEditor(text: "")
    /// The search index of the row where typing started (restored on Esc).
    var origin: Int?

    public static let context = KeyOutcome.Context.search
    public var keyScopes: [CommandScope] { [.searchBar, .text] }
    public var blocksPanes: Bool { false }
    public var showsCursor: Bool { true }

    static let commands: [WorkstationCommand] = [
        .init(.searchStart, [.character("/")], .global, "搜索（中文、全拼、拼音首字母、繁简）", hint: "搜索") { ctx in
            ctx.push(SearchBar())
            // The unit list's keys are read while the first characters are typed; the search
            // runs again on the typed text when they are in.
            ctx.whenSearchable { ctx in
                ctx.withTop(SearchBar.self) { bar, ctx in
                    if !bar.editor.text.isEmpty { _ = ctx.find(bar.editor.text, forward: true, includeCurrent: true) }
                }
            }
        },
        .init(.searchNext, [.character("n")], .global, "下一个匹配") { ctx in ctx.whenSearchable { $0.searchAgain(forward: true) } },
        .init(.searchPrevious, [.character("N")], .global, "上一个匹配") { ctx in ctx.whenSearchable { $0.searchAgain(forward: false) } },
        .on(SearchBar.self, .searchConfirm, [.enter], .searchBar, "确认搜索（停在匹配处）") { bar, ctx, _ in bar.confirm(&ctx) },
        .on(SearchBar.self, .searchCancel, [.escape], .searchBar, "取消搜索（回到搜索开始处）") { bar, ctx, _ in bar.cancel(&ctx) },
    ]

    mutating func input(_ key: KeyEvent, in ctx: inout UpdateContext) {
        switch editor.handle(key) {
        case .submit: confirm(&ctx)
        case .cancel: cancel(&ctx)
        case .edited:
            if origin == nil { origin = ctx.currentSearchIndex() }
            if let origin { ctx.selectSearchResult(origin) }
            if !editor.text.isEmpty { _ = ctx.find(editor.text, forward: true, includeCurrent: true) }
        default: break
        }
    }

    mutating func confirm(_ ctx: inout UpdateContext) {
        ctx.closeTop()
        ctx.state.lastQuery = editor.text.isEmpty ? nil : editor.text
        guard let q = ctx.state.lastQuery else { return }
        // Confirmed before the unit list's keys were in (a server answers later): the search
        // runs when they arrive, so the typed query is not lost.
        ctx.whenSearchable { ctx in
            if !ctx.find(q, forward: true, includeCurrent: true) { ctx.info("没有找到“\(q)”") }
        }
    }

    mutating func cancel(_ ctx: inout UpdateContext) {
        ctx.closeTop()
        if let origin { ctx.selectSearchResult(origin) }
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let rect = frame.status
        buffer.fill(rect, style: .reverse)
        let label = "搜索 \(state.key(.searchStart))"
        let used = buffer.put(label, x: rect.x, y: rect.y, style: Style(bold: true, reverse: true), clip: rect)
        editor.render(into: &buffer, rect: Rect(x: rect.x + used, y: rect.y, width: rect.width - used, height: 1), style: .reverse)
    }
}

extension UpdateContext {
    /// Runs `body` once the focused pane's search texts are there (the unit list reads its keys
    /// from the store first).
    mutating func whenSearchable(_ body: @escaping FollowUp) {
        if state.focus == .units { withUnitKeys(body) } else { body(&self) }
    }

    func currentSearchIndex() -> Int { FocusRing.pane(state.focus)?.searchIndex(state) ?? 0 }

    mutating func selectSearchResult(_ index: Int) {
        FocusRing.pane(state.focus)?.selectSearchResult(index, in: &self)
        keepCursorsVisible()
    }

    mutating func searchAgain(forward: Bool) {
        guard let q = state.lastQuery else { info("没有搜索词：按 \(key(.searchStart)) 输入"); return }
        if !find(q, forward: forward, includeCurrent: false) { info("没有找到“\(q)”") }
    }

    /// Moves to the next/previous row of the focused pane matching `query` (wrapping).
    mutating func find(_ query: String, forward: Bool, includeCurrent: Bool) -> Bool {
        let keys = searchKeys()
        guard !keys.isEmpty else { return false }
        let matcher = TextMatcher(query: query, readings: HanPinyin.searchReading)
        let current = currentSearchIndex()
        let n = keys.count
        for step in (includeCurrent ? 0 : 1)...n {
            let i = ((current + (forward ? step : -step)) % n + n) % n
            if matcher.matches(keys[i]) {
                selectSearchResult(i)
                return true
            }
        }
        return false
    }

    /// Prepared search keys of the focused pane's rows, built once per list.
    mutating func searchKeys() -> [TextMatcher.Key] {
        guard let pane = FocusRing.pane(state.focus) else { return [] }
        let texts = pane.searchTexts(state)
        if let cached = searchCache[state.focus], cached.texts == texts { return cached.keys }
        let keys = TextMatcher.keys(for: texts, readings: HanPinyin.searchReading)
        searchCache[state.focus] = (texts, keys)
        return keys
    }
}
